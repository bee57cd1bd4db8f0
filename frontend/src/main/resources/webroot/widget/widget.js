// The patron's chat window at /widget/, framed by the loader on library pages or opened on its own.
// It picks the screen: the chat under way in this tab, the question form, or "nobody is answering".
import { api } from '/shared/api.js';
import { h } from './dom.js';
import { textOn } from './format.js';
import { connectHost } from './host.js';
import { loadChat } from './lazy.js';
import { showQuestionForm, showReceipt } from './offline.js';
import { showForm, showOffline, showProblem } from './start.js';
import { forgetChat, saveChat, savedChat, savePatron, savedPatron } from './storage.js';
import { t } from './messages/t.js';

const params = new URLSearchParams(location.search);
const slug = (params.get('queue') || '').trim();
const page = params.get('page');
const main = document.getElementById('main');
const title = document.getElementById('title');
const status = document.getElementById('status');
const closeButton = document.getElementById('close');

// The screen shown now: `{focus, shown?, escape?}`.
let screen = null;
// The patron opened the panel before the screen was ready; it takes focus when it comes.
let focusWhenShown = false;
// The name and e-mail given for the last chat, offered again for a new one. A page change reloads this
// frame, so they are also kept where the chat is (the loader's storage on the library's site, and
// this frame's own where the browser allows it).
let lastPatron = null;
// What the queue description says fields are held to; a chat resumed without it goes on without them.
let queueLimits = null;

const host = connectHost(params.get('host'), {
  onVisible(visible, takeFocus) {
    if (!visible) return;
    if (!screen) {
      focusWhenShown = focusWhenShown || takeFocus;
      return;
    }
    if (screen.shown) screen.shown();
    if (takeFocus) screen.focus();
  },
});

// The page's own markup carries no words: they come from the catalogue, here.
title.textContent = t('window.title');
closeButton.setAttribute('aria-label', t('window.close'));
closeButton.title = t('window.closeHint');
// Embedded in a page element, the chat is part of that page: there is no panel to close.
closeButton.hidden = !host.framed || params.get('placement') === 'embedded';
// Opened on its own (the direct link, the popout window) it is the whole page.
document.documentElement.classList.toggle('standalone', !host.framed);
closeButton.addEventListener('click', () => host.post('close'));
// Escape in here never reaches the library's page, so the loader is told to close the panel.
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || (screen && screen.escape && screen.escape())) return;
  host.post('close');
});

function setStatus(text) {
  status.textContent = text || '';
  status.hidden = !text;
}

function show(next, { takeFocus = false } = {}) {
  screen = next;
  if (takeFocus || focusWhenShown) screen.focus();
  focusWhenShown = false;
}

function applyLook(queue) {
  title.textContent = queue.name || t('window.title');
  document.title = queue.library && queue.library.name
    ? t('window.documentTitle', { queue: title.textContent, library: queue.library.name }) : title.textContent;
  const color = queue.settings && queue.settings.color;
  if (typeof color === 'string' && color.trim()) {
    // CSSOM, not a style attribute: the page's policy allows no inline styles.
    document.documentElement.style.setProperty('--accent', color.trim());
    document.documentElement.style.setProperty('--on-accent', textOn(color.trim()));
  }
}

// The chat to resume: the loader's copy from the library's site comes first, because this frame's own
// storage may be denied or partitioned; `undefined` until the loader has answered.
let handedChat;
let handedUnread = 0;

async function chatToResume() {
  if (handedChat === undefined) {
    const handed = await host.handedOver;
    handedChat = handed.chat;
    handedUnread = handed.unread;
    lastPatron = lastPatron || handed.patron || savedPatron(slug);
  }
  return handedChat || savedChat(slug);
}

function keepChat(chat) {
  handedChat = chat;
  saveChat(slug, chat);
  host.post('chat', { chat });
}

function keepPatron(patron) {
  lastPatron = patron;
  savePatron(slug, patron);
  host.post('patron', { patron });
}

function forgetTheChat() {
  handedChat = null;
  forgetChat(slug);
  host.post('chat', { chat: null });
}

async function openChat(chat, waiting, options) {
  let screenModule;
  try {
    screenModule = await loadChat();
  } catch (error) {
    show(showProblem(main, { message: error.message, onRetry: () => openChat(chat, waiting, { takeFocus: true }) }), options);
    return;
  }
  const unread = handedUnread;
  handedUnread = 0;
  show(screenModule.showChat(main, {
    chat,
    waiting,
    limits: queueLimits,
    email: lastPatron && lastPatron.email ? lastPatron.email : undefined,
    unread,
    host,
    setStatus,
    onSeq: (lastSeq) => keepChat({ chatId: chat.chatId, token: chat.token, lastSeq }),
    onNewChat: () => {
      forgetTheChat();
      begin({ takeFocus: true, patron: lastPatron });
    },
  }), options);
}

async function begin(options = {}) {
  screen = null;
  main.replaceChildren(h('p', { class: 'loading', text: t('window.loading') }));
  if (!slug) {
    show(showProblem(main, { message: t('problem.noQueue') }), options);
    return;
  }
  const saved = await chatToResume();
  let queue = null;
  try {
    // The loader's copy of this answer may sit in the HTTP cache for some seconds; whether a librarian
    // is online must be fresh here (and on "Check again"), so this request skips the cache.
    queue = await api(`/api/widget/queues/${encodeURIComponent(slug)}`, { cache: 'no-store' });
    queueLimits = queue.limits || null;
    applyLook(queue);
  } catch (error) {
    // A chat under way needs nothing from the queue but its looks; it goes on without them.
    if (!saved) {
      host.post('active', { active: false });
      // Another try helps when the network or the gateway failed, not when the queue does not exist.
      const onRetry = error.status === 404 ? null : () => begin({ takeFocus: true });
      show(showProblem(main, { message: error.message, onRetry }), options);
      return;
    }
  }
  if (saved) {
    openChat(saved, null, options);
    return;
  }
  host.post('active', { active: false });
  setStatus(queue.library && queue.library.name);
  if (!queue.online) {
    const onCheckAgain = () => begin({ takeFocus: true });
    // A gateway from before offline questions describes no form: then only "nobody is answering".
    if (!queue.offline) {
      show(showOffline(main, { queue, onCheckAgain }), options);
      return;
    }
    show(showQuestionForm(main, {
      queue,
      patron: options.patron,
      onCheckAgain,
      onAsked(answer, patron) {
        keepPatron(patron);
        show(showReceipt(main, { queue, email: answer.email, onAnother: () => begin({ takeFocus: true, patron }) }),
          { takeFocus: true });
      },
    }), options);
    return;
  }
  show(showForm(main, {
    queue,
    page,
    patron: options.patron,
    onStarted(answer, patron) {
      keepPatron(patron);
      const chat = { chatId: answer.chatId, token: answer.token, lastSeq: 0 };
      keepChat(chat);
      openChat(chat, { position: answer.position, expectedWaitSeconds: queue.expectedWaitSeconds }, { takeFocus: true });
    },
  }), options);
}

host.post('ready');
begin();
