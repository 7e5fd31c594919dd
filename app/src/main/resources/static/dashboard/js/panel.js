// A panel is a section with a .state area (loading, empty, error) and a .body with the figures; its data-state
// attribute says which one shows, so a panel is never blank and tests can wait for data-state="ready".
import {h, fill} from './dom.js';
import {describe} from './api.js';

export const NO_DATA = 'No data yet: import history or send events.';

export class Panel {
  constructor(element, {onRetry} = {}) {
    this.element = element;
    this.stateArea = element.querySelector(':scope > .state');
    this.onRetry = onRetry;
    this.generation = 0;
  }

  /** Shows the loading state and answers a token; a result whose token is no longer current is dropped. */
  loading(message = 'Loading…') {
    this.generation += 1;
    this.show('loading', h('span', {class: 'spinner', 'aria-hidden': 'true'}), h('span', {}, message));
    return this.generation;
  }

  current(token) {
    return token === this.generation;
  }

  idle(message) {
    this.generation += 1;
    this.show('idle', h('span', {}, message));
  }

  empty(message = NO_DATA) {
    this.show('empty', h('span', {class: 'empty-text'}, message));
  }

  error(error, options) {
    const retry = this.onRetry && error.kind !== 'unauthorized' && error.kind !== 'forbidden'
      ? h('button', {type: 'button', class: 'secondary', onclick: () => this.onRetry()}, 'Retry')
      : null;
    this.show('error', h('span', {class: 'error-text', 'data-error': error.kind ?? 'unknown'},
                         describe(error, options)), retry);
  }

  ready() {
    this.element.dataset.state = 'ready';
    fill(this.stateArea);
  }

  show(state, ...children) {
    this.element.dataset.state = state;
    fill(this.stateArea, ...children);
  }
}
