// Builds DOM nodes from data without HTML strings, so no value from a report can inject markup,
// and without style attributes (the page's Content-Security-Policy forbids inline styles).

/** An element: h('button', {class: 'button', onclick: run}, 'Run'). Attributes false or null are left out. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name === 'value' || name === 'checked') {
      element[name] = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

/** Replaces an element's children. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
}

/** The element of an id. */
export const byId = (id) => document.getElementById(id);

/**
 * Re-renders a part of the page without losing the keyboard focus: the element focused before
 * (found again by its id or its data-focus key) is focused again after.
 */
export function keepFocus(render) {
  const active = document.activeElement;
  const selector = active?.id ? `#${CSS.escape(active.id)}`
    : active?.dataset?.focus ? `[data-focus="${CSS.escape(active.dataset.focus)}"]` : null;
  render();
  if (selector && !document.activeElement?.matches(selector)) {
    document.querySelector(selector)?.focus();
  }
}
