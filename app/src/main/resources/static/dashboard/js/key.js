// The visitor's API key: in sessionStorage (this tab only) unless they ask to remember it, then in localStorage.
import {byId} from './dom.js';

const NAME = 'lifecycle.dashboard.apiKey';

export class KeyStore {
  constructor(onChange) {
    this.onChange = onChange;
    this.value = sessionStorage.getItem(NAME) ?? localStorage.getItem(NAME);
    this.dialog = byId('key-dialog');
    this.input = byId('key-input');
    this.remember = byId('key-remember');
    this.errorText = byId('key-error');
    byId('key-form').addEventListener('submit', event => this.submit(event));
    byId('key-change').addEventListener('click', () => this.ask());
    byId('key-forget').addEventListener('click', () => this.forget());
    this.dialog.addEventListener('cancel', event => {
      if (!this.value) {
        event.preventDefault();
      }
    });
    this.showLabel();
  }

  get() {
    return this.value;
  }

  remembered() {
    return localStorage.getItem(NAME) !== null;
  }

  /** Opens the dialog, with {@code problem} saying why (a refused key) when there is one. */
  ask(problem) {
    this.errorText.hidden = !problem;
    this.errorText.textContent = problem ?? '';
    this.input.value = '';
    this.remember.checked = this.remembered();
    if (!this.dialog.open) {
      this.dialog.showModal();
    }
    this.input.focus();
  }

  submit(event) {
    event.preventDefault();
    const key = this.input.value.trim();
    if (!key) {
      return;
    }
    sessionStorage.removeItem(NAME);
    localStorage.removeItem(NAME);
    (this.remember.checked ? localStorage : sessionStorage).setItem(NAME, key);
    this.value = key;
    this.dialog.close();
    this.showLabel();
    this.onChange(key);
  }

  forget() {
    sessionStorage.removeItem(NAME);
    localStorage.removeItem(NAME);
    this.value = null;
    this.showLabel();
    this.onChange(null);
    this.ask();
  }

  showLabel() {
    const label = byId('key-label');
    label.classList.toggle('set', Boolean(this.value));
    label.textContent = !this.value ? 'No API key'
      : this.remembered() ? 'Key remembered on this device' : 'Key set for this tab';
    byId('key-forget').hidden = !this.value;
  }
}
