// The patron's chat in progress, kept in this tab's sessionStorage so a reload (or another page of the
// library's site) resumes it instead of starting over. Nothing outlives the tab. A browser may deny or
// partition storage in a frame of another site; then the loader's copy on the library's site (host.js)
// is what resumes the chat, and this one only costs nothing.

const key = (slug) => `refdesk.widget.${slug}`;

/** `{chatId, token, lastSeq}` when the value is a chat to resume, else null. */
export function asChat(value) {
  if (!value || !Number.isInteger(value.chatId) || value.chatId <= 0 || typeof value.token !== 'string') return null;
  return { chatId: value.chatId, token: value.token, lastSeq: Number.isInteger(value.lastSeq) ? value.lastSeq : 0 };
}

/** The chat under way for this queue, or null. */
export function savedChat(slug) {
  try {
    return asChat(JSON.parse(sessionStorage.getItem(key(slug))));
  } catch (error) {
    return null;
  }
}

export function saveChat(slug, { chatId, token, lastSeq }) {
  try {
    sessionStorage.setItem(key(slug), JSON.stringify({ chatId, token, lastSeq }));
  } catch (error) {
    // Blocked or full: the loader's copy still resumes it.
  }
}

export function forgetChat(slug) {
  try {
    sessionStorage.removeItem(key(slug));
  } catch (error) {
    // Blocked: there was nothing stored to forget.
  }
}
