// The library's chats in progress, from GET /api/chats/active: the "In progress" and "Mine" counters,
// and the tabs this operator should have open. No event says when a colleague's chat ends, so the
// list is read again after queue events (a little later, once per burst), after reconnects, and
// every 30 s.
import { reactive } from 'vue';

const EVERY_MS = 30000;
const SETTLE_MS = 400;

export function createActivity({ call, onList }) {
  // `active`: null until the first answer, so the counters can say "not known yet".
  const state = reactive({ active: null });
  let soon = null;
  let timer = null;

  async function refresh() {
    try {
      const { chats } = await call('/api/chats/active');
      state.active = chats;
      onList(chats);
    } catch (error) {
      // The counters keep their last value; the next refresh tries again.
    }
  }

  function refreshSoon() {
    clearTimeout(soon);
    soon = setTimeout(refresh, SETTLE_MS);
  }

  function start() {
    refresh();
    timer = setInterval(refresh, EVERY_MS);
  }

  function stop() {
    clearTimeout(soon);
    clearInterval(timer);
  }

  return { state, start, stop, refresh, refreshSoon };
}
