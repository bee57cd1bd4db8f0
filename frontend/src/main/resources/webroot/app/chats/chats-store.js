// The chats this operator is answering, one tab each: their events in seq order (the connector resumes
// and dedupes them), the messages still on their way, the draft, the unread count. A tab follows its
// chat from seq 0 so that, after a reload, the whole conversation is back. It also keeps each chat's
// details (GET /api/chats/{id}) for the panes that show them.
import { reactive } from 'vue';
import { CHAT_TYPING } from '/shared/addresses.js';
import { shorten } from '../ui/format.js';
import { t } from '../messages/t.js';

const TYPING_EVERY_MS = 3000;
const TYPING_IDLE_MS = 4000;
// Typing events are never stored, so a lost "stopped typing" must not leave the indicator on for good.
const TYPING_STALE_MS = 8000;

export function createChats({ me, connector, call, isViewing, announce, alert, clock, onClose = () => {} }) {
  const state = reactive({ tabs: [], details: {} });
  const follows = new Map();
  const timers = new Map();
  const typingSentAt = new Map();

  const mine = (from) => Boolean(from) && from.kind === 'operator' && from.id === me.operator.id;
  const tabOf = (chatId) => state.tabs.find((t) => t.chatId === chatId);

  /**
   * Opens (or finds) the tab of a chat this operator has joined; `seenUpTo` events are history, not
   * news. An ended chat opened again from the recent list comes with `ended` set, so it never offers
   * a composer, even before its events arrive.
   */
  function open({ chatId, queueId, patronName, question, ended = null }, seenUpTo = 0) {
    const existing = tabOf(chatId);
    if (existing) return existing;
    state.tabs.push({
      chatId, queueId, patronName: patronName || t('common.guest'), question, seenUpTo,
      events: [], pending: [], unread: 0, draft: '', ended, typing: null, error: '', typedAt: 0,
    });
    const tab = tabOf(chatId);
    follows.set(chatId, connector.followChat(chatId, {
      onEvent: (event) => heard(tab, event),
      onError: (error) => { tab.error = error.message; },
    }));
    loadDetails(chatId);
    return tab;
  }

  function heard(tab, event) {
    clock.observe(event.at);
    if (event.type === 'typing') {
      if (!mine(event.from)) showTyping(tab, event);
      return;
    }
    tab.events.push(event);
    if (event.type === 'message') {
      if (event.clientMsgId) dropPending(tab, event.clientMsgId);
      if (event.from && event.from.kind === 'patron') tab.typing = null;
      if (event.seq > tab.seenUpTo && !mine(event.from)) {
        const who = event.from ? event.from.name : t('chat.thePatron');
        const onScreen = isViewing(tab.chatId) && document.hasFocus();
        if (!isViewing(tab.chatId)) tab.unread += 1;
        announce(t('chat.announceMessage', { name: who, text: shorten(event.text) }));
        if (!onScreen) alert({ title: t('chat.alertMessage', { name: who || t('common.guest') }), body: shorten(event.text), chatId: tab.chatId });
      }
    } else if (event.type === 'joined' || event.type === 'left' || event.type === 'transferred') {
      // Who is in the chat changed: the header's participants come with the details.
      loadDetails(tab.chatId);
    } else if (event.type === 'ended') {
      tab.ended = event.endedBy || 'system';
      tab.typing = null;
      if (event.seq > tab.seenUpTo && event.endedBy === 'patron') announce(t('chat.announceEnded', { name: tab.patronName }));
      loadDetails(tab.chatId);
    }
  }

  function showTyping(tab, event) {
    clearTimeout(timers.get(`seen:${tab.chatId}`));
    tab.typing = event.typing && event.from ? event.from.name || t('chat.thePatronTyping') : null;
    if (tab.typing) timers.set(`seen:${tab.chatId}`, setTimeout(() => { tab.typing = null; }, TYPING_STALE_MS));
  }

  async function loadDetails(chatId) {
    try {
      const details = await call(`/api/chats/${chatId}`);
      state.details[chatId] = details;
      // A chat claimed from the overdue notice (a queue not monitored here) opens before its details.
      const tab = tabOf(chatId);
      if (tab && details.patron && details.patron.name) tab.patronName = details.patron.name;
    } catch (error) {
      if (!state.details[chatId]) state.details[chatId] = { error: error.message };
    }
  }

  const detailsOf = (chatId) => state.details[chatId] || null;

  /** Details the server answered elsewhere (recording the patron's e-mail answers with them). */
  function rememberDetails(chatId, details) {
    state.details[chatId] = details;
  }

  function setDraft(tab, text) {
    tab.draft = text;
  }

  function clearError(tab) {
    tab.error = '';
  }

  /** The tab is in front of the operator: nothing in it is unread any more. */
  function markRead(chatId) {
    const tab = tabOf(chatId);
    if (tab) tab.unread = 0;
  }

  /** Sends the tab's draft. Returns false when there was nothing to send. */
  function send(tab) {
    const text = tab.draft;
    if (!text.trim() || tab.ended) return false;
    tab.draft = '';
    return say(tab, text);
  }

  /** Sends `text` in the tab's chat as the operator's message, whatever the draft holds. */
  function say(tab, text) {
    if (!text.trim() || tab.ended) return false;
    stopTyping(tab);
    deliver(tab, text);
    return true;
  }

  function deliver(tab, text) {
    const { clientMsgId, done } = connector.sendMessage(tab.chatId, text);
    tab.pending.push({ clientMsgId, text, failed: false, reason: '' });
    done.then(() => dropPending(tab, clientMsgId), (error) => {
      const item = tab.pending.find((p) => p.clientMsgId === clientMsgId);
      if (!item) return;
      item.failed = true;
      item.reason = reasonFor(error);
    });
  }

  function retry(tab, item) {
    connector.discard(item.clientMsgId);
    dropPending(tab, item.clientMsgId);
    deliver(tab, item.text);
  }

  function dropPending(tab, clientMsgId) {
    const at = tab.pending.findIndex((p) => p.clientMsgId === clientMsgId);
    if (at >= 0) tab.pending.splice(at, 1);
  }

  /** Called on every keystroke: at most one "typing" every 3 s, and "stopped" after 4 s of quiet. */
  function typed(tab) {
    if (tab.ended) return;
    tab.typedAt = clock.now();
    const key = `typing:${tab.chatId}`;
    const last = typingSentAt.get(tab.chatId) || 0;
    if (Date.now() - last > TYPING_EVERY_MS) {
      typingSentAt.set(tab.chatId, Date.now());
      tellTyping(tab.chatId, true);
    }
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => stopTyping(tab), TYPING_IDLE_MS));
  }

  function stopTyping(tab) {
    clearTimeout(timers.get(`typing:${tab.chatId}`));
    timers.delete(`typing:${tab.chatId}`);
    if (!typingSentAt.has(tab.chatId)) return;
    typingSentAt.delete(tab.chatId);
    tellTyping(tab.chatId, false);
  }

  function tellTyping(chatId, typing) {
    // A hint only: if it is lost, the patron's indicator times out by itself.
    connector.send(CHAT_TYPING, { chatId, typing }).catch(() => {});
  }

  /** Ends the chat; false (with the server's words in `tab.error`) when it refused, e.g. for a missing tag. */
  async function end(tab) {
    tab.error = '';
    try {
      await call(`/api/chats/${tab.chatId}/end`, { method: 'POST' });
      tab.ended = tab.ended || 'operator';
    } catch (error) {
      if (error.code !== 'chat_ended') {
        tab.error = error.message;
        return false;
      }
      tab.ended = tab.ended || 'system';
    }
    return true;
  }

  /**
   * Asks for the chat's transcript to go to the patron's own address when the chat ends (at once if
   * it has). Answers whether the gateway took it; its refusal stays on the tab.
   */
  async function emailTranscript(tab) {
    tab.error = '';
    try {
      await call(`/api/chats/${tab.chatId}/transcript`, { method: 'POST', body: {} });
      return true;
    } catch (error) {
      tab.error = t('end.transcriptFailed', { reason: error.message });
      return false;
    }
  }

  /** Closes an ended chat's tab; an open chat keeps its tab until it ends. */
  function dismiss(tab) {
    const off = follows.get(tab.chatId);
    if (off) off();
    follows.delete(tab.chatId);
    stopTyping(tab);
    clearTimeout(timers.get(`seen:${tab.chatId}`));
    state.tabs.splice(state.tabs.indexOf(tab), 1);
    delete state.details[tab.chatId];
    onClose(tab.chatId);
  }

  /** Brings back the tabs of chats this operator takes part in, after a reload or a claim in another window. */
  function restore(active) {
    for (const chat of active) {
      const takesPart = chat.ownerId === me.operator.id || (chat.participants || []).some((p) => p.id === me.operator.id);
      if (takesPart && !tabOf(chat.chatId)) open(chat, chat.lastSeq);
    }
  }

  /**
   * This operator is no longer in the chat (they transferred it, or left it): its tab stays readable,
   * without a composer, until they close it.
   */
  function handedOver(chatId, why = 'transferred') {
    const tab = tabOf(chatId);
    if (!tab || tab.ended) return;
    stopTyping(tab);
    tab.ended = why;
    tab.typing = null;
    loadDetails(chatId);
  }

  function stop() {
    for (const off of follows.values()) off();
    follows.clear();
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
    typingSentAt.clear();
  }

  return {
    state, open, send, say, retry, typed, end, emailTranscript, dismiss, restore, handedOver, loadDetails, detailsOf, rememberDetails, setDraft, clearError,
    markRead, stop, tabOf,
  };
}

function reasonFor(error) {
  switch (error && error.code) {
    case 'chat_ended': return t('notSent.chatEnded');
    case 'not_participant': return t('notSent.notParticipant');
    case 'invalid': return t('notSent.invalid');
    case 'closed': return t('notSent.closed');
    default: return t('notSent.noConnection');
  }
}
