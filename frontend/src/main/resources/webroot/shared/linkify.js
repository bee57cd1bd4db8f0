// Turns a patron's or a librarian's text into parts a page renders as text or as a link, so links
// become clickable without ever handing user input to v-html. Only http and https links are made:
// anything else (javascript:, data:, file:) stays plain text. Pure: no Vue, no DOM, tested in Node.

// A candidate ends at whitespace or at characters that cannot be part of a URL typed in a chat.
const CANDIDATE = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/gi;

// Punctuation that usually closes the sentence around a link rather than the link itself.
const TRAILING = /[.,;:!?'"»”’]+$/;

/** The link a value may safely point to (http or https only), or null. */
export function safeHref(value) {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (!trimmed) return null;
  let url;
  try {
    url = new URL(trimmed);
  } catch (error) {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname) return null;
  return url.href;
}

/** Splits text into `{text}` and `{href, text}` parts that, joined, give back the text. */
export function linkify(text) {
  const source = text == null ? '' : String(text);
  const parts = [];
  let plainFrom = 0;
  for (const match of source.matchAll(CANDIDATE)) {
    const link = trimLink(match[0]);
    const href = safeHref(/^www\./i.test(link) ? `https://${link}` : link);
    if (!href) continue;
    if (match.index > plainFrom) parts.push({ text: source.slice(plainFrom, match.index) });
    parts.push({ href, text: link });
    plainFrom = match.index + link.length;
  }
  if (plainFrom < source.length) parts.push({ text: source.slice(plainFrom) });
  return parts;
}

// "(see https://x.org/a)" must not take the closing bracket, but "https://en.wikipedia.org/wiki/A_(b)" keeps its own.
function trimLink(candidate) {
  let link = candidate;
  for (;;) {
    const before = link;
    link = link.replace(TRAILING, '');
    for (const [open, close] of [['(', ')'], ['[', ']'], ['{', '}']]) {
      if (link.endsWith(close) && count(link, close) > count(link, open)) link = link.slice(0, -1);
    }
    if (link === before) return link;
  }
}

function count(text, char) {
  return text.split(char).length - 1;
}
