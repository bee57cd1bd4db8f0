import test from 'node:test';
import assert from 'node:assert/strict';
import { settle } from './fakes.js';
import { fakeCall, fakeConnector, fixedClock, me } from './support/fake-desk.js';
import { webroot } from './support/webroot.js';

const { createQueues } = await webroot('app/queues/queues-store.js');
const { createEscalations } = await webroot('app/alerts/escalations-store.js');

const NOW = Date.parse('2026-12-01T10:00:00Z');
const ago = (seconds) => new Date(NOW - seconds * 1000).toISOString();

// The real queues store, since what the escalations know of a chat's fate is what it knows.
async function setup({ waiting = [] } = {}) {
  const connector = fakeConnector();
  const call = fakeCall({ '/api/queues/1/waiting': { chats: waiting }, '/api/queues/2/waiting': { chats: [] } });
  const queues = createQueues({
    me, connector, call, clock: fixedClock(NOW), isMonitored: (id) => id === 1, onNewChat() {}, onChange() {},
  });
  const rung = [];
  const announced = [];
  const escalations = createEscalations({
    connector, call, queues, now: () => NOW, firstMinuteSeconds: () => 60,
    alerts: { overdue: (a) => rung.push(a) }, announce: (text) => announced.push(text),
  });
  queues.start();
  escalations.start(me.operator.libraryId);
  await settle();
  return { queues, escalations, connector, call, rung, announced};
}

test('a monitored chat past the first minute becomes overdue, is announced and rings; one still inside does not', async () => {
  const { escalations, rung, announced } = await setup({
    waiting: [{ chatId: 1, patronName: 'Sam', question: 'Renew?', createdAt: ago(61) }, { chatId: 2, patronName: 'Kim', question: 'Hours?', createdAt: ago(30) }],
  });
  escalations.sweep();
  assert.deepEqual(escalations.state.overdue.map((o) => o.chatId), [1]);
  assert.deepEqual(announced, ['Overdue: Sam has waited in Ask a librarian without an answer.']);
  assert.deepEqual(rung, [{ count: 1, title: 'Overdue chat from Sam', body: 'Renew?' }]);
  escalations.sweep();
  assert.equal(rung.length, 1, 'the same chat is not added twice');
  escalations.stop();
});

test('the gateway\'s escalation for a queue nobody here monitors is listed too', async () => {
  const { escalations, connector } = await setup();
  connector.publish('alerts.1', { type: 'escalation', chatId: 9, queueId: 2, queueName: 'Kids', patronName: 'Jo', waitedSeconds: 75 });
  connector.publish('alerts.1', { type: 'library-changed', what: 'tags' });
  assert.deepEqual(escalations.state.overdue.map((o) => [o.chatId, o.queueName, o.since]), [[9, 'Kids', NOW - 75000]]);
  escalations.stop();
});

test('a chat someone claims, or that ends, leaves the list at the next sweep; one claimed here at once', async () => {
  const { escalations, queues, connector } = await setup({
    waiting: [
      { chatId: 1, patronName: 'Sam', createdAt: ago(90) }, { chatId: 2, patronName: 'Kim', createdAt: ago(90) },
      { chatId: 3, patronName: 'Lee', createdAt: ago(90) },
    ],
  });
  escalations.sweep();
  assert.equal(escalations.state.overdue.length, 3);
  connector.publish('queue.1', { type: 'claimed', chatId: 1, operator: { id: 8, name: 'Ana' } });
  connector.publish('queue.1', { type: 'ended', chatId: 2 });
  escalations.sweep();
  assert.deepEqual(escalations.state.overdue.map((o) => o.chatId), [3]);
  escalations.claimed(3);
  assert.deepEqual(escalations.state.overdue, []);
  assert.ok(queues.settled(1));
});

test('every 15 s the alert rings again, and chats of unmonitored queues are asked after', async (t) => {
  t.mock.timers.enable({ apis: ['setInterval'] });
  const { escalations, connector, call, rung } = await setup();
  call.routes['/api/chats/9'] = { chatId: 9, state: 'waiting' };
  call.routes['/api/chats/10'] = { chatId: 10, state: 'active', owner: { id: 8, name: 'Ana' } };
  connector.publish('alerts.1', { type: 'escalation', chatId: 9, queueId: 2, queueName: 'Kids', waitedSeconds: 61 });
  connector.publish('alerts.1', { type: 'escalation', chatId: 10, queueId: 2, queueName: 'Kids', waitedSeconds: 62 });
  assert.equal(rung.length, 2);
  t.mock.timers.tick(15000);
  await settle();
  assert.deepEqual(escalations.state.overdue.map((o) => o.chatId), [9], 'the chat a colleague took has gone');
  assert.deepEqual(rung.at(-1), { count: 1, title: 'Overdue chat from Guest', body: '' });
  call.routes['/api/chats/9'] = { chatId: 9, state: 'ended' };
  t.mock.timers.tick(15000);
  await settle();
  assert.deepEqual(escalations.state.overdue, []);
  const rounds = rung.length;
  t.mock.timers.tick(30000);
  await settle();
  assert.equal(rung.length, rounds, 'nothing overdue, nothing rings');
  escalations.stop();
});

test('several overdue chats ring as a count', async () => {
  const { escalations, rung } = await setup({
    waiting: [{ chatId: 1, patronName: 'Sam', createdAt: ago(70) }, { chatId: 2, patronName: 'Kim', createdAt: ago(65) }],
  });
  escalations.sweep();
  assert.equal(rung.at(-1).title, '2 chats are overdue');
  escalations.stop();
});
