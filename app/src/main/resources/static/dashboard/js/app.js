// The dashboard: asks for an API key once, keeps a date range (in the address, so a view can be shared), and
// loads the visible view from the query API; views that were hidden load when they are shown.
import {createApi} from './api.js';
import {KeyStore} from './key.js';
import {byId} from './dom.js';
import {addDays} from './format.js';
import {resizeWithin} from './charts.js';
import {growthView} from './views/growth.js';
import {retentionView} from './views/retention.js';
import {layersView} from './views/layers.js';
import {wakeUpView} from './views/wakeup.js';
import {incidentsView} from './views/incidents.js';
import {usersView} from './views/users.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const state = {
  range: null,
  // the last day with data: undefined until known, null when the service has no data at all
  dataEnd: undefined,
  view: null,
  parameter: null,
  stale: new Set(),
  banner: null,
};

const keys = new KeyStore(keyChanged);
const api = createApi({
  key: () => keys.get(),
  onUnauthorized: () => showBanner('unauthorized', 'The API key was refused (401 Unauthorized).',
                                   'Enter another key', () => keys.ask('The service refused the key you entered.')),
  onReachable: reachable => {
    if (!reachable) {
      showBanner('offline', 'The service cannot be reached.', 'Retry', reloadAll);
    } else if (state.banner === 'offline') {
      hideBanner();
    }
  },
});

const context = {
  api,
  range: () => state.range,
  noData: () => state.dataEnd === null,
  navigate: hash => { location.hash = hash; },
};
const views = {
  growth: growthView(context),
  retention: retentionView(context),
  layers: layersView(context),
  'wake-up': wakeUpView(context),
  incidents: incidentsView(context),
  users: usersView(context),
};

function showBanner(kind, text, action, onAction) {
  state.banner = kind;
  byId('banner-text').textContent = text;
  const button = byId('banner-action');
  button.textContent = action;
  button.onclick = onAction;
  byId('banner').dataset.kind = kind;
  byId('banner').hidden = false;
}

function hideBanner() {
  state.banner = null;
  byId('banner').hidden = true;
}

function rangeFromAddress() {
  const query = new URLSearchParams(location.search);
  const from = query.get('from');
  const to = query.get('to');
  return DAY.test(from ?? '') && DAY.test(to ?? '') && from <= to ? {from, to} : null;
}

function setRange(range) {
  state.range = range;
  byId('range-from').value = range.from;
  byId('range-to').value = range.to;
  const query = new URLSearchParams(location.search);
  query.set('from', range.from);
  query.set('to', range.to);
  history.replaceState(null, '', `${location.pathname}?${query}${location.hash}`);
}

/** Learns where the data ends; without a range in the address, the range is the last 30 days of data. */
async function learnDataEnd() {
  try {
    const kpis = await api.get('/api/v1/kpis');
    state.dataEnd = kpis.asOf;
    if (!state.range) {
      setRange({from: kpis.from, to: kpis.to});
    }
  } catch (error) {
    state.dataEnd = undefined;
    if (!state.range) {
      const today = new Date().toISOString().slice(0, 10);
      setRange({from: addDays(today, -29), to: today});
    }
  }
}

async function reloadAll() {
  if (!keys.get()) {
    return;
  }
  Object.keys(views).forEach(name => state.stale.add(name));
  await learnDataEnd();
  show();
}

function keyChanged(key) {
  if (state.banner === 'unauthorized') {
    hideBanner();
  }
  if (key) {
    reloadAll();
  } else {
    Object.values(views).forEach(view => view.clear());
    Object.keys(views).forEach(name => state.stale.add(name));
  }
}

function route() {
  const [name, ...rest] = location.hash.replace(/^#/, '').split('/');
  return {name: views[name] ? name : 'growth', parameter: rest.length ? decodeURIComponent(rest.join('/')) : null};
}

/** Shows the view the address names, loading it when its figures are stale or its parameter changed. */
function show() {
  const {name, parameter} = route();
  const changed = name !== state.view || parameter !== state.parameter;
  state.view = name;
  state.parameter = parameter;
  for (const element of document.querySelectorAll('.view')) {
    element.hidden = element.dataset.view !== name;
  }
  for (const tab of document.querySelectorAll('.tabs a')) {
    if (tab.dataset.view === name) {
      tab.setAttribute('aria-current', 'page');
    } else {
      tab.removeAttribute('aria-current');
    }
  }
  if (!keys.get()) {
    return;
  }
  if (state.stale.has(name) || (changed && name === 'users')) {
    state.stale.delete(name);
    views[name].load(parameter);
  } else {
    resizeWithin(byId(`view-${name}`));
  }
}

byId('range').addEventListener('submit', event => {
  event.preventDefault();
  const from = byId('range-from').value;
  const to = byId('range-to').value;
  if (!DAY.test(from) || !DAY.test(to) || from > to) {
    byId('range-to').setCustomValidity('The range must end on or after its first day.');
    byId('range-to').reportValidity();
    return;
  }
  byId('range-to').setCustomValidity('');
  setRange({from, to});
  Object.keys(views).filter(name => name !== 'users').forEach(name => state.stale.add(name));
  show();
});
byId('range-to').addEventListener('input', () => byId('range-to').setCustomValidity(''));

byId('range-preset').addEventListener('change', event => {
  const days = Number(event.target.value);
  event.target.value = '';
  if (!days) {
    return;
  }
  const end = state.dataEnd ?? new Date().toISOString().slice(0, 10);
  byId('range-from').value = addDays(end, 1 - days);
  byId('range-to').value = end;
  byId('range').requestSubmit();
});

window.addEventListener('hashchange', show);

state.range = rangeFromAddress();
if (state.range) {
  setRange(state.range);
}
Object.keys(views).forEach(name => state.stale.add(name));
show();
if (keys.get()) {
  reloadAll();
} else {
  Object.values(views).forEach(view => view.clear());
  keys.ask();
}
