import test from 'node:test';
import assert from 'node:assert/strict';
import { createConnector } from '../../main/resources/webroot/shared/connector.js';
import { FakeClock, fakeEventBus, fakeEventStore, fakeNetwork, settle } from './fakes.js';

// With random fixed at 0.5 the delays are half of each ceiling: 250 ms, 500 ms, 1 s, ...
function setup(options = {}) {
  const clock = new FakeClock();
  const EventBus = fakeEventBus();
  const network = fakeNetwork();
  const store = fakeEventStore();
  let token = 't1';
  const connector = createConnector({
    token: () => token,
    fetchEvents: store.fetchEvents,
    EventBus,
    setTimeout: clock.setTimeout,
    clearTimeout: clock.clearTimeout,
    random: () => 0.5,
    network,
    ...options,
  });
  const states = [];
  connector.onState((state) => states.push(state));
  return {
    clock, EventBus, network, store, connector, states,
    bus: () => EventBus.last,
    setToken: (value) => { token = value; },
    /** The socket drops and the next attempt opens. */
    async reconnect() {
      const before = EventBus.instances.length;
      EventBus.last.drop();
      await clock.advance(15000);
      assert.equal(EventBus.instances.length, before + 1, 'one new attempt');
      EventBus.last.open();
      await settle();
    },
  };
}

const message = (seq, extra = {}) => ({
  type: 'message', chatId: 42, seq, at: `2026-11-25T18:04:0${seq % 10}.000Z`,
  from: { kind: 'patron', id: null, name: 'Sam' }, text: `text ${seq}`, ...extra,
});

function follow(t, chatId = 42, options = {}) {
  const seen = [];
  const off = t.connector.followChat(chatId, { onEvent: (e) => seen.push(e), ...options });
  return { seen, off, seqs: () => seen.filter((e) => e.seq).map((e) => e.seq) };
}

/** A fetchEvents whose answers the test gives by hand, to order them against live events. */
function manualFetch() {
  const calls = [];
  return {
    calls,
    fetchEvents: (chatId, after) => new Promise((resolve) => calls.push({ chatId, after, resolve })),
  };
}

test('registers every address with the token, and again with the current token after a reconnect', async () => {
  const t = setup();
  const got = [];
  t.connector.subscribe('queue.3', (body) => got.push(body));
  assert.equal(t.connector.state, 'connecting');
  assert.equal(t.bus().url, '/eventbus');

  t.bus().open();
  assert.equal(t.connector.state, 'connected');
  assert.deepEqual(t.bus().of('register'), [{ type: 'register', address: 'queue.3', headers: { token: 't1' } }]);

  t.setToken('t2');
  await t.reconnect();
  assert.deepEqual(t.bus().of('register'), [{ type: 'register', address: 'queue.3', headers: { token: 't2' } }]);
  t.bus().deliver('queue.3', { type: 'waiting', chatId: 9 });
  assert.deepEqual(got, [{ type: 'waiting', chatId: 9 }]);
  assert.deepEqual(t.states, ['connected', 'reconnecting', 'connected']);
});

test('the last handler of an address unregisters it with the token; several handlers share one registration', () => {
  const t = setup();
  t.bus().open();
  const a = [];
  const b = [];
  const offA = t.connector.subscribe('presence.1', (body) => a.push(body));
  const offB = t.connector.subscribe('presence.1', (body) => b.push(body));
  assert.equal(t.bus().of('register').length, 1);
  t.bus().deliver('presence.1', { status: 'away' });
  offA();
  offA();
  t.bus().deliver('presence.1', { status: 'online' });
  assert.deepEqual(a, [{ status: 'away' }]);
  assert.deepEqual(b, [{ status: 'away' }, { status: 'online' }]);
  assert.deepEqual(t.bus().of('unregister'), []);
  t.setToken('t9');
  offB();
  assert.deepEqual(t.bus().of('unregister'), [{ type: 'unregister', address: 'presence.1', headers: { token: 't9' } }]);
});

