// Retention: the cohort table as a heat map, with the figures of every cell in a table beside it.
import {byId, fill, h} from '../dom.js';
import {count, day, percent, shortDay} from '../format.js';
import {draw} from '../charts.js';
import {Panel} from '../panel.js';

const CONTROLS = ['retention-cohort', 'retention-period', 'retention-mode', 'retention-basis'];
const PERIOD_NAMES = {day: 'Day', week: 'Week', month: 'Month'};

const SCALE = ['#eff6ff', '#93c5fd', '#1e40af'];

/** The chart's colour scale (SCALE, from 0 to 100%) for a cell of the table. */
function heat(share) {
  if (share === null || share === undefined) {
    return {};
  }
  const t = Math.min(1, Math.max(0, Number(share))) * (SCALE.length - 1);
  const low = Math.min(SCALE.length - 2, Math.floor(t));
  const rgb = color => [1, 3, 5].map(at => parseInt(color.slice(at, at + 2), 16));
  const [from, to] = [rgb(SCALE[low]), rgb(SCALE[low + 1])];
  const mixed = from.map((channel, i) => Math.round(channel + (to[i] - channel) * (t - low)));
  return {background: `rgb(${mixed.join(', ')})`, color: t > 1.1 ? '#fff' : '#1f2937'};
}

export function retentionView({api, range, noData}) {
  const panel = new Panel(byId('retention'), {onRetry: load});
  CONTROLS.forEach(id => byId(id).addEventListener('change', load));

  async function load() {
    const token = panel.loading();
    try {
      const table = await api.get('/api/v1/retention', {
        basis: byId('retention-basis').value,
        cohort: byId('retention-cohort').value,
        period: byId('retention-period').value,
        mode: byId('retention-mode').value,
        ...range(),
      });
      if (!panel.current(token)) {
        return;
      }
      if (table.asOf === null || noData()) {
        panel.empty();
        return;
      }
      if (table.rows.length === 0) {
        panel.empty('No cohort starts in this range.');
        return;
      }
      panel.ready();
      byId('retention-caption').textContent = `${table.rows.length} cohorts by ${table.cohort}, periods of a `
          + `${table.period} counted ${table.mode === 'on' ? 'on' : 'on or after'} each period, `
          + `from ${table.basis === 'registration' ? 'registration' : 'the first purchase'}; `
          + `data up to ${day(table.asOf)}.`;
      drawHeatMap(table);
      fill(byId('retention-table'), cohortTable(table));
    } catch (error) {
      if (panel.current(token)) {
        panel.error(error);
      }
    }
  }

  function drawHeatMap(table) {
    const element = byId('retention-chart');
    const periods = Math.max(...table.rows.map(row => row.rates.length));
    const cohorts = table.rows.map(row => `${shortDay(row.cohortStart)} (${count(row.size)})`);
    const cells = [];
    table.rows.forEach((row, y) => row.rates.forEach((rate, x) => {
      if (rate !== null) {
        cells.push({value: [x, y, Number(rate) * 100], retained: row.retained[x], eligible: row.eligible[x]});
      }
    }));
    element.style.height = `${Math.max(260, table.rows.length * 34 + 110)}px`;
    draw(element, small => ({
      tooltip: {
        formatter: ({data, value}) => `${cohorts[value[1]]}<br>${PERIOD_NAMES[table.period]} ${value[0]}: `
            + `${value[2].toFixed(1)}% (${data.retained} of ${data.eligible})`,
      },
      grid: {left: small ? 92 : 120, right: 12, top: 8, bottom: 64},
      xAxis: {type: 'category', name: `${PERIOD_NAMES[table.period]} after start`, nameLocation: 'middle',
              nameGap: 26, data: Array.from({length: periods}, (_, i) => String(i)), splitArea: {show: true}},
      yAxis: {type: 'category', data: cohorts, inverse: true, splitArea: {show: true}},
      visualMap: {min: 0, max: 100, calculable: false, orient: 'horizontal', left: 'center', bottom: 0,
                  itemHeight: small ? 120 : 200, itemWidth: 12, text: ['100%', '0%'],
                  inRange: {color: SCALE}},
      series: [{
        type: 'heatmap', data: cells,
        label: {show: !small || periods <= 6, formatter: ({value}) => `${Math.round(value[2])}%`, fontSize: 11},
        emphasis: {itemStyle: {borderColor: '#111827', borderWidth: 1}},
      }],
    }));
  }

  function cohortTable(table) {
    const periods = Math.max(...table.rows.map(row => row.rates.length));
    const offsets = Array.from({length: periods}, (_, i) => i);
    return h('table', {class: 'cohorts'},
      h('thead', {}, h('tr', {},
        h('th', {scope: 'col'}, 'Cohort'), h('th', {scope: 'col'}, 'Users'),
        offsets.map(offset => h('th', {scope: 'col'}, `${PERIOD_NAMES[table.period]} ${offset}`)))),
      h('tbody', {}, table.rows.map(row => h('tr', {'data-cohort': row.cohortStart},
        h('th', {scope: 'row'}, day(row.cohortStart)),
        h('td', {}, count(row.size)),
        offsets.map(offset => offset < row.rates.length
          ? h('td', {class: 'heat', style: heat(row.rates[offset]), 'data-cohort': row.cohortStart,
                     'data-period': offset, 'data-rate': row.rates[offset] ?? '',
                     'data-retained': row.retained[offset], 'data-eligible': row.eligible[offset],
                     title: `${row.retained[offset]} of ${row.eligible[offset]}`}, percent(row.rates[offset]))
          : h('td', {class: 'heat future'}, ''))))));
  }

  return {
    load,
    clear() {
      panel.idle('Enter an API key to see the figures.');
    },
  };
}
