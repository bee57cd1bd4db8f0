// Message catalogues: every word a person reads comes from one, looked up by key, so a language can
// be added as one more file. A catalogue is a flat object of key → text; `{name}` in a text is filled
// from the params, and a text that depends on a count is `{ one, other }`. Keys are dotted
// (`queues.title`): the first part names the screen or feature the words belong to.

/** A `t(key, params)` for `catalogue`; a key it lacks comes back as itself, so it shows and gets fixed. */
export function translator(catalogue) {
  return function t(key, params = {}) {
    let text = Object.hasOwn(catalogue, key) ? catalogue[key] : key;
    if (typeof text === 'object') text = params.count === 1 ? text.one : text.other;
    return text.replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
  };
}
