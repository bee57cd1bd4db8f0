// The widget's conversation screen (widget/chat.js) on a small fake DOM, with the real connector
// over the fake event bus and a fake fetch playing the gateway: what the patron sees while waiting,
// chatting, sending and at the end, and what the screen tells the page around it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { fakeEventBus, settle } from './fakes.js';
import { fakeDocument, installFakeDom, visibleText } from './support/fake-dom.js';
import { webroot } from './support/webroot.js';

installFakeDom();
const { showChat } = await webroot('widget/chat.js');

const librarian = { kind: 'operator', id: 8, name: 'Ana' };
const patron = { kind: 'patron', id: null, name: 'Sam' };
const at = '2026-12-01T10:00:00.000Z';

/** fetch answered from `routes` ('METHOD path' → JSON or a function of the request), every call recorded. */
function fakeFetch(routes) {
  const calls = [];
  const fetch = async (path, { method = 'GET', body } = {}) => {
    calls.push({ method, path, body });
    let answer = routes[`${method} ${path.split('?')[0]}`];
    if (typeof answer === 'function') answer = answer(new URL(path, 'http://gateway').searchParams, body);
    const [status, json] = answer === undefined ? [404, { error: { code: 'not_found', message: 'Not found' } }] : [200, answer];
    return { ok: status < 400, status, text: async () => JSON.stringify(json) };
  };
  return { fetch, calls };
}

async function open(t, { waiting = { position: 2, expectedWaitSeconds: 120 }, visible = true, lastSeq = 0 } = {}) {
  t.mock.timers.enable({ apis: ['setTimeout', 'setInterval', 'Date'], now: Date.parse(at) });
  const main = installFakeDom();
  const EventBus = fakeEventBus();
  globalThis.EventBus = EventBus;
  // The gateway's store of the chat's events: the question first, then what the test adds.
  const stored = [{ type: 'message', chatId: 42, seq: 1, at, from: patron, text: 'Can I renew a book?' }];
  const server = fakeFetch({
    'GET /api/chats/42/events': (query) => ({ events: stored.filter((e) => e.seq > Number(query.get('after'))), more: false }),
    'GET /api/widget/chats/42': { state: 'waiting', position: 1, expectedWaitSeconds: 60 },
    'POST /api/widget/chats/42/end': {},
  });
  globalThis.fetch = server.fetch;
  const posted = [];
  const statuses = [];
  const seqs = [];
  let newChat = 0;
  const screen = showChat(main, {
    chat: { chatId: 42, token: 'patron-token', lastSeq },
    waiting,
    limits: { messageChars: 4000, emailChars: 254, nameChars: 80, nameWords: 6 },
    host: { visible, post: (name, body) => posted.push({ name, ...body }) },
    setStatus: (words) => statuses.push(words),
    onSeq: (seq) => seqs.push(seq),
    onNewChat: () => { newChat += 1; },
  });
  const bus = EventBus.last;
  bus.open();
  await settle();
  return {
    main, bus, server, posted, statuses, seqs, screen, newChats: () => newChat,
    text: () => visibleText(main),
    /** A chat event as the gateway publishes it. */
    event: async (event) => {
      stored.push({ chatId: 42, at, ...event });
      bus.deliver('chat.42', { chatId: 42, at, ...event });
      await settle();
    },
    draft: () => main.querySelector('textarea'),
    button: (words) => main.querySelectorAll('button').find((b) => b.textContent.trim() === words && !hiddenWithin(b, main)),
  };
}

function hiddenWithin(node, root) {
  for (let n = node; n && n !== root; n = n.parentNode) if (n.hidden) return true;
  return false;
}

async function type(screen, text) {
  const draft = screen.draft();
  draft.value = text;
  draft.dispatch('input');
  await settle();
}

async function pressEnter(screen) {
  const event = screen.draft().dispatch('keydown', { key: 'Enter', shiftKey: false, isComposing: false });
  await settle();
  return event;
}

test('while waiting the patron sees their place in line, and the page is told a chat is on', async (t) => {
  const s = await open(t);
  assert.match(s.text(), /2nd in line/);
  assert.deepEqual(s.statuses, ['Waiting for a librarian']);
  assert.deepEqual(s.posted, [{ name: 'active', active: true }]);
  assert.ok(s.bus.of('register').some((f) => f.address === 'chat.42' && f.headers.token === 'patron-token'));
  t.mock.timers.tick(15000);
  await settle();
  assert.ok(s.server.calls.some((c) => c.path === '/api/widget/chats/42'), 'the place in line is asked again');
  assert.match(s.text(), /next in line|1st in line/);
});

test('a librarian joining ends the wait and says who it is', async (t) => {
  const s = await open(t);
  await s.event({ type: 'claimed', seq: 2, operator: { id: 8, name: 'Ana' } });
  assert.match(s.text(), /Ana has joined/);
  assert.doesNotMatch(s.text(), /in line/);
  assert.equal(s.statuses.at(-1), 'Chatting with Ana');
  assert.deepEqual(s.seqs, [1, 2], 'each event\'s seq is kept for a reload');
});

