// Canned messages as text: filling their placeholders, finding the "/shortcut" being typed, and
// choosing which messages match it. Pure functions: no Vue, no DOM, so Node tests cover them.

// The widget stores "Guest" when a patron gives no name; "Hi Guest" reads worse than no name at all.
const NO_NAME = 'Guest';

const PLACEHOLDER = /\{(patron\.name|operator\.name|library\.name)\}/g;

/**
 * The body with {patron.name}, {operator.name} and {library.name} filled in. A value nobody knows is
 * left out together with the comma or space before it, so "Hi {patron.name}, I'm" becomes "Hi, I'm"
 * and "thanks for waiting, {patron.name}." becomes "thanks for waiting." rather than a blank.
 */
export function fillPlaceholders(body, { patron, operator, library } = {}) {
  const values = {
    'patron.name': patron === NO_NAME ? '' : clean(patron),
    'operator.name': clean(operator),
    'library.name': clean(library),
  };
  const text = String(body || '');
  let out = '';
  let from = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    out += text.slice(from, match.index);
    from = match.index + match[0].length;
    const value = values[match[1]];
    if (value) {
      out += value;
      continue;
    }
    const trimmed = out.replace(/,?[ \t]*$/, '');
    // Nothing before it to take away (it opens a line): take the comma after it instead.
    if (trimmed === out) from += /^,?[ \t]*/.exec(text.slice(from))[0].length;
    out = trimmed;
  }
  return out + text.slice(from);
}

function clean(value) {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * The "/word" the caret is in, when the slash opens the text or follows a space or a line break:
 * `{ start, query }` with `start` at the slash, or null. A slash inside a word ("and/or", a URL) is
 * not a shortcut.
 */
export function slashQuery(text, caret) {
  const upTo = String(text || '').slice(0, caret);
  const match = /(^|\s)\/([^\s/]*)$/.exec(upTo);
  if (!match) return null;
  return { start: upTo.length - match[2].length - 1, query: match[2] };
}

/**
 * The messages that match what follows the slash, best first: shortcuts that start with it, then
 * shortcuts that contain it, then titles that contain it. Ties keep the server's order.
 */
export function filterCanned(list, query) {
  const q = String(query || '').trim().toLowerCase();
  if (!q) return [...list];
  const rank = (item) => {
    const shortcut = String(item.shortcut || '').toLowerCase();
    if (shortcut.startsWith(q)) return 0;
    if (shortcut.includes(q)) return 1;
    if (String(item.title || '').toLowerCase().includes(q)) return 2;
    return -1;
  };
  return list.map((item, index) => ({ item, index, rank: rank(item) }))
    .filter((entry) => entry.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.item);
}

/** The text with `/query` (from `start` to `caret`) replaced by `insert`, and where the caret goes. */
export function replaceShortcut(text, start, caret, insert) {
  const value = String(text || '');
  const next = value.slice(0, start) + insert + value.slice(caret);
  return { text: next, caret: start + insert.length };
}

/** The one message a shortcut names; the operator's own wins over the library's with the same one. */
export function byShortcut(list, shortcut) {
  const matching = list.filter((item) => item.shortcut === shortcut);
  return matching.find((item) => item.scope === 'personal') || matching[0] || null;
}
