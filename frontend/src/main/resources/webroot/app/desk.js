// The operator's desk while signed in: one connector for the whole app, and the state every panel
// reads (queues, tabs, counters, what is on screen). Components get it with useDesk() and change it
// only through the actions here, so the socket and the HTTP calls stay in one place.
import { computed, inject, provide, reactive, watch } from 'vue';
import { api } from '/shared/api.js';
import { createConnector } from '/shared/connector.js';
import { createActivity } from './activity.js';
import { createAlerts } from './alerts.js';
import { createChats } from './chats.js';
import { shorten } from './format.js';
import { createPresence } from './presence.js';
import { createPreview } from './preview.js';
import { createQueues } from './queues.js';
import { session, signOut } from './session.js';

const KEY = Symbol('desk');
const WIDE = '(min-width: 1000px)';
// The chat on screen, kept per browser tab so a reload shows it again.
const FOCUS_KEY = 'refdesk.operator.focus';

export function useDesk() {
  return inject(KEY);
}

export function provideDesk(me) {
  const desk = createDesk(me);
  provide(KEY, desk);
  return desk;
}

function createDesk(me) {
  const state = reactive({
    me, connection: 'connecting', status: 'offline', notice: '', announcement: '', now: Date.now(),
    queues: [], tabs: [], details: {}, claimedBy: {}, gone: {}, active: null, preview: null,
    // What the middle pane shows: { kind: 'preview' | 'chat', chatId }; `pane` is the one pane shown on phones.
    focus: null, pane: 'queue', wide: true,
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
  const chats = createChats({ state, connector, call, isViewing, announce });
  const preview = createPreview({ state, connector, loadDetails: chats.loadDetails });
  const activity = createActivity({ state, call, onList: (list) => {
    chats.restore(list);
    reopenRemembered();
  } });
  const queues = createQueues({ state, connector, call, onNewChat, onChange: activity.refreshSoon });

  const offs = [];
  let clock = null;

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
    const waiting = queues.find(chatId) || {};
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
    state.connection = next;
    // Queue events are not numbered and only reach registered addresses: once the addresses are
    // registered (the first time, and after every break) the lists and counters are read afresh.
    if (next === 'connected' && wasDown) {
      queues.reload();
      activity.refresh();
      presence.beat();
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
    alerts.start();
    presence.start();
    queues.start();
    activity.start();
    // Waiting times are shown to the minute; a tick every 10 s keeps them at most that late.
    clock = setInterval(() => { state.now = Date.now(); }, 10000);
  }

  function stop() {
    for (const off of offs.splice(0)) off();
    clearInterval(clock);
    activity.stop();
    preview.hide();
    chats.stop();
    queues.stop();
    presence.stop();
    alerts.stop();
    connector.close();
  }

  async function leave() {
    await presence.goOffline();
    signOut();
  }

  return {
    state, counters, start, stop, select, openTab, claim, dismiss, leave, announce,
    setStatus: presence.set, chats, alerts,
  };
}
