// The conversation screen: every event of the chat in seq order, the patron's own messages from
// "Sending…" to "Sent", the place in line while waiting, the librarian typing, the end. The connector
// owns the socket, its resume and its resends; this screen follows the chat and sends through it.
import { CHAT_TYPING } from '/shared/addresses.js';
import { api } from '/shared/api.js';
import { createConnector } from '/shared/connector.js';
import { focus, h, remainingHint } from './dom.js';
import { faqCard } from './faq.js';
import { clock, linkedText, waitingText } from './format.js';
import { sendingText } from './sending.js';
import { transcriptOffer } from './transcript.js';
import { ratingOffer } from './rating.js';
import { t } from './messages/t.js';

const POLL_MS = 15000;
const TYPING_EVERY_MS = 1500;
const TYPING_IDLE_MS = 3000;
// A librarian's "typing" fades when no news of it comes for this long: their typing:false may be lost.
const TYPING_STALE_MS = 8000;
const RECONNECTING = 'chat.reconnecting';
const SLOW_DOWN = 'chat.slowDown';
// After the gateway refused typing notes as too many, none are sent for this long.
const TYPING_PAUSE_MS = 10000;

/**
 * @param main      the element the screen fills
 * @param chat      `{chatId, token, lastSeq}`; events up to `lastSeq` were seen before a reload and
 *                  are drawn again without being announced or counted as unread
 * @param waiting   `{position, expectedWaitSeconds}` known at the start, or null when resuming
 * @param unread    messages the patron had not seen when the last page of the library's site closed
 * @param host      the channel to the loader (host.js)
 * @param setStatus shows a short line under the widget's title
 * @param onSeq     called with each new last seq, to keep it for a reload
 * @param onNewChat called when the patron asks for a new chat, after this screen let go of everything
 * @param email     the address the patron gave for this chat, offered for its transcript
 */
