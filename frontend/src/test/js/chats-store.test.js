import test from 'node:test';
import assert from 'node:assert/strict';
import { settle } from './fakes.js';
import { apiError, fakeCall, fakeConnector, fixedClock, me } from './support/fake-desk.js';
import { webroot } from './support/webroot.js';

const { createChats } = await webroot('app/chats/chats-store.js');

const patron = { kind: 'patron', id: null, name: 'Sam' };
const ben = { kind: 'operator', id: me.operator.id, name: me.operator.name };
const message = (seq, from, text, extra = {}) => ({ type: 'message', chatId: 4, seq, at: '2026-12-01T10:00:00Z', from, text, ...extra });

function setup({ viewing = false, focused = true } = {}) {
  globalThis.document = { hasFocus: () => focused };
  const connector = fakeConnector();
  const call = fakeCall({
    '/api/chats/4': { chatId: 4, state: 'active', patron: { name: 'Sam Lee' }, queueId: 1 },
    'POST /api/chats/4/end': {},
  });
  const announced = [];
  const alerts = [];
  const closed = [];
  const chats = createChats({
    me, connector, call, clock: fixedClock(), isViewing: () => viewing,
    announce: (text) => announced.push(text), alert: (a) => alerts.push(a), onClose: (chatId) => closed.push(chatId),
  });
  return { chats, connector, call, announced, alerts, closed };
}

test('opening a chat makes one tab, follows the chat and reads its details; opening it again finds the same tab', async () => {
  const { chats, connector, call } = setup();
  const tab = chats.open({ chatId: 4, queueId: 1, patronName: 'Sam', question: 'Renew?' });
  assert.equal(chats.open({ chatId: 4 }), tab);
  assert.equal(chats.state.tabs.length, 1);
  assert.ok(connector.isFollowing(4));
  await settle();
  assert.equal(chats.detailsOf(4).state, 'active');
  assert.equal(tab.patronName, 'Sam Lee', 'the name the chat record has wins');
  assert.equal(call.calls.filter((c) => c.path === '/api/chats/4').length, 1);
});

test('a patron message in a chat not on screen counts as unread, is announced and alerts', () => {
  const { chats, connector, announced, alerts } = setup({ viewing: false });
  const tab = chats.open({ chatId: 4, patronName: 'Sam' });
  connector.chatEvent(4, message(2, patron, 'Is it due today?'));
  assert.equal(tab.events.length, 1);
  assert.equal(tab.unread, 1);
  assert.deepEqual(announced, ['New message from Sam: Is it due today?']);
  assert.deepEqual(alerts, [{ title: 'New message from Sam', body: 'Is it due today?', chatId: 4 }]);
  chats.markRead(4);
  assert.equal(tab.unread, 0);
});

test('history is not news: events up to seenUpTo, and this operator\'s own, neither count nor alert', () => {
  const { chats, connector, announced, alerts } = setup();
  const tab = chats.open({ chatId: 4 }, 3);
  connector.chatEvent(4, message(2, patron, 'old'));
  connector.chatEvent(4, message(4, ben, 'mine'));
  assert.equal(tab.events.length, 2);
  assert.equal(tab.unread, 0);
  assert.deepEqual(announced, []);
  assert.deepEqual(alerts, []);
});

test('a message on screen in a focused window is announced but neither unread nor alerted', () => {
  const { chats, connector, announced, alerts } = setup({ viewing: true, focused: true });
  const tab = chats.open({ chatId: 4 });
  connector.chatEvent(4, message(2, patron, 'hello'));
  assert.equal(tab.unread, 0);
  assert.equal(announced.length, 1);
  assert.equal(alerts.length, 0);
});

test('a sent message waits as pending until its own event comes back, and the draft is emptied', () => {
  const { chats, connector } = setup();
  const tab = chats.open({ chatId: 4 });
  chats.setDraft(tab, '  ');
  assert.equal(chats.send(tab), false, 'blank drafts are not sent');
  chats.setDraft(tab, 'Yes, today.');
  assert.equal(chats.send(tab), true);
  assert.equal(tab.draft, '');
  assert.deepEqual(tab.pending.map((p) => p.text), ['Yes, today.']);
  const [sent] = connector.messages;
  connector.chatEvent(4, message(2, ben, 'Yes, today.', { clientMsgId: sent.clientMsgId }));
  assert.equal(tab.pending.length, 0);
});

