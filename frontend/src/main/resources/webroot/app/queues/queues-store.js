// The waiting chats of every queue the operator chose to monitor: painted from HTTP, then kept live by the
// queue events. Queue events are not numbered, so nothing can tell that one was lost; every reconnect
// therefore reloads the lists, and events that arrive while a list loads are applied again on top of
// the answer, which may have been read before them. This store is also the one place that knows what
// became of a chat that was waiting (who claimed it, whether it ended or was abandoned): every other
// view asks here, and tells it through claimed() and markGone().
import { reactive } from 'vue';
import { queue as queueAddress } from '/shared/addresses.js';

// A chat someone else claimed stays in the list this long, saying who took it, so the operator who
// was about to click it sees why it went away instead of a row vanishing under the pointer.
const CLAIMED_LINGER_MS = 8000;

export function createQueues({ me, connector, call, clock, isMonitored, onNewChat, onChange }) {
  const state = reactive({ queues: [], claimedBy: {}, gone: {} });
  const offs = [];
  const loading = new Map();
  const lingering = new Map();

  // Only the monitored queues are subscribed to: the others' new chats must not ring on this desk.
  function start() {
    state.queues = me.queues.filter((q) => isMonitored(q.id))
      .map((q) => ({ id: q.id, slug: q.slug, name: q.name, coopId: q.coopId || null, coopName: q.coopName || null, waiting: [], loaded: false, error: '' }));
    for (const q of state.queues) {
      offs.push(connector.subscribe(queueAddress(q.id), (event) => heard(q.id, event)));
    }
    reload();
  }

  function stop() {
    for (const off of offs.splice(0)) off();
    for (const timer of lingering.values()) clearTimeout(timer);
    lingering.clear();
    loading.clear();
  }

  /** After the operator changes what they monitor: subscriptions and lists afresh. */
  function restart() {
    stop();
    start();
  }

  function reload() {
    for (const q of state.queues) load(q);
  }

  async function load(q) {
    const heardMeanwhile = [];
    loading.set(q.id, heardMeanwhile);
    try {
      const answer = await call(`/api/queues/${q.id}/waiting`);
      if (loading.get(q.id) !== heardMeanwhile) return;
      q.waiting = answer.chats.map((c) => ({
        chatId: c.chatId, patronName: c.patronName, question: c.question, createdAt: c.createdAt, claimedBy: null,
        homeLibraryId: c.homeLibraryId, homeLibraryName: c.homeLibraryName,
      }));
      for (const event of heardMeanwhile) apply(q, event, false);
      q.error = '';
    } catch (error) {
      q.error = error.message;
    } finally {
      if (loading.get(q.id) === heardMeanwhile) loading.delete(q.id);
      q.loaded = true;
    }
  }

  function heard(queueId, event) {
    const q = state.queues.find((x) => x.id === queueId);
    if (!q || !event) return;
    clock.observe(event.at);
    const meanwhile = loading.get(queueId);
    if (meanwhile) meanwhile.push(event);
    apply(q, event, true);
    onChange();
  }

  function apply(q, event, live) {
    if (event.type === 'waiting') {
      if (q.waiting.some((c) => c.chatId === event.chatId)) return;
      const item = {
        chatId: event.chatId, patronName: event.patronName, question: event.question, createdAt: event.createdAt, claimedBy: null,
        homeLibraryId: event.homeLibraryId, homeLibraryName: event.homeLibraryName,
      };
      q.waiting.push(item);
      q.waiting.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
      delete state.gone[event.chatId];
      if (live) onNewChat(q, item);
    } else if (event.type === 'claimed') {
      claimed(event.chatId, event.operator);
    } else if (event.type === 'ended' || event.type === 'abandoned') {
      markGone(event.chatId, event.type);
    } else if (event.type === 'routed') {
      // Passed on to another queue (a co-op's): it waits there now, not here; nothing became of it.
      const at = q.waiting.findIndex((c) => c.chatId === event.chatId);
      if (at >= 0) q.waiting.splice(at, 1);
    }
  }

  /** The chat is over ('ended' or 'abandoned'): no list offers it any more. */
  function markGone(chatId, why) {
    state.gone[chatId] = why;
    remove(chatId);
  }

  /** Who holds a chat, as learnt elsewhere (a preview, the chat's own record), without touching the lists. */
  function noteHolder(chatId, operator) {
    if (operator) state.claimedBy[chatId] = { id: operator.id, name: operator.name };
  }

  const holderOf = (chatId) => state.claimedBy[chatId] || null;
  const goneWhy = (chatId) => state.gone[chatId] || null;
  /** Claimed or over: nobody needs to be told about it any more. */
  const settled = (chatId) => Boolean(state.claimedBy[chatId] || state.gone[chatId]);
  const isListed = (chatId) => state.queues.some((q) => q.waiting.some((c) => c.chatId === chatId));
  const isWatched = (queueId) => state.queues.some((q) => q.id === queueId && q.loaded);

  /** Someone (perhaps this operator) has the chat now; every view of it says so at once. */
  function claimed(chatId, operator) {
    if (!operator) return;
    noteHolder(chatId, operator);
    if (operator.id === me.operator.id) {
      remove(chatId);
      return;
    }
    for (const q of state.queues) {
      const item = q.waiting.find((c) => c.chatId === chatId);
      if (item) item.claimedBy = state.claimedBy[chatId];
    }
    if (!lingering.has(chatId)) {
      lingering.set(chatId, setTimeout(() => {
        lingering.delete(chatId);
        remove(chatId);
      }, CLAIMED_LINGER_MS));
    }
  }

  function remove(chatId) {
    for (const q of state.queues) {
      const at = q.waiting.findIndex((c) => c.chatId === chatId);
      if (at >= 0) q.waiting.splice(at, 1);
    }
  }

  /** The waiting chat as the queue list knows it, for a preview opened from the list. */
  function find(chatId) {
    for (const q of state.queues) {
      const item = q.waiting.find((c) => c.chatId === chatId);
      if (item) return { ...item, queueId: q.id };
    }
    return null;
  }

  return {
    state, start, stop, restart, reload, claimed, noteHolder, markGone, remove, find, holderOf, goneWhy, settled, isListed, isWatched,
  };
}
