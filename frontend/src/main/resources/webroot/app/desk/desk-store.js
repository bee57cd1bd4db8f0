// The operator's desk while signed in: one connector for the whole app, the feature stores wired to
// each other, and the desk's own state (the connection, what is on screen, the gateway's time).
// Every store declares and owns its slice of state and is the only one to change it, through its
// actions; components read `desk.<store>.state` and call actions, so the socket and the HTTP calls
// stay in the stores.
import { computed, inject, provide, reactive, watch } from 'vue';
import { api } from '/shared/api.js';
import { createConnector } from '/shared/connector.js';
import { createActivity } from '../chats/activity-store.js';
import { createAlerts } from '../alerts/alerts-store.js';
import { createAway } from '../presence/away-store.js';
import { createCanned } from '../canned/canned-store.js';
import { createChats } from '../chats/chats-store.js';
import { createEscalations } from '../alerts/escalations-store.js';
import { shorten } from '../ui/format.js';
import { createHistory } from '../history/history-store.js';
import { createLibrary } from '../library/library-store.js';
import { createPresence } from '../presence/presence-store.js';
import { createPreview } from '../queues/preview-store.js';
import { createQueues } from '../queues/queues-store.js';
import { session, signOut } from '../session/session-store.js';
import { createSettings } from '../settings/settings-store.js';
import { createStaffChat } from '../staffchat/staffchat-store.js';
import { createTags } from '../tags/tags-store.js';
import { createFaq } from '../faq/faq-store.js';
import { createTickets } from '../tickets/tickets-store.js';
import { createMissed } from '../missed/missed-store.js';
import { createRota } from '../rota/rota-store.js';
import { isLibraryAdmin } from '../session/roles.js';
import { createNotes } from '../notes/notes-store.js';
import { statusWord } from '../tickets/ticket-words.js';
import { createTransfers } from '../transfer/transfer-store.js';
import { createSurge } from '../surge/surge-store.js';
import { createServerClock, isDeadAir } from '../chats/timing.js';
import { t } from '../messages/t.js';

const KEY = Symbol('desk');
const WIDE = '(min-width: 1000px)';
// The chat on screen, kept per browser tab so a reload shows it again.
const FOCUS_KEY = 'refdesk.operator.focus';
// Reopened from the recent list: every event is history, none is news.
const ALL_SEEN = Number.MAX_SAFE_INTEGER;

export function useDesk() {
  return inject(KEY);
}

/** `me` from GET /api/me, `settings` from GET /api/me/settings, `library` from GET /api/library/settings. */
export function provideDesk({ me, settings, library }) {
  const desk = createDesk(me, settings, library);
  provide(KEY, desk);
  return desk;
}