test('each attempt is a fresh client with the ping interval asked for', async () => {
  const t = setup({ pingIntervalMs: 4000, url: '/bus' });
  assert.deepEqual(t.bus().options, { vertxbus_ping_interval: 4000 });
  t.bus().open();
  const first = t.bus();
  await t.reconnect();
  assert.notEqual(t.bus(), first);
  assert.equal(t.bus().url, '/bus');
});

test('following a chat fetches what came before, then delivers live events', async () => {
  const t = setup();
  t.store.events.push(message(1), message(2));
  const chat = follow(t);
  t.bus().open();
  await settle();
  assert.deepEqual(t.bus().of('register'), [{ type: 'register', address: 'chat.42', headers: { token: 't1' } }]);
  assert.deepEqual(t.store.calls, [{ chatId: 42, after: 0 }]);
  t.bus().deliver('chat.42', message(3));
  assert.deepEqual(chat.seqs(), [1, 2, 3]);
});

test('after a reconnect each followed chat resumes from its last seq until more is false', async () => {
  const t = setup();
  t.store.events.push(message(1), message(2));
  const chat = follow(t);
  const other = follow(t, 7, { lastSeq: 5 });
  t.bus().open();
  await settle();
  t.store.calls.length = 0;

  for (let seq = 3; seq <= 7; seq += 1) t.store.events.push(message(seq));
  t.store.pageSize = 2;
  await t.reconnect();

  assert.deepEqual(chat.seqs(), [1, 2, 3, 4, 5, 6, 7]);
  assert.deepEqual(other.seqs(), []);
  assert.deepEqual(t.store.calls, [
    { chatId: 42, after: 2 }, { chatId: 7, after: 5 }, { chatId: 42, after: 4 }, { chatId: 42, after: 6 },
  ]);
});

test('a live event and a fetched page that overlap deliver each event once, in order', async () => {
  const fetch = manualFetch();
  const t = setup({ fetchEvents: fetch.fetchEvents });
  const chat = follow(t);
  t.bus().open();
  assert.deepEqual(fetch.calls.map((c) => c.after), [0]);

  t.bus().deliver('chat.42', message(3));
  t.bus().deliver('chat.42', { type: 'typing', chatId: 42, typing: true, from: { kind: 'patron' } });
  t.bus().deliver('chat.42', message(1));
  assert.deepEqual(chat.seqs(), [1]);
  assert.equal(chat.seen[0].type, 'typing', 'typing is not held back');

  fetch.calls[0].resolve({ events: [message(1), message(2), message(3)], more: false });
  await settle();
  assert.deepEqual(chat.seqs(), [1, 2, 3]);

  // The gap seen while the first fetch ran asks for one more round, after what was delivered.
  assert.deepEqual(fetch.calls.map((c) => c.after), [0, 3]);
  t.bus().deliver('chat.42', message(3));
  fetch.calls[1].resolve({ events: [message(3), message(4)], more: false });
  await settle();
  t.bus().deliver('chat.42', message(4));
  assert.deepEqual(chat.seqs(), [1, 2, 3, 4]);
});

test('a live event past a gap waits until the missing events are fetched', async () => {
  const t = setup();
  const chat = follow(t, 42, { lastSeq: 1 });
  t.bus().open();
  await settle();
  t.store.events.push(message(2), message(3), message(4));
  t.bus().deliver('chat.42', message(4));
  assert.deepEqual(chat.seqs(), []);
  await settle();
  assert.deepEqual(chat.seqs(), [2, 3, 4]);
  assert.deepEqual(t.store.calls.map((c) => c.after), [1, 1]);
});

test('a chat the token may not read stops resuming and tells its screen; other failures are retried', async () => {
  const t = setup();
  const errors = [];
  t.store.failWith = Object.assign(new Error('network'), { status: 0, code: 'network' });
  const chat = follow(t, 42, { onError: (e) => errors.push(e) });
  t.bus().open();
  await settle();
  t.store.failWith = null;
  t.store.events.push(message(1));
  await t.clock.advance(250);
  assert.deepEqual(chat.seqs(), [1]);

  t.store.failWith = Object.assign(new Error('forbidden'), { status: 403, code: 'forbidden' });
  t.bus().deliver('chat.42', message(3));
  await t.clock.advance(60000);
  assert.deepEqual(errors.map((e) => e.code), ['forbidden']);
  assert.equal(t.store.calls.length, 3);
});

