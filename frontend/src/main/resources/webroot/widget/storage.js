// The patron's chat in progress, kept in this tab's sessionStorage so a reload (or another page of the
// library's site) resumes it instead of starting over, and the name and e-mail given for it, which
// "Start a new chat" fills in again. Nothing outlives the tab. A browser may deny or
// partition storage in a frame of another site; then the loader's copy on the library's site (host.js)
// is what resumes the chat, and this one only costs nothing.

const key = (slug) => `refdesk.widget.${slug}`;
const patronKey = (slug) => `refdesk.widget.${slug}.patron`;

/** `{chatId, token, lastSeq}` when the value is a chat to resume, else null. */
export function asChat(value) {
  if (!value || !Number.isInteger(value.chatId) || value.chatId <= 0 || typeof value.token !== 'string') return null;
  return { chatId: value.chatId, token: value.token, lastSeq: Number.isInteger(value.lastSeq) ? value.lastSeq : 0 };
}

/** `{name, email}` when the value is what a patron gave on the form, else null. */
export function asPatron(value) {
  if (!value || typeof value.name !== 'string' || typeof value.email !== 'string'
    || value.name.length > 200 || value.email.length > 254 || !(value.name || value.email)) return null;
  return { name: value.name, email: value.email };
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

/** The name and e-mail given for this queue's last chat in this tab, or null. */
export function savedPatron(slug) {
  try {
    return asPatron(JSON.parse(sessionStorage.getItem(patronKey(slug))));
  } catch (error) {
    return null;
  }
}

export function savePatron(slug, patron) {
  try {
    sessionStorage.setItem(patronKey(slug), JSON.stringify(patron));
  } catch (error) {
    // Blocked or full: the loader's copy still fills in the next form.
  }
}