export function showChat(main, { chat, waiting, limits, email, unread: unreadBefore = 0, host, setStatus, onSeq, onNewChat }) {
  const { chatId, token } = chat;
  const seenBefore = chat.lastSeq || 0;
  const connector = createConnector({ token });
  // clientMsgId → {li, text} for the patron's messages not yet back from the gateway as events.
  const pending = new Map();
  let phase = 'waiting';
  let unread = host.visible ? 0 : unreadBefore;
  let pollTimer = null;
  let theirTypingTimer = null;

  // ---- the screen -------------------------------------------------------------------------------

  const banner = h('p', { class: 'banner', role: 'status', hidden: true });
  const slowDown = h('p', { class: 'banner slow', role: 'status', hidden: true, text: t(SLOW_DOWN) });
  const waitLine = h('p', { class: 'waiting', role: 'status', hidden: true });
  // The list gives each message its place for a screen reader; the log around it reads out news.
  const items = h('ol', { class: 'items' });
  const log = h('div', { class: 'log', role: 'log', 'aria-live': seenBefore > 0 ? 'off' : 'polite',
    'aria-label': t('chat.conversation'), tabindex: '0' }, items);
  const theyType = h('p', { class: 'typing', hidden: true });
  const draft = h('textarea', { id: 'draft', name: 'message', rows: '2', maxlength: limits ? String(limits.messageChars) : undefined,
    placeholder: t('chat.draftPlaceholder'), 'aria-describedby': 'draft-keys draft-left' });
  const left = remainingHint(draft, { max: limits ? limits.messageChars : undefined });
  const composer = h('form', { class: 'composer', 'aria-label': t('chat.sendAMessage') },
    h('label', { for: 'draft', class: 'sr-only', text: t('chat.yourMessage') }),
    h('div', { class: 'compose-row' }, draft, h('button', { type: 'submit', class: 'primary', text: t('chat.send') })),
    h('p', { id: 'draft-keys', class: 'sr-only', text: t('chat.keys') }),
    left.hint);
  const endButton = h('button', { type: 'button', class: 'link', text: t('chat.end') });
  const keepButton = h('button', { type: 'button', class: 'secondary', text: t('chat.keep') });
  const confirmButton = h('button', { type: 'button', class: 'danger', text: t('chat.end') });
  const confirm = h('div', { class: 'confirm', role: 'group', 'aria-labelledby': 'confirm-question', hidden: true },
    h('p', { id: 'confirm-question', text: t('chat.endQuestion') }),
    h('div', { class: 'row' }, confirmButton, keepButton));
  const endError = h('p', { class: 'error', role: 'alert', hidden: true });
  const endedText = h('p', { class: 'ended-title', text: t('chat.ended') });
  const newChatButton = h('button', { type: 'button', class: 'primary', text: t('chat.newChat') });
  const ended = h('div', { class: 'ended', hidden: true }, endedText, newChatButton);
  const transcript = transcriptOffer({ chatId: chat.chatId, token: chat.token, email });
  // Offered once the chat has ended (the server takes a rating of an ended chat only).
  let rating = null;
  const actions = h('div', { class: 'actions' }, endButton, confirm, endError, transcript.node);

  main.replaceChildren(h('div', { class: 'chat' }, banner, slowDown, waitLine, log, theyType, composer, actions, ended));

  // ---- the log ----------------------------------------------------------------------------------

  // The log stays at its newest line unless the patron scrolled up to read, also when it changes
  // size (the panel shown again, the confirm step, a phone's keyboard).
  let atEnd = true;
  const toEnd = () => {
    log.scrollTop = log.scrollHeight;
  };
  log.addEventListener('scroll', () => {
    atEnd = log.scrollHeight - log.scrollTop - log.clientHeight < 48;
  });
  new ResizeObserver(() => atEnd && toEnd()).observe(log);

  // Stored events go above the patron's unconfirmed messages, which stay last until they are stored.
  function place(li, { scroll = false } = {}) {
    const firstPending = pending.size ? pending.values().next().value.li : null;
    items.insertBefore(li, firstPending && firstPending.isConnected ? firstPending : null);
    if (scroll || atEnd) toEnd();
  }

  function meta(who, at) {
    return h('p', { class: 'meta' }, h('span', { class: 'who', text: who }),
      at ? h('time', { datetime: at, text: clock(at) }) : null);
  }

  function note(text, at) {
    place(h('li', { class: 'note' }, h('span', { text }), at ? h('time', { datetime: at, text: clock(at) }) : null));
  }

  function message(event) {
    const mine = event.from && event.from.kind === 'patron';
    const own = event.clientMsgId ? pending.get(event.clientMsgId) : null;
    if (own) {
      own.li.remove();
      pending.delete(event.clientMsgId);
    }
    const who = mine ? t('chat.you') : (event.from && event.from.name) || t('chat.librarian');
    place(h('li', { class: mine ? 'msg mine' : 'msg theirs' },
      meta(who, event.at),
      event.card && event.card.kind === 'faq' ? faqCard(event.card) : h('p', { class: 'text' }, linkedText(event.text)),
      mine ? h('p', { class: 'state', text: t('chat.sent') }) : null), { scroll: Boolean(own) });
    if (!mine) {
      theyStopped();
      if (event.seq > seenBefore && !host.visible) {
        unread += 1;
        host.post('unread', { count: unread });
      }
    }
  }

  function claimed(event) {
    const name = (event.operator && event.operator.name) || (event.from && event.from.name) || t('chat.aLibrarian');
    note(t('chat.joined', { name }), event.at);
    phase = 'active';
    stopWaiting();
    setStatus(t('chat.chattingWith', { name }));
  }

  // A colleague sharing the chat, or the librarian a transfer went to: named, and they are who the
  // patron is chatting with now.
  function joined(event) {
    const name = (event.operator && event.operator.name) || (event.from && event.from.name) || t('chat.aLibrarian');
    note(t('chat.joined', { name }), event.at);
    setStatus(t('chat.chattingWith', { name }));
  }

  function endedBy(event) {
    if (event.endedBy === 'patron') return t('chat.endedByYou');
    if (event.endedBy === 'operator') return t('chat.endedBy', { name: (event.from && event.from.name) || t('chat.theLibrarian') });
    // The system says why it closed a chat (the patron went quiet); that reason is the patron's to read.
    return event.text || t('chat.closed');
  }

  function onEvent(event) {
    if (event.type === 'message') message(event);
    else if (event.type === 'claimed') claimed(event);
    else if (event.type === 'notice' || event.type === 'routed') note(event.text, event.at);
    else if (event.type === 'joined') joined(event);
    else if (event.type === 'left') note(t('chat.left', { name: (event.from && event.from.name) || t('chat.aLibrarian') }), event.at);
    else if (event.type === 'typing') typingFrom(event);
    else if (event.type === 'ended') {
      note(endedBy(event), event.at);
      finish(t('chat.ended'));
    }
    // A transfer's own event is for staff; the patron was told by a notice and sees who joined.
    if (Number.isInteger(event.seq)) {
      onSeq(event.seq);
      // Once the history seen before a reload is back, what arrives is news and is read out.
      if (event.seq >= seenBefore) log.setAttribute('aria-live', 'polite');
    }
  }

  // ---- the patron's messages --------------------------------------------------------------------

  function send(text) {
    const { clientMsgId, done } = connector.sendMessage(chatId, text);
    const li = h('li', { class: 'msg mine pending' },
      meta(t('chat.you')), h('p', { class: 'text' }, linkedText(text)), h('p', { class: 'state', text: t('send.sending') }));
    pending.set(clientMsgId, { li, text });
    items.append(li);
    toEnd();
    done.then(refreshPending, (error) => notSent(clientMsgId, error));
  }

  // The outbox knows what is still on its way; a message it no longer holds was stored (its own event,
  // which replaces it in the log, may still be on the way).
  function refreshPending() {
    const outbox = new Map(connector.pendingFor(chatId).map((entry) => [entry.clientMsgId, entry]));
    for (const [clientMsgId, { li }] of pending) {
      const entry = outbox.get(clientMsgId);
      if (entry && entry.state === 'failed') continue;
      li.querySelector('.state').textContent = entry ? t('send.sending') : t('chat.sent');
    }
    if (!connector.pendingFor(chatId).some((entry) => entry.state !== 'failed')) slowDown.hidden = true;
  }

  // A refused send stays in the outbox and goes out again later, under the same client id.
  function retrying({ chatId: id, clientMsgId, error }) {
    const item = String(id) === String(chatId) ? pending.get(clientMsgId) : null;
    if (!item) return;
    item.li.querySelector('.state').textContent = sendingText(error);
    if (error && error.code === 'rate_limited') slowDown.hidden = false;
  }

  function notSent(clientMsgId, error) {
    const item = pending.get(clientMsgId);
    if (!item) return;
    const status = item.li.querySelector('.state');
    item.li.classList.add('failed');
    if (phase === 'ended' || error.code === 'chat_ended') {
      status.textContent = t('chat.notSentEnded');
      return;
    }
    status.replaceChildren(`${t('chat.notSent')} `, h('button', { type: 'button', class: 'link', onclick: () => retry(clientMsgId) },
      t('chat.retry'), h('span', { class: 'sr-only', text: ` ${t('chat.retryWhat')}` })));
  }

  function retry(clientMsgId) {
    const item = pending.get(clientMsgId);
    if (!item) return;
    connector.discard(clientMsgId);
    pending.delete(clientMsgId);
    item.li.remove();
    send(item.text);
    focus(draft);
  }

  function submitDraft() {
    const text = draft.value;
    if (!text.trim() || phase === 'ended') return;
    draft.value = '';
    left.update();
    stopTyping();
    send(text);
  }

  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    submitDraft();
  });
  draft.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submitDraft();
    }
  });

  // ---- typing -----------------------------------------------------------------------------------

  let typingSentAt = 0;
  let typingShown = false;
  let idleTimer = null;
  let trailingTimer = null;

  // Typing is a courtesy: never queued behind a reconnect (it would arrive stale), never an error.
  let typingPausedUntil = 0;
  function busTyping(body) {
    if (connector.state !== 'connected' || Date.now() < typingPausedUntil) return;
    connector.send(CHAT_TYPING, { chatId, ...body }).catch((error) => {
      if (error.code === 'rate_limited') typingPausedUntil = Date.now() + TYPING_PAUSE_MS;
    });
  }

  function startTyping() {
    trailingTimer = null;
    if (!draft.value.trim() || phase === 'ended') return;
    typingSentAt = Date.now();
    typingShown = true;
    busTyping({ typing: true, preview: draft.value });
  }

  function stopTyping() {
    clearTimeout(idleTimer);
    clearTimeout(trailingTimer);
    trailingTimer = null;
    if (!typingShown) return;
    typingShown = false;
    busTyping({ typing: false });
  }

  // At most one note per TYPING_EVERY_MS, and the last one carries the latest draft.
  draft.addEventListener('input', () => {
    clearTimeout(idleTimer);
    if (!draft.value.trim()) {
      stopTyping();
      return;
    }
    idleTimer = setTimeout(stopTyping, TYPING_IDLE_MS);
    const wait = typingSentAt + TYPING_EVERY_MS - Date.now();
    if (wait <= 0) startTyping();
    else if (!trailingTimer) trailingTimer = setTimeout(startTyping, wait);
  });

  function typingFrom(event) {
    if (!event.from || event.from.kind !== 'operator') return;
    clearTimeout(theirTypingTimer);
    if (!event.typing) {
      theyStopped();
      return;
    }
    theyType.textContent = t('chat.typing', { name: event.from.name || t('chat.theLibrarian') });
    theyType.hidden = false;
    theirTypingTimer = setTimeout(theyStopped, TYPING_STALE_MS);
  }

  function theyStopped() {
    clearTimeout(theirTypingTimer);
    theyType.hidden = true;
    theyType.textContent = '';
  }

  // ---- waiting ----------------------------------------------------------------------------------

  function showWaiting(position, expectedWaitSeconds) {
    waitLine.textContent = waitingText(position, expectedWaitSeconds);
    waitLine.hidden = false;
  }

  function stopWaiting() {
    clearTimeout(pollTimer);
    pollTimer = null;
    waitLine.hidden = true;
  }

  // Patrons may not listen on the queue, so the place in line is asked for while the chat waits.
  // The claim and the end arrive as chat events; the poll only stops when it sees them.
  async function poll() {
    pollTimer = null;
    let again;
    try {
      const info = await api(`/api/widget/chats/${encodeURIComponent(chatId)}`, { token });
      again = info.state === 'waiting';
      if (again && phase === 'waiting') showWaiting(info.position, info.expectedWaitSeconds);
    } catch (error) {
      again = ![401, 403, 404].includes(error.status);
    }
    if (again && phase === 'waiting') pollTimer = setTimeout(poll, POLL_MS);
  }

  // ---- ending -----------------------------------------------------------------------------------

  function askToEnd() {
    endButton.hidden = true;
    endError.hidden = true;
    confirm.hidden = false;
    focus(keepButton);
  }

  function cancelEnd() {
    confirm.hidden = true;
    endButton.hidden = false;
    focus(endButton);
  }

  async function endNow() {
    confirmButton.disabled = true;
    keepButton.disabled = true;
    try {
      await api(`/api/widget/chats/${encodeURIComponent(chatId)}/end`, { method: 'POST', token });
      // The `ended` event follows (after a reconnect, if need be) and replaces these buttons.
    } catch (error) {
      if (error.code === 'chat_ended') return;
      confirmButton.disabled = false;
      keepButton.disabled = false;
      endError.textContent = t('chat.notEnded', { reason: error.message });
      endError.hidden = false;
      cancelEnd();
    }
  }

  endButton.addEventListener('click', askToEnd);
  keepButton.addEventListener('click', cancelEnd);
  confirmButton.addEventListener('click', endNow);

  function finish(why) {
    if (phase === 'ended') return;
    // Focus in the composer or the end buttons (or dropped by a button disabled while it ended the
    // chat) would be lost when they go; it moves to the next thing to do, and never out of the log.
    const active = document.activeElement;
    const hadFocus = document.hasFocus()
      && (!active || active === document.body || (main.contains(active) && !log.contains(active)));
    phase = 'ended';
    stopWaiting();
    stopTyping();
    theyStopped();
    composer.hidden = true;
    actions.hidden = true;
    endedText.textContent = why;
    // Asked for or not, the transcript can still be asked for once the chat has ended.
    ended.append(transcript.node);
    if (!rating) {
      rating = ratingOffer({ chatId: chat.chatId, token: chat.token, commentChars: limits && limits.ratingCommentChars });
      ended.append(rating.node);
    }
    ended.hidden = false;
    setStatus(t('chat.statusEnded'));
    host.post('active', { active: false });
    // Nothing more can happen in an ended chat: let the socket go.
    unfollow();
    connector.close();
    if (hadFocus) focus(newChatButton);
  }

  newChatButton.addEventListener('click', onNewChat);

  // ---- start ------------------------------------------------------------------------------------

  connector.onRetry(retrying);
  connector.onState((state) => {
    const down = state === 'reconnecting' || state === 'offline';
    banner.textContent = down ? t(RECONNECTING) : '';
    banner.hidden = !down;
    // Closing abandons what was unsent; each of those says "Not sent" itself, not "Sent".
    if (state !== 'closed') refreshPending();
  });

  const unfollow = connector.followChat(chatId, {
    lastSeq: 0,
    onEvent,
    // The token expired or the chat is gone: nothing to resume, but the patron can start again.
    onError: () => finish(t('chat.gone')),
  });

  setStatus(t('chat.statusWaiting'));
  host.post('active', { active: true });
  if (waiting) {
    showWaiting(waiting.position, waiting.expectedWaitSeconds);
    pollTimer = setTimeout(poll, POLL_MS);
  } else {
    poll();
  }

  return {
    focus: () => focus(phase === 'ended' ? newChatButton : draft),
    shown() {
      unread = 0;
    },
    escape() {
      if (confirm.hidden) return false;
      cancelEnd();
      return true;
    },
  };
}
