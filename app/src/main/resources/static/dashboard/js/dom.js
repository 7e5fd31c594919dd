// Small DOM helpers: every text goes in through textContent, so data from the API is never parsed as HTML.

/** An element with attributes (data-*, aria-*, class, …) and children (nodes or strings). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'class') {
      element.className = value;
    } else if (name === 'style') {
      for (const [property, setting] of Object.entries(value)) {
        element.style.setProperty(property.replace(/[A-Z]/g, letter => `-${letter.toLowerCase()}`), setting);
      }
    } else if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of {@code element}. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

export function byId(id) {
  return document.getElementById(id);
}

/**
 * A table: {@code columns} are {label, cell(row) → string | Node | {text, attributes}, text?: true for a column
 * of words, aligned left}; {@code rowAttributes(row)} puts data attributes on each row, so tests and assistive
 * technology read what the chart shows.
 */
export function table(columns, rows, {rowAttributes = () => ({}), caption} = {}) {
  return h('table', {},
    caption ? h('caption', {class: 'visually-hidden'}, caption) : null,
    h('thead', {}, h('tr', {}, columns.map(column => h('th', {scope: 'col', class: column.text ? 'text' : null},
                                                         column.label)))),
    h('tbody', {}, rows.map(row => h('tr', rowAttributes(row), columns.map((column, index) => {
      const value = column.cell(row);
      const tag = index === 0 ? 'th' : 'td';
      const scope = {scope: index === 0 ? 'row' : null, class: column.text ? 'text' : null};
      if (value && typeof value === 'object' && !(value instanceof Node)) {
        return h(tag, {...scope, ...value.attributes}, value.text);
      }
      return h(tag, scope, value);
    })))));
}
