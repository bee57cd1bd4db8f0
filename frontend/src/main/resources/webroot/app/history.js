// Chats that are over: the patron's earlier chats (found by their e-mail), this operator's recently
// ended ones, and any chat's whole transcript. All of it is read from the server when asked for; none
// of it changes live, so there is nothing to subscribe to.
const PAGE = 200;

export function createHistory({ state, call }) {
  state.history = {};
  state.recent = { chats: [], loaded: false, error: '' };

  /** The same patron's other chats, newest first; the server matches them by e-mail. */
  async function earlier(chatId) {
    state.history[chatId] = { chats: (state.history[chatId] || {}).chats || [], loaded: false, error: '' };
    try {
      const { chats } = await call(`/api/chats/${chatId}/history`);
      state.history[chatId] = { chats, loaded: true, error: '' };
    } catch (error) {
      state.history[chatId] = { chats: [], loaded: true, error: error.message };
    }
  }

  async function recent() {
    try {
      const { chats } = await call('/api/chats/recent');
      state.recent = { chats, loaded: true, error: '' };
    } catch (error) {
      state.recent = { ...state.recent, loaded: true, error: error.message };
    }
  }

  /** Every stored event of a chat, page after page until the server says there are no more. */
  async function transcript(chatId) {
    const events = [];
    let after = 0;
    for (;;) {
      const page = await call(`/api/chats/${chatId}/events?after=${after}&limit=${PAGE}`);
      events.push(...page.events);
      const last = page.events.length ? page.events[page.events.length - 1].seq : after;
      // A page that moved nothing on would be asked for again forever.
      if (!page.more || last <= after) return events;
      after = last;
    }
  }

  /** Records the e-mail the patron typed in the chat; with it, their earlier chats can be found. */
  async function recordEmail(chatId, email) {
    state.details[chatId] = await call(`/api/chats/${chatId}/email`, { method: 'POST', body: { email } });
    await earlier(chatId);
  }

  function forget(chatId) {
    delete state.history[chatId];
  }

  return { earlier, recent, transcript, recordEmail, forget };
}
