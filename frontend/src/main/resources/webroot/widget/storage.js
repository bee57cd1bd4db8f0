// The patron's chat in progress, kept in this tab's sessionStorage so a reload (or another page of the
// library's site) resumes it instead of starting over. Nothing outlives the tab, and storage that a
// browser blocks in third-party frames only costs the resume, never the chat.

const key = (slug) => `refdesk.widget.${slug}`;

/** `{chatId, token, lastSeq}` of the chat under way for this queue, or null. */
export function savedChat(slug) {
  try {
    const chat = JSON.parse(sessionStorage.getItem(key(slug)));
    return chat && chat.chatId && typeof chat.token === 'string' ? chat : null;
  } catch (error) {
    return null;
  }
}

export function saveChat(slug, { chatId, token, lastSeq }) {
  try {
    sessionStorage.setItem(key(slug), JSON.stringify({ chatId, token, lastSeq }));
  } catch (error) {
    // Blocked or full: the chat goes on, only a reload will not find it.
  }
}

export function forgetChat(slug) {
  try {
    sessionStorage.removeItem(key(slug));
  } catch (error) {
    // Blocked: there was nothing stored to forget.
  }
}
