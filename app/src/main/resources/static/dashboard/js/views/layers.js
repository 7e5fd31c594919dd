// Layers: a layering run (the latest by default), its users per layer, centroids, RFM segments and scores, and how
// its users moved since the run before it.
import {byId, fill, h, table} from '../dom.js';
import {count, day, decimal, instant, label, percent} from '../format.js';
import {COLORS, draw} from '../charts.js';
import {NO_DATA, Panel} from '../panel.js';

const FEATURES = [
  {key: 'recencyDays', label: 'Days since active', places: 1},
  {key: 'activeDays30', label: 'Active days of 30', places: 1},
  {key: 'activeDays90', label: 'Active days of 90', places: 1},
  {key: 'frequency', label: 'Purchases', places: 2},
  {key: 'monetary', label: 'Spent', places: 2},
];
const NO_RUN = 'No layering run yet: runs start every week (lifecycle.layering.schedule), or on demand with '
    + 'POST /api/v1/layers/runs.';

export function layersView({api, noData}) {
  const panel = new Panel(byId('layers'), {onRetry: () => load()});
  const select = byId('layers-run');
  select.addEventListener('change', () => load(select.value));

  async function load(runId) {
    const token = panel.loading();
    try {
      const runs = await api.get('/api/v1/layers/runs');
      if (!panel.current(token)) {
        return;
      }
      if (runs.length === 0) {
        panel.empty(noData() ? NO_DATA : NO_RUN);
        return;
      }
      const at = Math.max(0, runs.findIndex(run => run.runId === runId));
      const chosen = runs[at];
      const before = runs[at + 1];
      const [run, moves] = await Promise.all([
        at === 0 ? api.get('/api/v1/layers') : api.get(`/api/v1/layers/runs/${encodeURIComponent(chosen.runId)}`),
        before ? api.get(`/api/v1/layers/runs/${encodeURIComponent(chosen.runId)}/transitions`) : null,
      ]);
      if (!panel.current(token)) {
        return;
      }
      fill(select, runs.map((summary, index) => h('option', {value: summary.runId, selected: index === at},
          `${day(summary.asOfDay)} · ${count(summary.users)} users${index === 0 ? ' (latest)' : ''}`)));
      panel.ready();
      byId('layers-caption').textContent = `As of ${day(run.asOfDay)}: ${count(run.users)} users in `
          + `${run.parameters.k} clusters (${run.iterations} k-means passes${run.converged ? ', converged' : ''}), `
          + `started by ${run.trigger === 'api' ? 'a request' : 'the schedule'}, stored ${instant(run.finishedAt)}.`;
      showLayers(run);
      showMoves(moves, before);
      showCentroids(run);
      showSegments(run);
    } catch (error) {
      if (panel.current(token)) {
        panel.error(error);
      }
    }
  }

  function showLayers(run) {
    fill(byId('layer-tiles'), run.layers.map(layer => h('div', {
      class: 'tile', style: {'--layer': COLORS.layers[layer.layer]}, 'data-layer': layer.layer,
      'data-count': layer.count}, h('div', {class: 'label'}, label(layer.layer)),
    h('div', {class: 'value'}, count(layer.count)), h('div', {class: 'note'}, `${percent(layer.share)} of users`))));
    const layers = [...run.layers].reverse();
    draw(byId('layers-chart'), () => ({
      tooltip: {trigger: 'item', formatter: ({name, value}) => `${name}: ${count(value)} users`},
      grid: {left: 128, right: 24, top: 8, bottom: 24},
      xAxis: {type: 'value', minInterval: 1},
      yAxis: {type: 'category', data: layers.map(layer => label(layer.layer))},
      series: [{type: 'bar', barMaxWidth: 28,
                data: layers.map(layer => ({value: layer.count, itemStyle: {color: COLORS.layers[layer.layer]}})),
                label: {show: true, position: 'right', formatter: ({value}) => count(value)}}],
    }));
  }

  function showMoves(moves, before) {
    const element = byId('moves-chart');
    const state = byId('moves-state');
    if (!moves) {
      element.hidden = true;
      fill(byId('moves-table'));
      state.textContent = 'This is the first run: the movement shows once a later run is stored.';
      return;
    }
    element.hidden = false;
    state.textContent = `Since the run of ${day(before.asOfDay)}: ${count(moves.stayed)} stayed, `
        + `${count(moves.moved)} moved, ${count(sum(moves.entered))} new`
        + (sum(moves.left) > 0 ? `, ${count(sum(moves.left))} no longer included.` : '.');
    const links = [];
    for (const from of moves.layers) {
      for (const to of moves.layers) {
        if (moves.moves[from][to] > 0) {
          links.push({source: `before:${from}`, target: `now:${to}`, value: moves.moves[from][to]});
        }
      }
      if (moves.left[from] > 0) {
        links.push({source: `before:${from}`, target: 'now:LEFT', value: moves.left[from]});
      }
    }
    for (const to of moves.layers) {
      if (moves.entered[to] > 0) {
        links.push({source: 'before:NEW', target: `now:${to}`, value: moves.entered[to]});
      }
    }
    const names = new Set(links.flatMap(link => [link.source, link.target]));
    const nodeLabel = name => {
      const layer = name.split(':')[1];
      return layer === 'NEW' ? 'New users' : layer === 'LEFT' ? 'Not included' : label(layer);
    };
    draw(element, small => ({
      tooltip: {trigger: 'item', formatter: ({dataType, data}) => dataType === 'edge'
          ? `${nodeLabel(data.source)} → ${nodeLabel(data.target)}: ${count(data.value)} users`
          : nodeLabel(data.name)},
      series: [{
        type: 'sankey', left: 8, right: small ? 84 : 128, top: 8, bottom: 8, nodeGap: 10, draggable: false,
        emphasis: {focus: 'adjacency'}, lineStyle: {color: 'gradient', opacity: 0.35},
        label: {formatter: ({name}) => nodeLabel(name), fontSize: small ? 10 : 12},
        data: [...names].map(name => ({name, itemStyle: {color: COLORS.layers[name.split(':')[1]] ?? '#9ca3af'}})),
        links,
      }],
    }));
    const rows = [...moves.layers.map(layer => ({from: layer, cells: moves.moves[layer], left: moves.left[layer]})),
                  {from: 'NEW', cells: moves.entered, left: null}];
    fill(byId('moves-table'), table([
      {label: 'Before ↓ / now →', cell: row => row.from === 'NEW' ? 'New users' : label(row.from)},
      ...moves.layers.map(to => ({label: label(to), cell: row => ({
        text: count(row.cells[to]), attributes: {'data-from': row.from, 'data-to': to}})})),
      {label: 'Not included', cell: row => row.left === null ? '' : count(row.left)},
    ], rows, {rowAttributes: row => ({'data-from': row.from})}));
  }

  function showCentroids(run) {
    fill(byId('centroids-table'), table([
      {label: 'Layer', cell: layer => label(layer.layer)},
      {label: 'Users', cell: layer => count(layer.count)},
      ...FEATURES.map(feature => ({label: feature.label, cell: layer => ({
        text: layer.centroid ? decimal(layer.centroid[feature.key], feature.places) : '–',
        attributes: {'data-feature': feature.key}})})),
    ], run.layers, {rowAttributes: layer => ({'data-layer': layer.layer})}));
  }

  function showSegments(run) {
    const segments = Object.entries(run.rfm.segments);
    const filled = segments.filter(([, users]) => users > 0);
    draw(byId('segments-chart'), () => ({
      tooltip: {formatter: ({name, value}) => `${name}: ${count(value)} users`},
      series: [{
        type: 'treemap', roam: false, nodeClick: false, breadcrumb: {show: false}, top: 4, left: 4, right: 4,
        bottom: 4, label: {formatter: ({name, value}) => `${name} · ${count(value)}`, fontSize: 12},
        data: filled.map(([segment, users]) => ({name: label(segment), value: users})),
      }],
    }));
    fill(byId('segments-table'), table([
      {label: 'Segment', cell: ([segment]) => label(segment)},
      {label: 'Users', cell: ([, users]) => count(users)},
      {label: 'Share', cell: ([, users]) => percent(run.users ? users / run.users : null)},
    ], segments, {rowAttributes: ([segment, users]) => ({'data-segment': segment, 'data-count': users})}));
    const scores = ['5', '4', '3', '2', '1'];
    fill(byId('scores-table'), table([
      {label: 'Score', cell: score => score},
      {label: 'Recency', cell: score => count(run.rfm.recency[score] ?? 0)},
      {label: 'Frequency', cell: score => count(run.rfm.frequency[score] ?? 0)},
      {label: 'Monetary', cell: score => count(run.rfm.monetary[score] ?? 0)},
    ], scores, {rowAttributes: score => ({'data-score': score})}));
  }

  return {
    load: () => load(select.value || undefined),
    clear() {
      panel.idle('Enter an API key to see the figures.');
    },
  };
}

function sum(counts) {
  return Object.values(counts).reduce((total, users) => total + users, 0);
}