test('unfollowing a chat unregisters it and delivers nothing more', async () => {
  const t = setup();
  const chat = follow(t);
  t.bus().open();
  await settle();
  chat.off();
  assert.deepEqual(t.bus().of('unregister').map((f) => f.address), ['chat.42']);
  t.bus().deliver('chat.42', message(1));
  await t.reconnect();
  assert.deepEqual(chat.seqs(), []);
  assert.deepEqual(t.bus().of('register'), []);
});

test('a message sent before the socket opens waits, then goes out with the token', async () => {
  const t = setup();
  const { clientMsgId, done } = t.connector.sendMessage(42, 'Do you have the 1911 census?');
  assert.match(clientMsgId, /^c-[A-Za-z0-9._:-]+$/);
  assert.deepEqual(t.connector.pendingFor(42), [{ clientMsgId, text: 'Do you have the 1911 census?', state: 'pending' }]);

  t.bus().open();
  const [frame] = t.bus().sent('chat.send');
  assert.deepEqual(frame.body, { chatId: 42, text: 'Do you have the 1911 census?', clientMsgId });
  assert.deepEqual(frame.headers, { token: 't1' });
  assert.equal(t.connector.pendingFor(42)[0].state, 'sent');
  t.bus().reply(frame, { seq: 2, at: 'then' });
  assert.deepEqual(await done, { seq: 2, at: 'then' });
  assert.deepEqual(t.connector.pendingFor(42), []);
});

test('a message whose reply was lost with the socket is resent under the same clientMsgId', async () => {
  const t = setup();
  t.bus().open();
  const { clientMsgId, done } = t.connector.sendMessage(42, 'Hello');
  assert.equal(t.bus().sent('chat.send').length, 1);
  t.bus().drop();
  assert.deepEqual(t.connector.pendingFor(42), [{ clientMsgId, text: 'Hello', state: 'pending' }]);
  t.setToken('t2');
  await t.clock.advance(15000);
  t.bus().open();
  assert.deepEqual(t.connector.pendingFor(42), [{ clientMsgId, text: 'Hello', state: 'sent' }]);
  const [again] = t.bus().sent('chat.send');
  assert.equal(again.body.clientMsgId, clientMsgId);
  assert.deepEqual(again.headers, { token: 't2' });
  t.bus().reply(again, { seq: 5, at: 'now' });
  assert.deepEqual(await done, { seq: 5, at: 'now' });
  assert.equal(t.bus().sent('chat.send').length, 1);
});

test('an internal failure is retried after a backoff delay under the same clientMsgId', async () => {
  const t = setup({ sendTimeoutMs: 10000 });
  t.bus().open();
  const { clientMsgId, done } = t.connector.sendMessage(42, 'Hello');
  t.bus().fail(t.bus().sent('chat.send')[0], 1012, 'internal');
  await settle();
  assert.equal(t.connector.pendingFor(42)[0].state, 'pending');
  await t.clock.advance(250);
  const frames = t.bus().sent('chat.send');
  assert.deepEqual(frames.map((f) => f.body.clientMsgId), [clientMsgId, clientMsgId]);
  t.bus().reply(frames[1], { seq: 9, at: 'x' });
  assert.deepEqual(await done, { seq: 9, at: 'x' });
  assert.deepEqual(t.states, ['connected'], 'an answered call never looks like a lost connection');
});

