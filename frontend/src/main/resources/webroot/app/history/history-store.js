// Chats that are over: the patron's earlier chats (found by their e-mail), this operator's recently
// ended ones, and any chat's whole transcript. All of it is read from the server when asked for; none
// of it changes live, so there is nothing to subscribe to.
import { reactive } from 'vue';

const PAGE = 200;

/** `chats` is the chats store: recording an e-mail answers with the chat's details, which it keeps. */
export function createHistory({ call, chats }) {
  // `earlier`: each chat's patron's other chats, by chat id; `recent`: this operator's ended chats.
  const state = reactive({ earlier: {}, recent: { chats: [], loaded: false, error: '' } });

  /** The same patron's other chats, newest first; the server matches them by e-mail. */
  async function earlier(chatId) {
    state.earlier[chatId] = { chats: (state.earlier[chatId] || {}).chats || [], loaded: false, error: '' };
    try {
      const { chats } = await call(`/api/chats/${chatId}/history`);
      state.earlier[chatId] = { chats, loaded: true, error: '' };
    } catch (error) {
      state.earlier[chatId] = { chats: [], loaded: true, error: error.message };
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
    chats.rememberDetails(chatId, await call(`/api/chats/${chatId}/email`, { method: 'POST', body: { email } }));
    await earlier(chatId);
  }

  function forget(chatId) {
    delete state.earlier[chatId];
  }

  return { state, earlier, recent, transcript, recordEmail, forget };
}
