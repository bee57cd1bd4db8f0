// Missed chats at the start of a shift: when the operator goes online, the chats whose patrons left
// unanswered since their last shift ended (the server keeps when that was, across devices). Each is
// made a ticket or dismissed with a reason; either way the server ends it and it leaves the list.
import { reactive } from 'vue';

export const REASONS = ['spam', 'test', 'duplicate', 'answered_elsewhere', 'no_contact', 'other'];

export function createMissed({ call, tickets, announce = () => {}, words = () => '' }) {
  const state = reactive({ chats: [], lastShiftEnd: null, shown: false, loading: false, error: '' });

  async function review() {
    state.loading = true;
    state.error = '';
    try {
      const answer = await call('/api/chats/missed?since=shift');
      state.chats = answer.chats;
      state.lastShiftEnd = answer.lastShiftEnd;
      state.shown = answer.chats.length > 0;
      if (state.shown) announce(words(answer.chats.length));
    } catch (error) {
      state.error = error.message;
    } finally {
      state.loading = false;
    }
  }

  /** Watches the operator's status: going online starts a shift. */
  function statusChanged(now, before) {
    if (now === 'online' && before !== 'online') review();
  }

  function hide() {
    state.shown = false;
  }

  const drop = (chatId) => {
    state.chats = state.chats.filter((c) => c.chatId !== chatId);
  };

  /** Answers `{ok}` or `{error}`; a refused dismissal leaves the chat listed. */
  async function dismiss(chatId, reason, note) {
    try {
      await call(`/api/chats/${chatId}/dismiss`, { method: 'POST', body: note ? { reason, note } : { reason } });
      drop(chatId);
      return { ok: true };
    } catch (error) {
      if (error.code === 'chat_ended') drop(chatId);
      return { error };
    }
  }

  async function makeTicket(chatId) {
    const answer = await tickets.fromChat(chatId);
    if (answer.ticket) drop(chatId);
    return answer;
  }

  return { state, review, statusChanged, hide, dismiss, makeTicket };
}
