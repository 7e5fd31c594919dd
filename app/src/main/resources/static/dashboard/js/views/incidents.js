// Incidents: the open ones (or closed, or all), with apology and compensation progress and each SLA milestone.
import {byId, fill, h} from '../dom.js';
import {count, duration, instant, label} from '../format.js';
import {Panel} from '../panel.js';

/** What a milestone's SLA stands at: met, late (reached after it was due), missed, overdue or pending. */
export function sla(milestone, now = Date.now()) {
  if (milestone.reachedAt) {
    return milestone.met
      ? {status: 'met', text: `met, reached ${instant(milestone.reachedAt)}`}
      : {status: 'late', text: `reached late, ${instant(milestone.reachedAt)} (due ${instant(milestone.dueBy)})`};
  }
  if (milestone.missedAt) {
    return {status: 'missed', text: `missed, due ${instant(milestone.dueBy)}`};
  }
  const left = new Date(milestone.dueBy).getTime() - now;
  return left < 0
    ? {status: 'overdue', text: `overdue by ${duration(left)} (due ${instant(milestone.dueBy)})`}
    : {status: 'pending', text: `due in ${duration(left)} (${instant(milestone.dueBy)})`};
}

export function incidentsView({api, noData}) {
  const panel = new Panel(byId('incidents'), {onRetry: load});
  const status = byId('incidents-status');
  status.addEventListener('change', load);

  async function load() {
    const token = panel.loading();
    try {
      const list = await api.get('/api/v1/incidents', {status: status.value});
      if (!panel.current(token)) {
        return;
      }
      if (list.incidents.length === 0) {
        const which = {OPEN: 'open ', CLOSED: 'closed ', '': ''}[status.value];
        panel.empty(noData() ? 'No data yet: import history or send events.' : `No ${which}incidents.`);
        return;
      }
      panel.ready();
      fill(byId('incident-cards'), list.incidents.map(card));
    } catch (error) {
      if (panel.current(token)) {
        panel.error(error);
      }
    }
  }

  function card(incident) {
    const apology = sla(incident.apology);
    const compensation = sla(incident.compensation);
    return h('article', {class: 'card', 'data-incident': incident.incidentId, 'data-status': incident.status},
      h('h3', {}, incident.title, ' ', h('span', {class: `badge ${incident.severity}`}, label(incident.severity))),
      h('div', {class: 'meta'}, `${incident.incidentId} · declared ${instant(incident.declaredAt)} · `
          + (incident.status === 'OPEN' ? 'open' : `closed ${instant(incident.closedAt)}`)),
      progress('Apologised', incident.apologised, incident.affectedUsers, 'apologised'),
      progress('Compensated', incident.compensated, incident.affectedUsers, 'compensated'),
      h('div', {class: 'meta'}, `${count(incident.compensationPoints)} compensation points granted`),
      h('div', {class: 'sla'},
        h('span', {class: 'chip', 'data-milestone': 'apology', 'data-sla': apology.status},
          h('b', {}, 'Apology: '), apology.text),
        h('span', {class: 'chip', 'data-milestone': 'compensation', 'data-sla': compensation.status},
          h('b', {}, 'Compensation: '), compensation.text)));
  }

  function progress(title, done, of, name) {
    const share = of === 0 ? 0 : Math.round((done / of) * 100);
    return h('div', {class: 'progress', 'data-progress': name, 'data-done': done, 'data-of': of},
      h('span', {}, title), h('span', {class: 'bar'}, h('span', {style: {width: `${share}%`}})),
      h('span', {}, `${count(done)} / ${count(of)} users`));
  }

  return {
    load,
    clear() {
      panel.idle('Enter an API key to see the figures.');
    },
  };
}