function createDesk(me, mySettings, library) {
  const clock = createServerClock();
  const state = reactive({
    me, connection: 'connecting', announcement: '', now: clock.now(),
    // What the middle pane shows: { kind: 'preview' | 'chat', chatId }; `pane` is the one pane shown on phones.
    focus: null, pane: 'queue', wide: window.matchMedia(WIDE).matches,
    // 'desk' (queues, chats, patron), 'tickets', or the view of a screen in desk/screens.js.
    view: 'desk',
  });

  const call = (path, options = {}) => api(path, { ...options, token: session.token }).catch((error) => {
    if (error.status === 401) signOut();
    throw error;
  });

  const connector = createConnector({ token: () => session.token });
  const alerts = createAlerts();
  const presence = createPresence({ me, connector, call, onPaused: (pause) => surge.resumed(pause) });
  const isViewing = (chatId) => state.view === 'desk' && state.focus && state.focus.kind === 'chat' && state.focus.chatId === chatId
    && (state.wide || state.pane === 'chat') && !document.hidden;
  const tags = createTags({ call });
  const faq = createFaq({ call });
  const notes = createNotes({ call });
  const librarySync = createLibrary({ connector, call, tags, initial: library });
  const chats = createChats({
    me, connector, call, isViewing, announce, alert: alerts.newMessage, clock, onClose: (chatId) => {
      tags.forget(chatId);
      history.forget(chatId);
    },
  });
  const history = createHistory({ call, chats });
  const canned = createCanned({ me, call, chats });
  const activity = createActivity({ call, onList: (list) => {
    chats.restore(list);
    reopenRemembered();
  } });
  const settings = createSettings({ me, call, initial: mySettings, onMonitoredChange: () => queues.restart() });
  const queues = createQueues({
    me, connector, call, clock, isMonitored: settings.isMonitored, onNewChat, onChange: activity.refreshSoon,
  });
  const preview = createPreview({ connector, loadDetails: chats.loadDetails, queues });
  const escalations = createEscalations({
    connector, call, queues, now: () => state.now, firstMinuteSeconds: () => librarySync.state.firstMinuteSeconds, alerts, announce,
  });
  const tickets = createTickets({
    me, call, announce, words: {
      replied: t('tickets.announceReplied'), noted: t('tickets.announceNoted'), assigned: t('tickets.announceAssigned'),
      status: (s) => t('tickets.announceStatus', { status: statusWord(s) }),
    },
  });
  const missed = createMissed({ call, tickets, announce, words: (count) => t('missed.title', { count }) });
  const staffchat = createStaffChat({
    me, connector, call, isWide: () => state.wide, announce, alert: alerts.internalMessage,
  });
  const transfers = createTransfers({
    me, connector, call, chats, openTab: (tab) => openTab(tab), announce, alert: alerts.newChat,
  });
  const rota = createRota({ connector, call, isAdmin: () => isLibraryAdmin(me.operator.role) });
  const away = createAway({ presence, awayAfterSeconds: () => librarySync.state.awayAfterSeconds });
  const surge = createSurge({ me, connector, call, alerts, now: () => clock.now() });

  const offs = [];
  let ticker = null;

  function announce(text) {
    // Cleared first so that the same words twice in a row are still read out.
    state.announcement = '';
    setTimeout(() => { state.announcement = text; }, 50);
  }

  function onNewChat(q, item) {
    const who = item.patronName || t('common.guest');
    announce(t('queues.announceNew', { queue: q.name, name: who, question: shorten(item.question) }));
    alerts.newChat({ title: t('queues.alertNew', { name: who }), body: shorten(item.question) });
  }

  const counters = reactive({
    waiting: computed(() => new Set(queues.state.queues.flatMap((q) => q.waiting.filter((c) => !c.claimedBy).map((c) => c.chatId))).size),
    progress: computed(() => (activity.state.active ? activity.state.active.length : null)),
    mine: computed(() => (activity.state.active ? activity.state.active.filter((c) => c.ownerId === me.operator.id).length : null)),
  });

  /** The patron has written and this desk has been silent for the library's deadAirSeconds. */
  function deadAir(tab) {
    return !tab.ended && isDeadAir({
      events: tab.events, now: state.now, seconds: librarySync.state.deadAirSeconds, typedAt: tab.typedAt, pending: tab.pending.length,
    });
  }

  function select(chatId) {
    const tab = chats.tabOf(chatId);
    if (tab) {
      openTab(tab);
      return;
    }
    state.focus = { kind: 'preview', chatId };
    state.pane = 'chat';
    preview.show(chatId);
  }

  function openTab(tab) {
    preview.hide();
    state.focus = { kind: 'chat', chatId: tab.chatId };
    state.pane = 'chat';
    sessionStorage.setItem(FOCUS_KEY, String(tab.chatId));
  }

  // After a reload the chat that was on screen comes back on screen, not only as a tab.
  function reopenRemembered() {
    const remembered = Number(sessionStorage.getItem(FOCUS_KEY));
    const tab = remembered && !state.focus ? chats.tabOf(remembered) : null;
    if (tab) openTab(tab);
  }

  // Unread counts what the operator has not had in front of them: reset when the tab is on screen.
  function markSeen() {
    const tab = state.focus && state.focus.kind === 'chat' && chats.tabOf(state.focus.chatId);
    if (tab && isViewing(tab.chatId)) chats.markRead(tab.chatId);
  }

  /** On a phone, which one pane is shown; a pane of the desk brings the desk back. */
  function showPane(name) {
    state.view = 'desk';
    state.pane = name;
  }

  function showTickets() {
    state.view = 'tickets';
  }

  /** A screen of the Records menu (desk/screens.js) in place of the desk. */
  function showScreen(view) {
    state.view = view;
  }

  /** The tickets screen with this ticket open (after making it from a chat). */
  async function openTicket(ticketId) {
    state.view = 'tickets';
    await tickets.open(ticketId);
  }

  function widthChanged(media) {
    state.wide = media.matches;
  }

  /** Claims a waiting chat; a lost race marks the chat with its holder's name everywhere, then throws. */
  async function claim(chatId) {
    const waiting = queues.find(chatId) || escalations.state.overdue.find((o) => o.chatId === chatId) || {};
    let answer;
    try {
      answer = await call(`/api/chats/${chatId}/claim`, { method: 'POST' });
    } catch (error) {
      if (error.code === 'already_claimed' && error.details.holder) queues.claimed(chatId, error.details.holder);
      if (error.code === 'chat_ended') queues.markGone(chatId, 'ended');
      throw error;
    }
    queues.claimed(chatId, answer.operator);
    escalations.claimed(chatId);
    const details = chats.detailsOf(chatId);
    const tab = chats.open({
      chatId,
      queueId: waiting.queueId || (details && details.queueId),
      patronName: waiting.patronName || (details && details.patron && details.patron.name),
      question: waiting.question || (details && details.question),
    }, answer.seq);
    openTab(tab);
    activity.refreshSoon();
    return tab;
  }

  /** Opens an ended chat from the recent list again, read-only, with its tags still editable. */
  function reopen(chat) {
    openTab(chats.open({ ...chat, ended: 'earlier' }, ALL_SEEN));
  }

  function dismiss(tab) {
    const wasFocused = state.focus && state.focus.chatId === tab.chatId;
    chats.dismiss(tab);
    if (wasFocused) {
      sessionStorage.removeItem(FOCUS_KEY);
      state.focus = null;
      state.pane = 'queue';
    }
  }

  function connectionChanged(next) {
    const wasDown = state.connection !== 'connected';
    const reconnected = wasDown && state.connection !== 'connecting';
    state.connection = next;
    // Queue events are not numbered and only reach registered addresses: once the addresses are
    // registered (the first time, and after every break) the lists and counters are read afresh.
    if (next === 'connected' && wasDown) {
      queues.reload();
      activity.refresh();
      presence.beat();
      if (reconnected) staffchat.reload();
      transfers.load();
      // The first connection follows the desk's own first reads; only a break can have hidden a change.
      if (reconnected) librarySync.reload();
      if (reconnected) rota.refresh();
    }
  }

  function start() {
    offs.push(connector.onState(connectionChanged));
    offs.push(connector.onError((error) => {
      // A refused frame usually means the token is no longer good; /api/me tells (and signs out on 401).
      if (error.code === 'rejected') call('/api/me').catch(() => {});
    }));
    state.connection = connector.state;
    const media = window.matchMedia(WIDE);
    widthChanged(media);
    media.addEventListener('change', widthChanged);
    offs.push(() => media.removeEventListener('change', widthChanged));
    document.addEventListener('visibilitychange', markSeen);
    offs.push(() => document.removeEventListener('visibilitychange', markSeen));
    offs.push(watch(() => [state.focus, state.pane, state.wide, state.view], markSeen));
    offs.push(watch(() => presence.state.status, away.statusChanged));
    offs.push(watch(() => presence.state.status, missed.statusChanged));
    document.addEventListener('visibilitychange', staffchat.seen);
    offs.push(() => document.removeEventListener('visibilitychange', staffchat.seen));
    offs.push(watch(() => state.wide, staffchat.seen));
    // The recent list gains a chat when one of this operator's chats ends.
    offs.push(watch(() => chats.state.tabs.filter((t) => t.ended && t.ended !== 'earlier').length, (now, before) => {
      if (now > before) history.recent();
    }));
    alerts.start();
    settings.start();
    presence.start();
    queues.start();
    activity.start();
    escalations.start(me.operator.libraryId);
    librarySync.start(me.operator.libraryId);
    rota.start(me.operator.libraryId);
    away.start();
    staffchat.start();
    transfers.start();
    surge.start();
    canned.load();
    tags.load();
    history.recent();
    // The first-minute countdowns are shown to the second.
    ticker = setInterval(tick, 1000);
  }

  function tick() {
    state.now = clock.now();
    escalations.sweep();
  }

  function stop() {
    for (const off of offs.splice(0)) off();
    clearInterval(ticker);
    away.stop();
    staffchat.stop();
    transfers.stop();
    surge.stop();
    escalations.stop();
    librarySync.stop();
    rota.stop();
    settings.stop();
    activity.stop();
    preview.hide();
    chats.stop();
    queues.stop();
    presence.stop();
    alerts.stop();
    connector.close();
  }

  async function leave() {
    await settings.flush();
    await presence.goOffline();
    // Revoked on the server too, so the token is worthless to whoever finds it later.
    await call('/api/auth/logout', { method: 'POST' }).catch(() => {});
    signOut();
  }

  return {
    state, counters, call, start, stop, select, openTab, showPane, showTickets, showScreen, openTicket, claim, reopen, dismiss, leave, announce, isDeadAir: deadAir,
    alerts, away, canned, chats, escalations, faq, history, library: librarySync, missed, notes, presence, preview, queues, settings, staffchat, tags, tickets, transfers,
    rota,
    surge,
  };
}
