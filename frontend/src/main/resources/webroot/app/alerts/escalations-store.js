// Chats nobody has answered within the library's first minute. Two sources: the waiting chats of the
// queues this operator monitors (counted down here), and the gateway's `escalation` events on the
// library's presence address, which reach every librarian of the library, so an overdue patron in a
// queue nobody is watching still gets someone. While any is overdue, the alert sounds again every
// 15 s. No queue event reaches us for a queue we do not monitor, so those chats are asked after on
// each of those rounds and leave the list once claimed or ended.
import { reactive } from 'vue';
import { alerts as alertsAddress } from '/shared/addresses.js';
import { shorten } from '../ui/format.js';
import { firstMinute } from '../chats/timing.js';
import { t } from '../messages/t.js';

const REPEAT_MS = 15000;

/**
 * `queues` is the queues store (the waiting lists and what became of each chat), `now()` the
 * gateway's time, `firstMinuteSeconds()` the library's threshold.
 */
export function createEscalations({ connector, call, queues, now, firstMinuteSeconds, alerts, announce }) {
  const state = reactive({ overdue: [] });
  const offs = [];
  let repeat = null;

  function add(item) {
    if (queues.settled(item.chatId) || state.overdue.some((o) => o.chatId === item.chatId)) return;
    state.overdue.push(item);
    announce(t('overdue.announce', { name: item.patronName || t('common.guest'), queue: item.queueName }));
    ring();
    clearInterval(repeat);
    repeat = setInterval(rounds, REPEAT_MS);
  }

  function heard(event) {
    if (!event || event.type !== 'escalation') return;
    add({
      chatId: event.chatId,
      queueId: event.queueId,
      queueName: event.queueName || t('overdue.aQueue'),
      patronName: event.patronName,
      question: event.question,
      since: now() - (Number(event.waitedSeconds) || 0) * 1000,
    });
  }

  /** Counts the monitored queues' chats down, and lets go of the ones someone has taken. */
  function sweep() {
    const limit = firstMinuteSeconds();
    const at = now();
    for (const q of queues.state.queues) {
      for (const c of q.waiting) {
        if (c.claimedBy || !firstMinute(c.createdAt, at, limit).overdue) continue;
        add({
          chatId: c.chatId, queueId: q.id, queueName: q.name, patronName: c.patronName, question: c.question,
          since: Date.parse(c.createdAt),
        });
      }
    }
    drop((o) => queues.settled(o.chatId) || (queues.isWatched(o.queueId) && !queues.isListed(o.chatId)));
  }

  function drop(gone) {
    const keep = state.overdue.filter((o) => !gone(o));
    if (keep.length !== state.overdue.length) state.overdue = keep;
    if (!keep.length) {
      clearInterval(repeat);
      repeat = null;
    }
  }

  async function rounds() {
    await Promise.all(state.overdue.filter((o) => !queues.isWatched(o.queueId)).map(ask));
    if (state.overdue.length) ring();
  }

  async function ask(item) {
    try {
      const chat = await call(`/api/chats/${item.chatId}`);
      if (chat.state !== 'waiting') {
        queues.noteHolder(item.chatId, chat.owner);
        drop((o) => o.chatId === item.chatId);
      }
    } catch (error) {
      if (error.status === 404) drop((o) => o.chatId === item.chatId);
    }
  }

  function ring() {
    const first = state.overdue[0];
    if (!first) return;
    const count = state.overdue.length;
    alerts.overdue({
      count,
      title: count > 1 ? t('overdue.many', { count }) : t('overdue.one', { name: first.patronName || t('common.guest') }),
      body: shorten(first.question),
    });
  }

  /** Drops a chat from the list at once, when this operator has just claimed it. */
  function claimed(chatId) {
    drop((o) => o.chatId === chatId);
  }

  function start(libraryId) {
    offs.push(connector.subscribe(alertsAddress(libraryId), heard));
  }

  function stop() {
    for (const off of offs.splice(0)) off();
    clearInterval(repeat);
    repeat = null;
  }

  return { state, start, stop, sweep, claimed };
}