test('an unanswered message says reconnecting within seconds, and after its timeout goes out again on a new socket', async () => {
  const t = setup({ sendTimeoutMs: 10000, stallAfterMs: 3000 });
  t.bus().open();
  const first = t.bus();
  const { clientMsgId, done } = t.connector.sendMessage(42, 'Hello');
  await t.clock.advance(2999);
  assert.equal(t.connector.state, 'connected');
  await t.clock.advance(1);
  assert.equal(t.connector.state, 'reconnecting', 'three silent seconds are enough to say so');
  await t.clock.advance(7000);
  assert.equal(first.closedByClient, true, 'the silent socket is given up when the call times out');
  assert.equal(t.connector.pendingFor(42)[0].state, 'pending');
  await t.clock.advance(250);
  t.bus().open();
  await settle();
  const again = t.bus().sent('chat.send');
  assert.deepEqual(again.map((f) => f.body.clientMsgId), [clientMsgId], 'the same message, not a second one');
  t.bus().reply(again[0], { seq: 9, at: 'x' });
  assert.deepEqual(await done, { seq: 9, at: 'x' });
  assert.deepEqual(t.states, ['connected', 'reconnecting', 'connected']);
});

test('a slow answer only looks like reconnecting until the first frame arrives', async () => {
  const t = setup({ sendTimeoutMs: 10000, stallAfterMs: 3000 });
  t.bus().open();
  const call = t.connector.send('presence.set', { status: 'away' });
  await t.clock.advance(3000);
  assert.equal(t.connector.state, 'reconnecting');
  t.bus().heartbeat();
  assert.equal(t.connector.state, 'connected', 'any frame proves the socket alive');
  await t.clock.advance(2000);
  t.bus().reply(t.bus().sent('presence.set')[0], { status: 'away' });
  assert.deepEqual(await call, { status: 'away' });
  await t.clock.advance(60000 - 5000 - 1);
  assert.equal(t.EventBus.instances.length, 1, 'the socket was kept');
  assert.deepEqual(t.states, ['connected', 'reconnecting', 'connected']);
});

test('a permanent failure marks the message failed and never resends it', async () => {
  const t = setup();
  t.bus().open();
  const { clientMsgId, done } = t.connector.sendMessage(42, 'Too late');
  t.bus().fail(t.bus().sent('chat.send')[0], 1016, 'chat_ended');
  await assert.rejects(done, { code: 'chat_ended', failureCode: 1016 });
  assert.deepEqual(t.connector.pendingFor(42), [{ clientMsgId, text: 'Too late', state: 'failed' }]);
  await t.clock.advance(60000);
  await t.reconnect();
  assert.deepEqual(t.bus().sent('chat.send'), []);
  assert.equal(t.connector.discard(clientMsgId), true);
  assert.deepEqual(t.connector.pendingFor(42), []);
});

test('messages of one chat go out one at a time, in the order typed', async () => {
  const t = setup();
  t.bus().open();
  const first = t.connector.sendMessage(42, 'one');
  const second = t.connector.sendMessage(42, 'two');
  const elsewhere = t.connector.sendMessage(7, 'other chat');
  assert.deepEqual(t.bus().sent('chat.send').map((f) => f.body.text), ['one', 'other chat']);
  t.bus().fail(t.bus().sent('chat.send')[0], 1012, 'internal');
  await t.clock.advance(250);
  assert.deepEqual(t.bus().sent('chat.send').map((f) => f.body.text), ['one', 'other chat', 'one']);
  t.bus().reply(t.bus().sent('chat.send')[2], { seq: 3, at: 'a' });
  await settle();
  assert.deepEqual(t.bus().sent('chat.send').map((f) => f.body.text), ['one', 'other chat', 'one', 'two']);
  t.bus().reply(t.bus().sent('chat.send')[3], { seq: 4, at: 'b' });
  t.bus().reply(t.bus().sent('chat.send')[1], { seq: 2, at: 'c' });
  assert.deepEqual(await Promise.all([first.done, second.done, elsewhere.done]).then((r) => r.map((x) => x.seq)), [3, 4, 2]);
});

test('a message that comes back in the chat counts as delivered even if its reply never does', async () => {
  const t = setup();
  const chat = follow(t);
  t.bus().open();
  await settle();
  const { clientMsgId, done } = t.connector.sendMessage(42, 'Hello');
  const frame = t.bus().sent('chat.send')[0];
  t.bus().deliver('chat.42', message(1, { clientMsgId, text: 'Hello', from: { kind: 'operator', id: 3, name: 'Alice' } }));
  assert.deepEqual(await done, { seq: 1, at: message(1).at });
  assert.deepEqual(t.connector.pendingFor(42), []);
  assert.deepEqual(chat.seqs(), [1]);
  t.bus().reply(frame, { seq: 1, at: message(1).at });
  await t.clock.advance(60000);
  assert.equal(t.bus().sent('chat.send').length, 1);
});

