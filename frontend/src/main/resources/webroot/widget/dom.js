// Building blocks for the widget's screens. Text always goes in as text nodes (append with strings,
// textContent), never as markup, so nothing a patron or a librarian types can become HTML.
import { t } from './messages/t.js';

/**
 * Creates an element. `attrs`: `class`, `text`, `on<event>` listeners, DOM properties given as
 * non-strings (`hidden: true`, `disabled: false`), and anything else as an attribute.
 */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (typeof value === 'string') node.setAttribute(key, value);
    else node[key] = value;
  }
  node.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

/**
 * Shows "N characters left" under a field once fewer than `warnAt` remain, so a long question is not
 * cut off by surprise at the field's maxlength.
 */
export function remainingHint(field, { max, warnAt = 200 }) {
  const hint = h('p', { class: 'hint', id: `${field.id}-left`, 'aria-live': 'polite', hidden: true });
  const update = () => {
    // Without a known limit (the queue could not be described) the server alone holds the line.
    if (max === undefined) return;
    const left = max - field.value.length;
    hint.hidden = left >= warnAt;
    hint.textContent = t('form.charactersLeft', { count: left });
  };
  field.addEventListener('input', update);
  return { hint, update };
}

/** Moves focus without scrolling the page that frames us. */
export function focus(node) {
  if (node && typeof node.focus === 'function') node.focus({ preventScroll: true });
}
