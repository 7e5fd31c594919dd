// Growth: the KPI tiles of the range and the lifecycle composition per interval.
import {byId, fill, h, table} from '../dom.js';
import {count, day, decimal, money, percent, shortDay} from '../format.js';
import {COLORS, draw} from '../charts.js';
import {Panel} from '../panel.js';

const TILES = [
  {kpi: 'activeUsers', label: 'Active users', show: count, note: () => 'distinct users active in the range'},
  {kpi: 'activationRate', label: 'Activation rate', show: percent,
   note: kpis => `of ${count(kpis.registeredUsers)} registered in the range`},
  {kpi: 'nextDayRetention', label: 'Next-day retention', show: percent,
   note: () => 'active the day after registering'},
  {kpi: 'averageOrderValue', label: 'Average order value', show: money, note: () => 'per purchase in the range',
   raw: value => value?.amount},
  {kpi: 'repeatPurchaseRate', label: 'Repeat-purchase rate', show: percent,
   note: () => 'of buyers, who bought twice or more'},
  {kpi: 'viralCoefficient', label: 'Viral coefficient', show: value => decimal(value, 2),
   note: () => 'users referred per new user'},
];

export function growthView({api, range, noData}) {
  const kpis = new Panel(byId('kpis'), {onRetry: loadKpis});
  const lifecycle = new Panel(byId('lifecycle'), {onRetry: loadLifecycle});
  byId('lifecycle-interval').addEventListener('change', loadLifecycle);

  async function loadKpis() {
    const token = kpis.loading();
    fill(byId('kpis-caption'));
    try {
      const figures = await api.get('/api/v1/kpis', range());
      if (!kpis.current(token)) {
        return;
      }
      if (figures.asOf === null) {
        kpis.empty();
        return;
      }
      byId('kpis-caption').textContent = `${day(figures.from)} – ${day(figures.to)} · `
          + `data up to ${day(figures.asOf)}`;
      kpis.ready();
      fill(byId('kpi-tiles'), TILES.map(tile => {
        const value = figures[tile.kpi];
        return h('div', {class: 'tile', 'data-kpi': tile.kpi, 'data-value': (tile.raw ?? (v => v))(value) ?? ''},
                 h('div', {class: 'label'}, tile.label),
                 h('div', {class: 'value'}, tile.show(value)),
                 h('div', {class: 'note'}, tile.note(figures)));
      }));
    } catch (error) {
      if (kpis.current(token)) {
        kpis.error(error);
      }
    }
  }

  async function loadLifecycle() {
    const token = lifecycle.loading();
    try {
      const interval = byId('lifecycle-interval').value;
      const composition = await api.get('/api/v1/lifecycle', {interval, ...range()});
      if (!lifecycle.current(token)) {
        return;
      }
      const rows = composition.intervals;
      if (composition.asOf === null || noData()) {
        lifecycle.empty();
        return;
      }
      if (rows.every(row => row.new + row.returning + row.resurrecting + row.dormant === 0)) {
        lifecycle.empty('Nobody was active or went quiet in this range.');
        return;
      }
      lifecycle.ready();
      drawLifecycle(rows);
      fill(byId('lifecycle-table'), table([
        {label: 'Interval from', cell: row => day(row.start)},
        {label: 'New', cell: row => count(row.new)},
        {label: 'Returning', cell: row => count(row.returning)},
        {label: 'Resurrecting', cell: row => count(row.resurrecting)},
        {label: 'Dormant', cell: row => count(row.dormant)},
        {label: 'Quick ratio', cell: row => row.dormant === 0 ? '–'
            : decimal((row.new + row.resurrecting) / row.dormant, 2)},
      ], rows, {rowAttributes: row => ({'data-interval': row.start})}));
    } catch (error) {
      if (lifecycle.current(token)) {
        lifecycle.error(error);
      }
    }
  }

  function drawLifecycle(rows) {
    const element = byId('lifecycle-chart');
    const series = (name, key, sign, stack) => ({
      name, type: 'bar', stack, barGap: '-100%', barMaxWidth: 46, itemStyle: {color: COLORS.lifecycle[key]},
      emphasis: {focus: 'series'}, data: rows.map(row => sign * row[key]),
    });
    draw(element, small => ({
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: value => count(Math.abs(value))},
      legend: {bottom: 0, itemGap: small ? 8 : 14},
      grid: {left: 44, right: 12, top: 16, bottom: small ? 78 : 56},
      xAxis: {type: 'category', data: rows.map(row => shortDay(row.start)), axisTick: {alignWithLabel: true},
              axisLabel: {hideOverlap: true}},
      yAxis: {type: 'value', minInterval: 1, axisLabel: {formatter: value => count(Math.abs(value))}},
      series: [
        series('New', 'new', 1, 'up'),
        series('Returning', 'returning', 1, 'up'),
        series('Resurrecting', 'resurrecting', 1, 'up'),
        series('Dormant', 'dormant', -1, 'down'),
      ],
    }));
  }

  return {
    load() {
      loadKpis();
      loadLifecycle();
    },
    clear() {
      kpis.idle('Enter an API key to see the figures.');
      lifecycle.idle('Enter an API key to see the figures.');
    },
  };
}