test('send resolves with the reply body, rejects with the bridge failure, and times out', async () => {
  const t = setup({ sendTimeoutMs: 3000 });
  t.bus().open();
  const ok = t.connector.send('presence.set', { status: 'away' });
  const refused = t.connector.send('chat.typing', { chatId: 42, typing: true });
  const silent = t.connector.send('presence.heartbeat', {});
  const [okFrame, refusedFrame] = t.bus().sent();
  assert.deepEqual(okFrame.headers, { token: 't1' });
  t.bus().reply(okFrame, { status: 'away' });
  t.bus().fail(refusedFrame, 1017, 'not_participant');
  assert.deepEqual(await ok, { status: 'away' });
  await assert.rejects(refused, (e) => e instanceof Error && e.code === 'not_participant' && e.failureCode === 1017);
  const timedOut = assert.rejects(silent, { code: 'timeout' });
  await t.clock.advance(3000);
  await timedOut;
});

test('send waits for a connecting socket, and a socket lost under a call rejects it as closed', async () => {
  const t = setup({ sendTimeoutMs: 3000 });
  const early = t.connector.send('presence.set', { status: 'online' });
  await t.clock.advance(1000);
  t.bus().open();
  const frame = t.bus().sent('presence.set')[0];
  t.bus().reply(frame, { status: 'online' });
  assert.deepEqual(await early, { status: 'online' });

  const cut = t.connector.send('presence.set', { status: 'away' });
  t.bus().drop();
  await assert.rejects(cut, { code: 'closed' });
  const late = assert.rejects(t.connector.send('presence.set', { status: 'away' }), { code: 'timeout' });
  await t.clock.advance(3000);
  await late;
});

test('a silent socket is dropped by the watchdog and replaced; heartbeats keep a quiet one', async () => {
  const t = setup({ deadAfterMs: 60000 });
  t.bus().open();
  const first = t.bus();
  await t.clock.advance(50000);
  first.heartbeat();
  await t.clock.advance(50000);
  first.deliver('nothing.registered', {});
  await t.clock.advance(50000);
  assert.equal(t.connector.state, 'connected');
  assert.equal(t.EventBus.instances.length, 1);

  await t.clock.advance(10000);
  assert.equal(first.closedByClient, true);
  assert.equal(first.pinging, false);
  assert.equal(t.connector.state, 'reconnecting');
  await t.clock.advance(250);
  assert.equal(t.EventBus.instances.length, 2);
  assert.deepEqual(t.states, ['connected', 'reconnecting'], 'the dropped socket\'s own close is not a second loss');
});

test('a socket silent from the start is dropped once the silence lasts', async () => {
  const t = setup({ deadAfterMs: 60000 });
  t.bus().open();
  await t.clock.advance(59999);
  assert.equal(t.connector.state, 'connected');
  await t.clock.advance(1);
  assert.equal(t.connector.state, 'reconnecting');
});

test('a socket that never opens is given up after the connect timeout', async () => {
  const t = setup({ connectTimeoutMs: 20000 });
  await t.clock.advance(19999);
  assert.equal(t.EventBus.instances.length, 1);
  await t.clock.advance(1);
  assert.equal(t.EventBus.last.closedByClient, true);
  assert.equal(t.connector.state, 'reconnecting');
  await t.clock.advance(250);
  assert.equal(t.EventBus.instances.length, 2);
});

