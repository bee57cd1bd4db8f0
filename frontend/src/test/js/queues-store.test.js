import test from 'node:test';
import assert from 'node:assert/strict';
import { settle } from './fakes.js';
import { fakeCall, fakeConnector, fixedClock, me } from './support/fake-desk.js';
import { webroot } from './support/webroot.js';

const { createQueues } = await webroot('app/queues/queues-store.js');

const waitingAt = (chatId, createdAt, extra = {}) => ({ chatId, patronName: `Patron ${chatId}`, question: `Q${chatId}`, createdAt, ...extra });

function setup({ monitored = () => true, waiting = {} } = {}) {
  const connector = fakeConnector();
  const call = fakeCall({
    '/api/queues/1/waiting': () => ({ chats: waiting[1] || [] }),
    '/api/queues/2/waiting': () => ({ chats: waiting[2] || [] }),
  });
  const heard = [];
  const changes = [];
  const queues = createQueues({
    me, connector, call, clock: fixedClock(), isMonitored: monitored,
    onNewChat: (q, item) => heard.push({ queue: q.id, chatId: item.chatId }), onChange: () => changes.push(1),
  });
  return { queues, connector, call, heard, changes };
}

test('only the monitored queues are listed and subscribed to, and each list is read once', async () => {
  const { queues, connector, call } = setup({ monitored: (id) => id === 2, waiting: { 2: [waitingAt(5, '2026-12-01T09:59:00Z')] } });
  queues.start();
  await settle();
  assert.deepEqual(queues.state.queues.map((q) => q.id), [2]);
  assert.ok(connector.isSubscribed('queue.2'));
  assert.ok(!connector.isSubscribed('queue.1'));
  assert.deepEqual(call.calls.map((c) => c.path), ['/api/queues/2/waiting']);
  assert.equal(queues.state.queues[0].loaded, true);
  assert.deepEqual(queues.state.queues[0].waiting.map((c) => c.chatId), [5]);
});

test('a new waiting chat is added in arrival order and announced, a repeat of it is not', async () => {
  const { queues, connector, heard, changes } = setup({ waiting: { 1: [waitingAt(1, '2026-12-01T09:50:00Z')] } });
  queues.start();
  await settle();
  connector.publish('queue.1', { type: 'waiting', ...waitingAt(3, '2026-12-01T09:58:00Z') });
  connector.publish('queue.1', { type: 'waiting', ...waitingAt(2, '2026-12-01T09:55:00Z') });
  connector.publish('queue.1', { type: 'waiting', ...waitingAt(2, '2026-12-01T09:55:00Z') });
  assert.deepEqual(queues.state.queues[0].waiting.map((c) => c.chatId), [1, 2, 3]);
  assert.deepEqual(heard, [{ queue: 1, chatId: 3 }, { queue: 1, chatId: 2 }]);
  assert.equal(changes.length, 3, 'every queue event may change the library counters');
});

test('events heard while a list loads are applied on top of the answer, which was read before them', async () => {
  let answer;
  const { queues, connector, call } = setup();
  call.routes['/api/queues/1/waiting'] = () => new Promise((resolve) => { answer = resolve; });
  queues.start();
  await settle();
  connector.publish('queue.1', { type: 'waiting', ...waitingAt(9, '2026-12-01T09:59:00Z') });
  answer({ chats: [waitingAt(4, '2026-12-01T09:40:00Z')] });
  await settle();
  assert.deepEqual(queues.state.queues[0].waiting.map((c) => c.chatId), [4, 9]);
});

test('a colleague\'s claim marks the chat with their name, then it leaves the list', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const { queues, connector } = setup({ waiting: { 1: [waitingAt(1, '2026-12-01T09:50:00Z')] } });
  queues.start();
  await settle();
  connector.publish('queue.1', { type: 'claimed', chatId: 1, queueId: 1, operator: { id: 8, name: 'Ana' } });
  assert.deepEqual(queues.state.queues[0].waiting[0].claimedBy, { id: 8, name: 'Ana' });
  assert.deepEqual(queues.holderOf(1), { id: 8, name: 'Ana' });
  assert.ok(queues.settled(1));
  t.mock.timers.tick(8000);
  assert.equal(queues.state.queues[0].waiting.length, 0, 'gone once the operator has seen who took it');
  queues.stop();
});

test('this operator\'s own claim takes the chat off the list at once', async () => {
  const { queues } = setup({ waiting: { 1: [waitingAt(1, '2026-12-01T09:50:00Z')] } });
  queues.start();
  await settle();
  queues.claimed(1, { id: me.operator.id, name: me.operator.name });
  assert.equal(queues.state.queues[0].waiting.length, 0);
  assert.equal(queues.holderOf(1).id, me.operator.id);
});

test('an ended or abandoned chat leaves every list and says why; waiting again forgets that', async () => {
  const { queues, connector } = setup({ waiting: { 1: [waitingAt(1, '2026-12-01T09:50:00Z')], 2: [waitingAt(2, '2026-12-01T09:51:00Z')] } });
  queues.start();
  await settle();
  connector.publish('queue.1', { type: 'abandoned', chatId: 1, queueId: 1 });
  queues.markGone(2, 'ended');
  assert.equal(queues.goneWhy(1), 'abandoned');
  assert.equal(queues.goneWhy(2), 'ended');
  assert.deepEqual(queues.state.queues.map((q) => q.waiting.length), [0, 0]);
  connector.publish('queue.1', { type: 'waiting', ...waitingAt(1, '2026-12-01T09:50:00Z') });
  assert.equal(queues.goneWhy(1), null);
});

test('a holder learnt elsewhere is recorded without touching the lists', async () => {
  const { queues } = setup({ waiting: { 1: [waitingAt(1, '2026-12-01T09:50:00Z')] } });
  queues.start();
  await settle();
  queues.noteHolder(1, { id: 8, name: 'Ana' });
  assert.deepEqual(queues.holderOf(1), { id: 8, name: 'Ana' });
  assert.equal(queues.state.queues[0].waiting.length, 1);
  assert.ok(queues.isListed(1));
  assert.ok(queues.isWatched(1));
  assert.ok(!queues.isWatched(3));
  assert.deepEqual(queues.find(1), { ...queues.state.queues[0].waiting[0], queueId: 1 });
});

test('a list that cannot be read says why, and a restart unsubscribes and reads again', async () => {
  const { queues, connector, call } = setup();
  call.routes['/api/queues/2/waiting'] = new Error('Service unavailable');
  queues.start();
  await settle();
  assert.equal(queues.state.queues[1].error, 'Service unavailable');
  assert.equal(queues.state.queues[1].loaded, true);
  delete call.routes['/api/queues/2/waiting'];
  call.routes['/api/queues/2/waiting'] = { chats: [] };
  queues.restart();
  await settle();
  assert.equal(queues.state.queues[1].error, '');
  assert.ok(connector.isSubscribed('queue.1'));
  queues.stop();
  assert.ok(!connector.isSubscribed('queue.1'));
});
