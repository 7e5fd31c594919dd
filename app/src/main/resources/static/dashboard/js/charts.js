// Apache ECharts from its WebJar, served by the service itself (no build step, nothing from the internet).
import * as echarts from '/webjars/echarts/dist/echarts.esm.min.js';

export const COLORS = {
  layers: {
    VALUE_CONTRIBUTOR: '#15803d',
    POTENTIAL_GROWER: '#2563eb',
    MAINTAIN: '#d97706',
    CHURN_WARNING: '#dc2626',
  },
  lifecycle: {new: '#2563eb', returning: '#16a34a', resurrecting: '#9333ea', dormant: '#dc2626'},
  treatment: '#2563eb',
  holdout: '#9ca3af',
};

const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
const NARROW = 560;
// per chart element: the function that builds its option for a width, and whether it was built narrow
const builders = new WeakMap();
const resizes = new ResizeObserver(entries => {
  for (const entry of entries) {
    const chart = echarts.getInstanceByDom(entry.target);
    const built = builders.get(entry.target);
    if (!chart || !built || entry.contentRect.width === 0) {
      continue;
    }
    const small = entry.contentRect.width < NARROW;
    chart.resize();
    if (small !== built.small) {
      render(entry.target, chart, built.build, small);
    }
  }
});

function render(element, chart, build, small) {
  builders.set(element, {build, small});
  chart.setOption({
    animation: !reducedMotion.matches,
    animationDuration: 400,
    textStyle: {fontFamily: getComputedStyle(document.body).fontFamily},
    ...build(small),
  }, true);
}

/**
 * Draws in {@code element} the option that {@code build(small)} answers, replacing what was there; {@code small}
 * tells a phone-sized element (fewer labels, more room for the legend). The chart follows the element's size and
 * is built again when it crosses between the two.
 */
export function draw(element, build) {
  const chart = echarts.getInstanceByDom(element) ?? echarts.init(element, null, {renderer: 'canvas'});
  if (!builders.has(element)) {
    resizes.observe(element);
  }
  render(element, chart, build, element.clientWidth < NARROW);
  return chart;
}

/** Resizes the charts of a view that was hidden while its data arrived. */
export function resizeWithin(container) {
  for (const element of container.querySelectorAll('.chart')) {
    echarts.getInstanceByDom(element)?.resize();
  }
}
