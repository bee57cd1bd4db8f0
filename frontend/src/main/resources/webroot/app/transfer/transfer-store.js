// Hand-offs of chats between colleagues: transfers with a card (to a queue or a named colleague) and
// invitations to share a chat. It hears offers on the operator's own address and on the queues they
// may work, keeps the pending ones offered to them (`incoming`) and the ones they sent (`outgoing`,
// by chat), and the last answer about each of their chats (`answers`: a decline's reason). Accepting
// opens the chat's tab from its first event, so the whole conversation is there.
import { reactive } from 'vue';
import { operator as operatorAddress, queue as queueAddress } from '/shared/addresses.js';
import { t } from '../messages/t.js';

export function createTransfers({ me, connector, call, chats, openTab, announce, alert }) {
  const state = reactive({ incoming: [], outgoing: {}, answers: {} });
  const offs = [];

  function start() {
    offs.push(connector.subscribe(operatorAddress(me.operator.id), heard));
    for (const q of me.queues || []) offs.push(connector.subscribe(queueAddress(q.id), heard));
    load();
  }

  function stop() {
    for (const off of offs.splice(0)) off();
  }

  /** Reads the pending hand-offs again: after a reconnect, since the alerts are not numbered. */
  async function load() {
    try {
      const { incoming, outgoing } = await call('/api/handoffs');
      state.incoming = incoming;
      const mine = {};
      for (const handoff of outgoing) if (handoff.kind === 'transfer') mine[handoff.chatId] = handoff;
      state.outgoing = mine;
    } catch (error) {
      // The next reconnect or offer reads them again.
    }
  }

  function heard(message) {
    if (!message || typeof message.type !== 'string' || !message.type.startsWith('handoff-')) return;
    if (message.type === 'handoff-offered') offered(message.handoff);
    else if (message.type === 'handoff-closed') closed(message.handoffId);
    else if (message.type === 'handoff-answered') answered(message.handoff);
  }

  function offered(handoff) {
    if (!handoff || handoff.from.id === me.operator.id) return;
    if (state.incoming.some((h) => h.id === handoff.id)) return;
    state.incoming.push(handoff);
    const words = handoff.kind === 'invite'
      ? t('transfer.alertInvite', { from: handoff.from.name, name: handoff.patronName })
      : t('transfer.alertTransfer', { from: handoff.from.name, name: handoff.patronName });
    announce(words);
    alert({ title: words, body: (handoff.card && handoff.card.needs) || handoff.question || '' });
  }

  function closed(handoffId) {
    state.incoming = state.incoming.filter((h) => h.id !== handoffId);
    for (const [chatId, handoff] of Object.entries(state.outgoing)) {
      if (handoff.id === handoffId) delete state.outgoing[chatId];
    }
  }

  function answered(handoff) {
    closed(handoff.id);
    const by = handoff.toOperator ? handoff.toOperator.name : (handoff.toQueue && handoff.toQueue.name) || '';
    state.answers[handoff.chatId] = { kind: handoff.kind, state: handoff.state, reason: handoff.reason || '', by };
    if (handoff.state === 'declined') {
      announce(t('transfer.announceDeclined', { reason: handoff.reason || '' }));
    } else if (handoff.state === 'accepted') {
      announce(t('transfer.announceAccepted', { name: handoff.patronName }));
      if (handoff.kind === 'transfer' && !handoff.stay) chats.handedOver(handoff.chatId);
    }
  }

  const outgoingOf = (chatId) => state.outgoing[chatId] || null;
  const answerOf = (chatId) => state.answers[chatId] || null;

  function forgetAnswer(chatId) {
    delete state.answers[chatId];
  }

  /** Where the chat could go: `{queues:[{id,name,online}], operators:[{id,name}]}`. */
  function targets(chatId) {
    return call(`/api/chats/${chatId}/transfer-targets`);
  }

  /** Sends the transfer; throws the server's error (its `code` says why: nobody_online, …). */
  async function transfer(chatId, { toQueueId = null, toOperatorId = null, card, stay = false }) {
    const body = { card, stay };
    if (toQueueId) body.toQueueId = toQueueId;
    else body.toOperatorId = toOperatorId;
    const handoff = await call(`/api/chats/${chatId}/transfer`, { method: 'POST', body });
    delete state.answers[chatId];
    state.outgoing[chatId] = handoff;
    return handoff;
  }

  async function invite(chatId, operatorId) {
    return call(`/api/chats/${chatId}/invite`, { method: 'POST', body: { operatorId } });
  }

  async function cancel(chatId) {
    const handoff = state.outgoing[chatId];
    if (!handoff) return;
    await call(`/api/handoffs/${handoff.id}/cancel`, { method: 'POST' }).catch(() => {});
    delete state.outgoing[chatId];
  }

  /** Takes the chat (or joins it) and puts its tab on screen; answers the tab. */
  async function accept(handoff) {
    let answer;
    try {
      answer = await call(`/api/handoffs/${handoff.id}/accept`, { method: 'POST' });
    } finally {
      closed(handoff.id);
    }
    const tab = chats.open({ chatId: handoff.chatId, patronName: handoff.patronName, question: handoff.question }, answer.seq);
    openTab(tab);
    return tab;
  }

  async function decline(handoff, reason) {
    await call(`/api/handoffs/${handoff.id}/decline`, { method: 'POST', body: { reason } });
    closed(handoff.id);
  }

  /** Leaves a shared chat; its tab stays, read-only, until closed. */
  async function leave(tab) {
    await call(`/api/chats/${tab.chatId}/leave`, { method: 'POST' });
    chats.handedOver(tab.chatId, 'left');
  }

  /** A ticket for the queue nobody answers now, from the chat (its patron's e-mail and question). */
  function ticketFor(chatId, queueId) {
    return call('/api/tickets', { method: 'POST', body: { chatId, queueId } });
  }

  return {
    state, start, stop, load, targets, transfer, invite, cancel, accept, decline, leave, ticketFor,
    outgoingOf, answerOf, forgetAnswer,
  };
}