test('a refused send stays in the tab with the reason, and a retry sends it again', async () => {
  const { chats, connector } = setup();
  const tab = chats.open({ chatId: 4 });
  chats.say(tab, 'One moment');
  connector.messages[0].reject({ code: 'not_participant' });
  await settle();
  assert.deepEqual(tab.pending.map((p) => [p.failed, p.reason]), [[true, 'you are not in this chat']]);
  chats.retry(tab, tab.pending[0]);
  assert.equal(connector.messages.length, 2);
  assert.deepEqual(tab.pending.map((p) => [p.text, p.failed]), [['One moment', false]]);
  connector.messages[1].resolve({ seq: 3 });
  await settle();
  assert.equal(tab.pending.length, 0);
});

test('typing is told at most once per 3 s and "stopped" after 4 s of quiet; the patron\'s indicator fades by itself', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 100000 });
  const { chats, connector } = setup();
  const tab = chats.open({ chatId: 4 });
  chats.typed(tab);
  chats.typed(tab);
  assert.deepEqual(connector.sent.map((s) => s.body.typing), [true]);
  t.mock.timers.tick(4000);
  assert.deepEqual(connector.sent.map((s) => s.body.typing), [true, false]);
  connector.chatEvent(4, { type: 'typing', chatId: 4, typing: true, from: patron });
  assert.equal(tab.typing, 'Sam');
  t.mock.timers.tick(8000);
  assert.equal(tab.typing, null, 'a lost "stopped typing" does not leave the indicator on');
  chats.stop();
});

test('ending: the server\'s refusal stays on the tab; a chat already over counts as ended', async () => {
  const { chats, call } = setup();
  const tab = chats.open({ chatId: 4 });
  call.routes['POST /api/chats/4/end'] = apiError(409, 'tag_required', 'Add a tag before ending the chat.');
  assert.equal(await chats.end(tab), false);
  assert.equal(tab.error, 'Add a tag before ending the chat.');
  chats.clearError(tab);
  assert.equal(tab.error, '');
  call.routes['POST /api/chats/4/end'] = apiError(409, 'chat_ended');
  assert.equal(await chats.end(tab), true);
  assert.equal(tab.ended, 'system');
});

test('asking for the transcript posts for the chat; a refusal stays on the tab in words', async () => {
  const { chats, call } = setup();
  const tab = chats.open({ chatId: 4 });
  call.routes['POST /api/chats/4/transcript'] = { email: 'sam@example.org', when: 'atEnd', repeated: false };
  assert.equal(await chats.emailTranscript(tab), true);
  assert.ok(call.calls.some((c) => c.path === '/api/chats/4/transcript'));
  call.routes['POST /api/chats/4/transcript'] = apiError(400, 'invalid', 'No address.');
  assert.equal(await chats.emailTranscript(tab), false);
  assert.match(tab.error, /No address\./);
});

test('the patron ending the chat is announced; dismissing the tab unfollows it and forgets its details', async () => {
  const { chats, connector, announced, closed } = setup();
  const tab = chats.open({ chatId: 4, patronName: 'Sam' });
  await settle();
  connector.chatEvent(4, { type: 'ended', chatId: 4, seq: 5, endedBy: 'patron', at: '2026-12-01T10:01:00Z' });
  assert.equal(tab.ended, 'patron');
  assert.equal(announced.at(-1), 'Sam Lee ended the chat.');
  assert.equal(chats.say(tab, 'too late'), false, 'an ended chat takes no more messages');
  chats.dismiss(tab);
  assert.equal(chats.state.tabs.length, 0);
  assert.ok(!connector.isFollowing(4));
  assert.equal(chats.detailsOf(4), null);
  assert.deepEqual(closed, [4]);
});

test('restoring brings back the tabs of chats this operator holds, and only those', () => {
  const { chats } = setup();
  chats.restore([
    { chatId: 4, ownerId: me.operator.id, patronName: 'Sam', lastSeq: 6 },
    { chatId: 5, ownerId: 99, patronName: 'Kim', lastSeq: 2 },
  ]);
  assert.deepEqual(chats.state.tabs.map((t) => [t.chatId, t.seenUpTo]), [[4, 6]]);
});