test('backoff grows while attempts fail and starts over once a connection has held', async () => {
  const t = setup({ steadyAfterMs: 10000 });
  const delays = [];
  for (let i = 0; i < 3; i += 1) {
    const count = t.EventBus.instances.length;
    const start = t.clock.now;
    t.bus().drop();
    while (t.EventBus.instances.length === count) await t.clock.advance(50);
    delays.push(t.clock.now - start);
  }
  assert.deepEqual(delays, [250, 500, 1000]);

  t.bus().open();
  t.bus().drop();
  const start = t.clock.now;
  await t.clock.advance(1999);
  assert.equal(t.EventBus.instances.length, 4, 'a connection dropped at once does not reset the delay');
  await t.clock.advance(1);
  assert.equal(t.EventBus.instances.length, 5);
  assert.equal(t.clock.now - start, 2000);

  t.bus().open();
  await t.clock.advance(10000);
  t.bus().drop();
  await t.clock.advance(250);
  assert.equal(t.EventBus.instances.length, 6);
});

test('goes offline after repeated failures or with the browser offline, keeps trying, and tries at once when the network returns', async () => {
  const t = setup({ offlineAfterFailures: 3, offlineCapMs: 30000, connectTimeoutMs: 600000 });
  for (let i = 0; i < 3; i += 1) {
    t.bus().drop();
    await t.clock.advance(15000);
  }
  assert.deepEqual(t.states, ['reconnecting', 'offline']);
  const count = t.EventBus.instances.length;
  await t.clock.advance(30000);
  assert.equal(t.EventBus.instances.length, count, 'an attempt is still under way');
  t.bus().drop();
  await t.clock.advance(30000);
  assert.equal(t.EventBus.instances.length, count + 1, 'still trying, slowly');

  t.bus().open();
  const open = t.bus();
  t.network.set(false);
  assert.equal(t.connector.state, 'offline', 'the browser knows no network is up: the screens say so at once');
  assert.equal(open.closedByClient, true, 'the socket is given up rather than trusted for another minute');
  const before = t.EventBus.instances.length;
  t.network.set(true);
  assert.equal(t.EventBus.instances.length, before + 1);
  assert.equal(t.connector.state, 'reconnecting');
  t.bus().open();
  assert.equal(t.connector.state, 'connected');
  t.bus().drop();
  assert.equal(t.connector.state, 'reconnecting', 'a connection that opened starts the failure count again');
});

test('bridge refusals without an address reach onError', () => {
  const t = setup();
  t.bus().open();
  const errors = [];
  const off = t.connector.onError((e) => errors.push(e));
  t.bus().refuse('rejected');
  off();
  t.bus().refuse('access_denied');
  assert.deepEqual(errors.map((e) => e.code), ['rejected']);
});

test('a listener that throws does not stop the others', async () => {
  const reported = [];
  globalThis.reportError = (error) => reported.push(error.message);
  try {
    const t = setup();
    const got = [];
    t.connector.subscribe('queue.3', () => { throw new Error('screen bug'); });
    t.connector.subscribe('queue.3', (body) => got.push(body));
    t.connector.onState(() => { throw new Error('badge bug'); });
    t.bus().open();
    t.bus().deliver('queue.3', { type: 'waiting' });
    assert.deepEqual(got, [{ type: 'waiting' }]);
    assert.deepEqual(reported, ['badge bug', 'screen bug']);
    assert.equal(t.connector.state, 'connected');
  } finally {
    delete globalThis.reportError;
  }
});

test('close stops everything: no reconnect, calls and unsent messages rejected as closed', async () => {
  const t = setup();
  t.bus().open();
  const chat = follow(t);
  await settle();
  const call = t.connector.send('presence.set', { status: 'away' });
  const { done } = t.connector.sendMessage(42, 'bye');
  const bus = t.bus();
  t.connector.close();
  t.connector.close();
  assert.equal(bus.closedByClient, true);
  assert.equal(t.connector.state, 'closed');
  await assert.rejects(call, { code: 'closed' });
  await assert.rejects(done, { code: 'closed' });
  await assert.rejects(t.connector.send('presence.set', {}), { code: 'closed' });
  await assert.rejects(t.connector.sendMessage(42, 'after').done, { code: 'closed' });
  await t.clock.advance(120000);
  assert.equal(t.EventBus.instances.length, 1);
  assert.equal(t.clock.pending, 0, 'no timer left behind');
  assert.deepEqual(chat.seqs(), []);
  assert.deepEqual(t.states, ['connected', 'closed']);
});

