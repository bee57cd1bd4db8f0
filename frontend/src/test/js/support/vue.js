// The part of Vue the stores use, without reactivity: state is a plain object, so a test reads what
// a store wrote at once. `watch` only records its source and callback; a test that needs one to fire
// calls `watchers` itself. Components are not tested with this; the browser tests cover them.
export const watchers = [];

export const reactive = (value) => value;
export const readonly = (value) => value;

export function computed(getter) {
  return { get value() { return getter(); } };
}

export function watch(source, callback) {
  const entry = { source, callback };
  watchers.push(entry);
  return () => watchers.splice(watchers.indexOf(entry), 1);
}
