// Wake-up: the funnel of the campaign entries made in the range, treatment against holdout, and the lift.
import {byId, fill, h, table} from '../dom.js';
import {count, day, label, percent, points, relative} from '../format.js';
import {COLORS, draw} from '../charts.js';
import {Panel} from '../panel.js';

export function wakeUpView({api, range, noData}) {
  const panel = new Panel(byId('wakeup'), {onRetry: load});

  async function load() {
    const token = panel.loading();
    try {
      const funnel = await api.get('/api/v1/campaigns/wake-up', range());
      if (!panel.current(token)) {
        return;
      }
      if (noData()) {
        panel.empty();
        return;
      }
      if (funnel.entered === 0) {
        panel.empty('No user entered a wake-up campaign in this range: campaigns start when users go dormant.');
        return;
      }
      panel.ready();
      byId('wakeup-caption').textContent = `Entries of ${day(funnel.from)} – ${day(funnel.to)}; rates are shares `
          + 'of the campaigns that ended (reactivated or expired).';
      showTiles(funnel);
      showChart(funnel);
      showSteps(funnel.treatment);
    } catch (error) {
      if (panel.current(token)) {
        panel.error(error);
      }
    }
  }

  function showTiles(funnel) {
    const {treatment, holdout, lift} = funnel;
    const tile = (name, title, value, note, tone) => h('div', {class: `tile ${tone ?? ''}`, 'data-figure': name},
        h('div', {class: 'label'}, title), h('div', {class: 'value'}, value), h('div', {class: 'note'}, note));
    const sign = lift.absolute === null ? 0 : Math.sign(Number(lift.absolute));
    const tone = {1: 'good', [-1]: 'bad', 0: ''}[sign];
    fill(byId('wakeup-tiles'),
      tile('entered', 'Entered', count(funnel.entered),
           `${count(treatment.entered)} treatment, ${count(holdout.entered)} holdout`),
      tile('treatment-rate', 'Treatment reactivated', percent(treatment.reactivationRate),
           `${count(treatment.reactivated)} of ${count(treatment.reactivated + treatment.expired)} ended, `
           + `${count(treatment.open)} open`),
      tile('holdout-rate', 'Holdout reactivated', percent(holdout.reactivationRate),
           `${count(holdout.reactivated)} of ${count(holdout.reactivated + holdout.expired)} ended, `
           + `${count(holdout.open)} open`),
      tile('lift-absolute', 'Lift', points(lift.absolute), 'treatment rate − holdout rate', tone),
      tile('lift-relative', 'Relative lift', relative(lift.relative),
           lift.relative === null && lift.absolute !== null ? 'the holdout reactivated nobody' : 'of the holdout rate',
           tone));
  }

  function showChart({treatment, holdout}) {
    const stages = ['Entered', 'Contacted', 'Reactivated', 'Expired', 'Open'];
    const contacted = Object.values(treatment.contacted).reduce((most, users) => Math.max(most, users), 0);
    draw(byId('wakeup-chart'), () => ({
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
      legend: {bottom: 0},
      grid: {left: 44, right: 12, top: 16, bottom: 48},
      xAxis: {type: 'category', data: stages},
      yAxis: {type: 'value', minInterval: 1},
      series: [
        {name: 'Treatment', type: 'bar', barMaxWidth: 40, itemStyle: {color: COLORS.treatment},
         label: {show: true, position: 'top'},
         data: [treatment.entered, contacted, treatment.reactivated, treatment.expired, treatment.open]},
        {name: 'Holdout (never contacted)', type: 'bar', barMaxWidth: 40, itemStyle: {color: COLORS.holdout},
         label: {show: true, position: 'top'},
         data: [holdout.entered, 0, holdout.reactivated, holdout.expired, holdout.open]},
      ],
    }));
  }

  function showSteps(treatment) {
    const steps = [...new Set([...Object.keys(treatment.contacted), ...Object.keys(treatment.skipped)])];
    if (steps.length === 0) {
      fill(byId('wakeup-steps'), h('p', {class: 'hint'}, 'No step has run yet.'));
      return;
    }
    fill(byId('wakeup-steps'), table([
      {label: 'Step', cell: step => step},
      {label: 'Contacted', cell: step => count(treatment.contacted[step] ?? 0)},
      {label: 'Skipped', text: true, cell: step => Object.entries(treatment.skipped[step] ?? {})
          .map(([reason, users]) => `${count(users)} ${label(reason).toLowerCase()}`).join(', ') || '–'},
    ], steps, {rowAttributes: step => ({'data-step': step})}));
  }

  return {
    load,
    clear() {
      panel.idle('Enter an API key to see the figures.');
    },
  };
}