test('the patron\'s message shows "Sending…" until the gateway takes it, then its own event replaces it', async (t) => {
  const s = await open(t);
  await type(s, 'Can I renew online?');
  const enter = await pressEnter(s);
  assert.ok(enter.defaultPrevented, 'Enter sends rather than starting a new line');
  assert.equal(s.draft().value, '');
  const [frame] = s.bus.sent('chat.send');
  assert.equal(frame.body.text, 'Can I renew online?');
  assert.match(s.text(), /You Can I renew online\? Sending…/);
  s.bus.reply(frame, { seq: 3, at });
  await settle();
  assert.match(s.text(), /Can I renew online\? Sent/);
  await s.event({ type: 'message', seq: 3, from: patron, text: 'Can I renew online?', clientMsgId: frame.body.clientMsgId });
  const shown = s.main.querySelectorAll('li.mine').filter((li) => li.textContent.includes('Can I renew online?'));
  assert.equal(shown.length, 1, 'stored once, shown once');
});

test('a blank draft is not sent, and Shift+Enter is left to make a new line', async (t) => {
  const s = await open(t);
  await type(s, '   ');
  await pressEnter(s);
  const shifted = s.draft().dispatch('keydown', { key: 'Enter', shiftKey: true });
  assert.equal(shifted.defaultPrevented, false);
  assert.deepEqual(s.bus.sent('chat.send'), []);
});

/** The gateway answers every typing note so far, as it does (a note left unanswered looks like a cut network). */
function answerTyping(s) {
  for (const frame of s.bus.sent('chat.typing')) {
    if (!frame.answered && frame.replyAddress) {
      frame.answered = true;
      s.bus.reply(frame, {});
    }
  }
}

test('typing is told with the draft, at most every 1.5 s, and "stopped" after 3 s of quiet', async (t) => {
  const s = await open(t);
  await type(s, 'Can');
  answerTyping(s);
  await type(s, 'Can I');
  let notes = s.bus.sent('chat.typing').map((f) => f.body);
  assert.deepEqual(notes, [{ chatId: 42, typing: true, preview: 'Can' }]);
  t.mock.timers.tick(1500);
  await settle();
  notes = s.bus.sent('chat.typing').map((f) => f.body);
  assert.deepEqual(notes.at(-1), { chatId: 42, typing: true, preview: 'Can I' }, 'the last note carries the latest draft');
  answerTyping(s);
  t.mock.timers.tick(3000);
  await settle();
  assert.deepEqual(s.bus.sent('chat.typing').at(-1).body, { chatId: 42, typing: false });
});

test('the librarian typing is shown, and fades by itself when no news of it comes', async (t) => {
  const s = await open(t);
  s.bus.deliver('chat.42', { type: 'typing', chatId: 42, typing: true, from: librarian });
  assert.match(s.text(), /Ana is typing…/);
  t.mock.timers.tick(8000);
  assert.doesNotMatch(s.text(), /is typing/);
});

test('a librarian\'s message while the panel is closed is counted as unread for the page', async (t) => {
  const s = await open(t, { visible: false });
  await s.event({ type: 'message', seq: 2, from: librarian, text: 'Yes: see https://library.example/renew' });
  await s.event({ type: 'message', seq: 3, from: librarian, text: 'Anything else?' });
  assert.deepEqual(s.posted.filter((p) => p.name === 'unread'), [{ name: 'unread', count: 1 }, { name: 'unread', count: 2 }]);
  const link = s.main.querySelector('a');
  assert.equal(link.href || link.getAttribute('href'), 'https://library.example/renew');
});

test('history seen before a reload is drawn again without being counted', async (t) => {
  const s = await open(t, { visible: false, lastSeq: 3, waiting: null });
  await s.event({ type: 'message', seq: 2, from: librarian, text: 'old news' });
  assert.deepEqual(s.posted.filter((p) => p.name === 'unread'), []);
  assert.match(s.text(), /old news/);
});

test('ending asks once, then the ended chat offers a new one, lets the socket go and tells the page', async (t) => {
  const s = await open(t);
  s.button('End chat').click();
  assert.match(s.text(), /End this chat\? You can start a new one afterwards\./);
  s.button('Keep chatting').click();
  assert.doesNotMatch(s.text(), /End this chat\?/);
  s.button('End chat').click();
  s.main.querySelectorAll('button').filter((b) => b.className === 'danger')[0].click();
  await settle();
  assert.ok(s.server.calls.some((c) => c.method === 'POST' && c.path === '/api/widget/chats/42/end'));
  await s.event({ type: 'ended', seq: 2, endedBy: 'patron' });
  assert.match(s.text(), /You ended the chat/);
  assert.match(s.text(), /This chat has ended/);
  assert.equal(s.main.querySelector('form').hidden, true, 'no composer in an ended chat');
  assert.equal(s.statuses.at(-1), 'Chat ended');
  assert.deepEqual(s.posted.at(-1), { name: 'active', active: false });
  assert.ok(s.bus.closedByClient);
  s.button('Start a new chat').click();
  assert.equal(s.newChats(), 1);
});

test('a refused end says why and gives the buttons back', async (t) => {
  const s = await open(t);
  globalThis.fetch = fakeFetch({}).fetch;
  s.button('End chat').click();
  s.main.querySelectorAll('button').filter((b) => b.className === 'danger')[0].click();
  await settle();
  assert.match(s.text(), /The chat could not be ended: Not found/);
  assert.ok(s.button('End chat'));
  assert.equal(fakeDocument.activeElement, s.button('End chat'));
});
