// What a hand-off card starts with, taken from the chat: the patron's question (and the chat's tags)
// as what they need, and the links this operator sent as the links already given. Pure: no Vue, no
// DOM, tested in Node. The operator edits every field before sending.
import { linkify } from '/shared/linkify.js';

export const MAX_LINKS = 10;

/** `{needs, tags, links}` from the chat's question, its tags and this operator's messages. */
export function cardFromChat({ question = '', tags = [], events = [], meId }) {
  const links = [];
  for (const event of events) {
    if (event.type !== 'message' || !event.from || event.from.kind !== 'operator' || event.from.id !== meId) continue;
    for (const part of linkify(event.text)) {
      if (part.href && !links.includes(part.href)) links.push(part.href);
    }
  }
  return { needs: question || '', tags: tags.map((tag) => tag.name), links: links.slice(0, MAX_LINKS) };
}

/** The links field (one address per line) as the list the server takes: blank lines dropped. */
export function linksFromText(text) {
  return String(text || '').split('\n').map((line) => line.trim()).filter(Boolean).slice(0, MAX_LINKS);
}
