// Just enough of a DOM for the widget's screens, which build their nodes with dom.js h(): elements
// with attributes, classes, text, children, listeners and focus. Selectors are limited to what the
// screens and their tests ask for: '.class', 'tag' and 'tag.class'.

class FakeNode {
  parentNode = null;
  childNodes = [];

  get isConnected() {
    let node = this;
    while (node.parentNode) node = node.parentNode;
    return node === fakeDocument.body || node === fakeDocument;
  }

  get textContent() {
    return this.childNodes.map((c) => c.textContent).join('');
  }

  set textContent(value) {
    this.replaceChildren(String(value));
  }

  append(...nodes) {
    for (const node of nodes) this.insertBefore(node, null);
  }

  insertBefore(node, before) {
    const child = typeof node === 'string' ? new FakeText(node) : node;
    if (child instanceof FakeFragment) {
      for (const c of [...child.childNodes]) this.insertBefore(c, before);
      return child;
    }
    if (child.parentNode) child.remove();
    const at = before ? this.childNodes.indexOf(before) : -1;
    if (at >= 0) this.childNodes.splice(at, 0, child);
    else this.childNodes.push(child);
    child.parentNode = this;
    return child;
  }

  replaceChildren(...nodes) {
    for (const c of this.childNodes) c.parentNode = null;
    this.childNodes = [];
    this.append(...nodes);
  }

  remove() {
    if (!this.parentNode) return;
    const siblings = this.parentNode.childNodes;
    siblings.splice(siblings.indexOf(this), 1);
    this.parentNode = null;
  }

  contains(node) {
    for (let n = node; n; n = n.parentNode) if (n === this) return true;
    return false;
  }
}

class FakeText extends FakeNode {
  constructor(text) {
    super();
    this.text = text;
  }

  get textContent() {
    return this.text;
  }
}

class FakeFragment extends FakeNode {}

class FakeElement extends FakeNode {
  attributes = new Map();
  listeners = new Map();
  hidden = false;
  disabled = false;
  value = '';
  scrollTop = 0;
  scrollHeight = 0;
  clientHeight = 0;

  constructor(tag) {
    super();
    this.tagName = tag.toUpperCase();
    const classes = new Set();
    this.classList = {
      add: (...names) => names.forEach((n) => classes.add(n)),
      remove: (...names) => names.forEach((n) => classes.delete(n)),
      contains: (name) => classes.has(name),
      toggle: (name, on = !classes.has(name)) => (on ? classes.add(name) : classes.delete(name), on),
    };
    this.classSet = classes;
  }

  get className() {
    return [...this.classSet].join(' ');
  }

  set className(value) {
    this.classSet.clear();
    for (const name of String(value).split(/\s+/).filter(Boolean)) this.classSet.add(name);
  }

  get id() {
    return this.getAttribute('id') || '';
  }

  setAttribute(name, value) {
    this.attributes.set(name, String(value));
  }

  getAttribute(name) {
    return this.attributes.has(name) ? this.attributes.get(name) : null;
  }

  addEventListener(type, fn) {
    if (!this.listeners.has(type)) this.listeners.set(type, []);
    this.listeners.get(type).push(fn);
  }

  removeEventListener(type, fn) {
    const list = this.listeners.get(type) || [];
    if (list.includes(fn)) list.splice(list.indexOf(fn), 1);
  }

  /** Runs the listeners of `type` with an event that knows whether one prevented its default. */
  dispatch(type, init = {}) {
    const event = { type, target: this, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; }, ...init };
    for (const fn of [...(this.listeners.get(type) || [])]) fn(event);
    return event;
  }

  click() {
    if (!this.disabled) this.dispatch('click');
  }

  focus() {
    fakeDocument.activeElement = this;
  }

  matches(selector) {
    const [tag, ...classes] = selector.split('.');
    return (!tag || this.tagName === tag.toUpperCase()) && classes.every((c) => this.classSet.has(c));
  }

  querySelectorAll(selector) {
    const found = [];
    const walk = (node) => {
      for (const child of node.childNodes) {
        if (child instanceof FakeElement) {
          if (child.matches(selector)) found.push(child);
          walk(child);
        }
      }
    };
    walk(this);
    return found;
  }

  querySelector(selector) {
    return this.querySelectorAll(selector)[0] || null;
  }
}

export const fakeDocument = {
  activeElement: null,
  focused: true,
  createElement: (tag) => new FakeElement(tag),
  createTextNode: (text) => new FakeText(text),
  createDocumentFragment: () => new FakeFragment(),
  hasFocus() {
    return this.focused;
  },
};
fakeDocument.body = new FakeElement('body');

/** Puts the fake document, and the ResizeObserver the widget's log uses, on globalThis. */
export function installFakeDom() {
  globalThis.document = fakeDocument;
  globalThis.ResizeObserver = class {
    observe() {}
    disconnect() {}
  };
  const main = new FakeElement('main');
  fakeDocument.body.replaceChildren(main);
  fakeDocument.activeElement = fakeDocument.body;
  return main;
}

/** The text a person sees in `node`: hidden elements left out, whitespace as one space. */
export function visibleText(node) {
  const walk = (n) => (n instanceof FakeElement && n.hidden ? '' : n.childNodes.length ? n.childNodes.map(walk).join(' ') : n.textContent);
  return walk(node).replace(/\s+/g, ' ').trim();
}
