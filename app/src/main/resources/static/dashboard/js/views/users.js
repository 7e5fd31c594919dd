// Users: one user's profile, points ledger and layer history and, for keys with the auditor role, the events of
// the user's stream with their metadata.
import {byId, fill, h, table} from '../dom.js';
import {count, day, decimal, instant, label, money} from '../format.js';
import {Panel} from '../panel.js';

const PAGE = 20;
const NOT_AUDITOR = 'The event timeline is not available for this key: it needs the auditor role.';

export function usersView({api, navigate}) {
  const profile = new Panel(byId('profile'));
  const layers = new Panel(byId('user-layers'));
  const points = new Panel(byId('points'));
  const timeline = new Panel(byId('timeline'));
  const panels = [profile, layers, points, timeline];
  let userId = null;
  let next = null;

  byId('user-lookup').addEventListener('submit', event => {
    event.preventDefault();
    const id = byId('user-id').value.trim();
    if (id) {
      navigate(`users/${encodeURIComponent(id)}`);
    }
  });
  byId('points-older').addEventListener('click', () => loadPoints(true));

  function load(id) {
    userId = id;
    byId('user-id').value = id ?? '';
    if (!id) {
      panels.forEach(panel => panel.idle('Enter a user id above to look the user up.'));
      return;
    }
    loadProfile();
    loadLayers();
    loadPoints(false);
    loadTimeline();
  }

  function path(suffix = '') {
    return `/api/v1/users/${encodeURIComponent(userId)}${suffix}`;
  }

  async function guarded(panel, work) {
    const token = panel.loading();
    try {
      await work(() => panel.current(token));
    } catch (error) {
      if (panel.current(token)) {
        panel.error(error);
      }
    }
  }

  function loadProfile() {
    return guarded(profile, async current => {
      const user = await api.find(path());
      if (!current()) {
        return;
      }
      if (!user) {
        profile.empty(`No user '${userId}': unknown, or not in the read models yet.`);
        return;
      }
      profile.ready();
      const facts = [
        ['status', 'Status', label(user.status)],
        ['registeredAt', 'Registered', instant(user.registeredAt)],
        ['activatedAt', 'Activated', instant(user.activatedAt)],
        ['lastActiveAt', 'Last active', instant(user.lastActiveAt)],
        ['purchaseCount', 'Purchases', count(user.purchaseCount)],
        ['totalSpent', 'Total spent', money(user.totalSpent)],
        ['averageOrderValue', 'Average order', money(user.averageOrderValue)],
        ['pointsBalance', 'Points', count(user.pointsBalance)],
        ['loyaltyTier', 'Tier', label(user.loyaltyTier)],
        ['layer', 'Layer', user.layer ? label(user.layer) : 'not layered yet'],
        ['rfm', 'RFM', user.rfm ? `R${user.rfm.recency} F${user.rfm.frequency} M${user.rfm.monetary} · `
                                  + label(user.rfm.segment) : '–'],
        ['referrals', 'Referred users', count(user.referrals)],
      ];
      fill(byId('profile-facts'), facts.flatMap(([name, title, value]) => [
        h('dt', {}, title), h('dd', {'data-fact': name}, value)]));
    });
  }

  function loadLayers() {
    return guarded(layers, async current => {
      const history = await api.find(path('/layers'));
      if (!current()) {
        return;
      }
      if (!history || history.layers.length === 0) {
        layers.empty('Not in any layering run yet.');
        return;
      }
      layers.ready();
      fill(byId('user-layers-table'), table([
        {label: 'Run of', cell: entry => day(entry.asOfDay)},
        {label: 'Layer', cell: entry => label(entry.layer), text: true},
        {label: 'Segment', cell: entry => label(entry.rfm.segment), text: true},
        {label: 'R F M', cell: entry => `${entry.rfm.recency} ${entry.rfm.frequency} ${entry.rfm.monetary}`},
        {label: 'Days since active', cell: entry => count(entry.features.recencyDays)},
        {label: 'Purchases', cell: entry => count(entry.features.frequency)},
        {label: 'Spent', cell: entry => decimal(entry.features.monetary, 2)},
      ], history.layers, {rowAttributes: entry => ({'data-run': entry.runId, 'data-layer': entry.layer})}));
    });
  }

  function loadPoints(older) {
    return guarded(points, async current => {
      const ledger = await api.find(path('/points'), {limit: PAGE, before: older ? next : null});
      if (!current()) {
        return;
      }
      if (!ledger) {
        points.empty('No points or tier changes yet.');
        return;
      }
      points.ready();
      next = ledger.next;
      byId('points-older').hidden = next === null;
      byId('points-caption').textContent = `Balance ${count(ledger.balance)} · tier ${label(ledger.tier)} · `
          + `${count(ledger.earnedTotal)} earned in all`;
      const rows = table([
        {label: 'When', cell: entry => instant(entry.occurredAt)},
        {label: 'What', cell: entry => label(entry.kind), text: true},
        {label: 'Points', cell: entry => entry.kind === 'TIER_CHANGED'
            ? `${label(entry.tierFrom)} → ${label(entry.tierTo)}`
            : `${entry.points > 0 ? '+' : ''}${count(entry.points)}`},
        {label: 'Balance', cell: entry => count(entry.balance)},
        {label: 'For', cell: entry => entry.reason ?? entry.sourceId ?? entry.redemptionId ?? '', text: true},
        {label: 'Expires', cell: entry => entry.expiresAt ? instant(entry.expiresAt) : ''},
      ], ledger.entries, {rowAttributes: entry => ({'data-sequence': entry.sequence, 'data-kind': entry.kind})});
      const container = byId('points-table');
      if (older && container.querySelector('tbody')) {
        container.querySelector('tbody').append(...rows.querySelector('tbody').children);
      } else {
        fill(container, rows);
      }
    });
  }

  function loadTimeline() {
    return guarded(timeline, async current => {
      let answer;
      try {
        answer = await api.get(`/api/v1/audit/users/${encodeURIComponent(userId)}/events`);
      } catch (error) {
        if (error.kind === 'forbidden' || error.kind === 'not-found') {
          if (current()) {
            timeline.empty(NOT_AUDITOR);
            timeline.element.dataset.unavailable = error.status;
          }
          return;
        }
        throw error;
      }
      if (!current()) {
        return;
      }
      delete timeline.element.dataset.unavailable;
      const events = Array.isArray(answer) ? answer : answer.events ?? [];
      if (events.length === 0) {
        timeline.empty(`No events for '${userId}'.`);
        return;
      }
      timeline.ready();
      byId('timeline-caption').textContent = `${count(events.length)} events, oldest first`;
      const list = byId('timeline-events');
      list.dataset.count = events.length;
      fill(list, events.map(event));
    });
  }

  function event(stored) {
    const metadata = stored.metadata ?? {};
    const known = ['source', 'principal', 'correlationId', 'causationId'];
    const others = Object.keys(metadata).filter(key => !known.includes(key));
    return h('li', {'data-type': stored.type, 'data-sequence': stored.sequence},
      h('div', {}, h('span', {class: 'type'}, stored.type), ' ',
        h('span', {class: 'when'}, `#${stored.sequence} · occurred ${instant(stored.occurredAt)} · stored `
            + `${instant(stored.storedAt)} · position ${stored.position}`)),
      h('div', {class: 'metadata'},
        [...known, ...others].filter(key => metadata[key] !== undefined && metadata[key] !== null)
          .map(key => h('span', {'data-metadata': key, title: String(metadata[key])},
                        `${key}: ${shorten(String(metadata[key]))}`))),
      h('details', {}, h('summary', {}, 'Payload'), h('pre', {}, JSON.stringify(stored.payload, null, 2))));
  }

  return {
    load,
    clear() {
      panels.forEach(panel => panel.idle('Enter an API key to see the figures.'));
    },
  };
}

function shorten(value) {
  return value.length > 14 ? `${value.slice(0, 8)}…` : value;
}
