// The operator's desk while signed in: one connector for the whole app, and the state every panel
// reads (queues, tabs, counters, what is on screen, the shift's timers). Components get it with
// useDesk() and change it only through the actions here and in the composables it hands out, so the
// socket and the HTTP calls stay in one place.
import { computed, inject, provide, reactive, watch } from 'vue';
import { api } from '/shared/api.js';
import { createConnector } from '/shared/connector.js';
import { createActivity } from './activity.js';
import { createAlerts } from './alerts.js';
import { createAway } from './away.js';
import { createCanned } from './canned.js';
import { createChats } from './chats.js';
import { createEscalations } from './escalations.js';
import { shorten } from './format.js';
import { createHistory } from './history.js';
import { LIBRARY_DEFAULTS, createLibrary } from './library.js';
import { createPresence } from './presence.js';
import { createPreview } from './preview.js';
import { createQueues } from './queues.js';
import { session, signOut } from './session.js';
import { createSettings } from './settings.js';
import { createTags } from './tags.js';
import { createServerClock, isDeadAir } from './timing.js';

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
    me, connection: 'connecting', status: 'offline', notice: '', announcement: '', now: clock.now(),
    library: { ...LIBRARY_DEFAULTS, ...(library || {}) },
    queues: [], tabs: [], details: {}, claimedBy: {}, gone: {}, active: null, preview: null,
    // What the middle pane shows: { kind: 'preview' | 'chat', chatId }; `pane` is the one pane shown on phones.
    focus: null, pane: 'queue', wide: window.matchMedia(WIDE).matches,
  });

  const call = (path, options = {}) => api(path, { ...options, token: session.token }).catch((error) => {
    if (error.status === 401) signOut();
    throw error;
  });

  const connector = createConnector({ token: () => session.token });
  const alerts = createAlerts();
  const presence = createPresence({ state, connector, call });
  const isViewing = (chatId) => state.focus && state.focus.kind === 'chat' && state.focus.chatId === chatId
    && (state.wide || state.pane === 'chat') && !document.hidden;
  const tags = createTags({ state, call });
  const history = createHistory({ state, call });
  const librarySync = createLibrary({ state, connector, call, tags });
  const chats = createChats({
    state, connector, call, isViewing, announce, alert: alerts.newMessage, clock, onClose: (chatId) => {
      tags.forget(chatId);
      history.forget(chatId);
    },
  });
  const canned = createCanned({ state, call, say: chats.say });
  const preview = createPreview({ state, connector, loadDetails: chats.loadDetails });
  const activity = createActivity({ state, call, onList: (list) => {
    chats.restore(list);
    reopenRemembered();
  } });
  const settings = createSettings({ state, call, initial: mySettings, onMonitoredChange: () => queues.restart() });
  const queues = createQueues({
    state, connector, call, clock, isMonitored: settings.isMonitored, onNewChat, onChange: activity.refreshSoon,
  });
  const escalations = createEscalations({ state, connector, call, alerts, announce });
  const away = createAway({ state, setStatus: presence.set });

  const offs = [];
  let ticker = null;

  function announce(text) {
    // Cleared first so that the same words twice in a row are still read out.
    state.announcement = '';
    setTimeout(() => { state.announcement = text; }, 50);
  }

  function onNewChat(q, item) {
    const who = item.patronName || 'Guest';
    announce(`New chat waiting in ${q.name} from ${who}: ${shorten(item.question)}`);
    alerts.newChat({ title: `New chat from ${who}`, body: shorten(item.question) });
  }

  const counters = reactive({
    waiting: computed(() => new Set(state.queues.flatMap((q) => q.waiting.filter((c) => !c.claimedBy).map((c) => c.chatId))).size),
    progress: computed(() => (state.active ? state.active.length : null)),
    mine: computed(() => (state.active ? state.active.filter((c) => c.ownerId === me.operator.id).length : null)),
  });

  /** The patron has written and this desk has been silent for the library's deadAirSeconds. */
  function deadAir(tab) {
    return !tab.ended && isDeadAir({
      events: tab.events, now: state.now, seconds: state.library.deadAirSeconds, typedAt: tab.typedAt, pending: tab.pending.length,
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
    if (tab && isViewing(tab.chatId)) tab.unread = 0;
  }

  function widthChanged(media) {
    state.wide = media.matches;
  }

  /** Claims a waiting chat; a lost race marks the chat with its holder's name everywhere, then throws. */
  async function claim(chatId) {
    const waiting = queues.find(chatId) || state.overdue.find((o) => o.chatId === chatId) || {};
    let answer;
    try {
      answer = await call(`/api/chats/${chatId}/claim`, { method: 'POST' });
    } catch (error) {
      if (error.code === 'already_claimed' && error.details.holder) queues.claimed(chatId, error.details.holder);
      if (error.code === 'chat_ended') {
        state.gone[chatId] = 'ended';
        queues.remove(chatId);
      }
      throw error;
    }
    queues.claimed(chatId, answer.operator);
    escalations.claimed(chatId);
    const details = state.details[chatId];
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
      // The first connection follows the desk's own first reads; only a break can have hidden a change.
      if (reconnected) librarySync.reload();
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
    offs.push(watch(() => [state.focus, state.pane, state.wide], markSeen));
    offs.push(watch(() => state.status, away.statusChanged));
    // The recent list gains a chat when one of this operator's chats ends.
    offs.push(watch(() => state.tabs.filter((t) => t.ended && t.ended !== 'earlier').length, (now, before) => {
      if (now > before) history.recent();
    }));
    alerts.start();
    settings.start();
    presence.start();
    queues.start();
    activity.start();
    escalations.start(me.operator.libraryId);
    librarySync.start(me.operator.libraryId);
    away.start();
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
    escalations.stop();
    librarySync.stop();
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
    state, counters, start, stop, select, openTab, claim, reopen, dismiss, leave, announce,
    isDeadAir: deadAir, setStatus: presence.set, backFromAway: away.back, monitor: settings.setMonitored,
    chats, alerts, canned, tags, history,
  };
}