test('a missing EventBus is reported plainly instead of failing later', () => {
  assert.throws(() => createConnector({ token: () => 't', network: fakeNetwork() }), /vertx-eventbus\.js/);
});

test('a patron sending too fast is refused as rate_limited: the message stays, the screen is told, and it goes out again once', async () => {
  const t = setup();
  t.bus().open();
  const retries = [];
  t.connector.onRetry((retry) => retries.push(retry));
  const { clientMsgId, done } = t.connector.sendMessage(42, 'Are you there?');
  t.bus().fail(t.bus().sent('chat.send')[0], 1011, 'rate_limited');
  await settle();
  assert.deepEqual(retries.map((r) => [r.chatId, r.clientMsgId, r.error.code, r.error.failureCode]),
    [[42, clientMsgId, 'rate_limited', 1011]]);
  assert.deepEqual(t.connector.pendingFor(42), [{ clientMsgId, text: 'Are you there?', state: 'pending' }], 'kept, not failed');
  await t.clock.advance(250);
  const frames = t.bus().sent('chat.send');
  assert.deepEqual(frames.map((f) => [f.body.clientMsgId, f.body.text]),
    [[clientMsgId, 'Are you there?'], [clientMsgId, 'Are you there?']]);
  t.bus().reply(frames[1], { seq: 3, at: 'x' });
  assert.deepEqual(await done, { seq: 3, at: 'x' });
  await t.clock.advance(60000);
  assert.equal(t.bus().sent('chat.send').length, 2, 'sent once more, not again after the reply');
});

test('a staff room is followed and resumed like a chat, from its own address and events', async () => {
  const pages = [];
  const t = setup({
    fetchRoomEvents: async (roomId, after) => {
      pages.push({ roomId, after });
      return { events: after < 2 ? [{ type: 'message', roomId, seq: 2, text: 'b' }] : [], more: false };
    },
  });
  const seen = [];
  t.connector.followRoom(5, { lastSeq: 1, onEvent: (e) => seen.push(e.seq) });
  t.bus().open();
  await settle();
  assert.deepEqual(t.bus().of('register').map((f) => f.address), ['internal.5']);
  assert.deepEqual(pages, [{ roomId: 5, after: 1 }]);
  assert.deepEqual(t.store.calls, [], 'no chat is asked');
  t.bus().deliver('internal.5', { type: 'message', roomId: 5, seq: 2, text: 'b' });
  t.bus().deliver('internal.5', { type: 'message', roomId: 5, seq: 3, text: 'c' });
  assert.deepEqual(seen, [2, 3]);
});

test('a room message goes to internal.send with its room id, resent under its first id, and never mixes with the chat of the same number', async () => {
  const t = setup();
  t.bus().open();
  const room = t.connector.sendRoomMessage(5, 'Cover the desk?');
  const chat = t.connector.sendMessage(5, 'Hello patron');
  const [toRoom] = t.bus().sent('internal.send');
  const [toChat] = t.bus().sent('chat.send');
  assert.deepEqual(toRoom.body, { roomId: 5, text: 'Cover the desk?', clientMsgId: room.clientMsgId });
  assert.deepEqual(toChat.body, { chatId: 5, text: 'Hello patron', clientMsgId: chat.clientMsgId });
  assert.deepEqual(t.connector.pendingFor(5).map((p) => p.text), ['Hello patron']);
  t.bus().reply(toChat, { seq: 9, at: 'now' });
  await chat.done;
  t.bus().drop();
  await t.clock.advance(15000);
  t.bus().open();
  const [again] = t.bus().sent('internal.send');
  assert.equal(again.body.clientMsgId, room.clientMsgId);
  assert.equal(t.bus().sent('chat.send').length, 0, 'the acknowledged chat message is not resent');
  t.bus().reply(again, { seq: 1, at: 'now' });
  assert.deepEqual(await room.done, { seq: 1, at: 'now' });
});
