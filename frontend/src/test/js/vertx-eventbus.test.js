// The connector against the real vendored vertx-eventbus.js, loaded as the browser loads it (a classic
// script finding a global SockJS), with only SockJS faked: what goes on the wire is what the gateway sees.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { createConnector } from '../../main/resources/webroot/shared/connector.js';
import { FakeClock, fakeNetwork, settle } from './fakes.js';

const source = readFileSync(new URL('../../main/resources/webroot/shared/vendor/vertx-eventbus.js', import.meta.url), 'utf8');

function loadClient() {
  const sockets = [];
  const consoleCalls = [];

  // The parts of sockjs-client 1.6 the vertx client and the connector touch; like SockJS, events go to
  // both `on<type>` and listeners.
  class FakeSockJS {
    constructor(url, _reserved, options) {
      this.url = url;
      this.options = options;
      this.readyState = 0;
      this.sent = [];
      this.listeners = {};
      sockets.push(this);
    }

    send(data) {
      if (this.readyState !== 1) throw new Error('InvalidStateError: The connection has not been established yet');
      this.sent.push(JSON.parse(data));
    }

    close() {
      this.readyState = 3;
      queueMicrotask(() => this.dispatch('close'));
    }

    addEventListener(type, fn) {
      (this.listeners[type] ||= []).push(fn);
    }

    dispatch(type, event = {}) {
      event.type = type;
      if (this[`on${type}`]) this[`on${type}`](event);
      for (const fn of this.listeners[type] || []) fn(event);
    }

    open() {
      this.readyState = 1;
      this.dispatch('open');
    }

    receive(frame) {
      this.dispatch('message', { data: JSON.stringify(frame) });
    }

    drop() {
      this.readyState = 3;
      this.dispatch('close');
    }

    frames(type) {
      return this.sent.filter((f) => f.type === type);
    }
  }

  const record = (level) => (...args) => consoleCalls.push([level, ...args]);
  const context = {
    SockJS: FakeSockJS,
    // Objects parsed inside the script then compare equal to ours.
    JSON,
    setInterval: () => 1,
    clearInterval: () => {},
    setTimeout: () => {
      throw new Error('the published client must not schedule its own reconnect');
    },
    clearTimeout: () => {},
    console: { error: record('error'), warn: record('warn'), log: record('log') },
  };
  vm.runInNewContext(source, context, { filename: 'vertx-eventbus.js' });
  return { EventBus: context.EventBus, sockets, consoleCalls, last: () => sockets[sockets.length - 1] };
}

function setup(options = {}) {
  const client = loadClient();
  const clock = new FakeClock();
  let token = 'patron-token';
  const fetched = [];
  const connector = createConnector({
    token: () => token,
    EventBus: client.EventBus,
    fetchEvents: async (chatId, after) => {
      fetched.push(after);
      return { events: [], more: false };
    },
    setTimeout: clock.setTimeout,
    clearTimeout: clock.clearTimeout,
    random: () => 0.5,
    network: fakeNetwork(),
    ...options,
  });
  return { client, clock, connector, fetched, setToken: (value) => { token = value; } };
}

test('the vendored client loads as a classic script after SockJS and defines EventBus', () => {
  const { EventBus } = loadClient();
  assert.equal(typeof EventBus, 'function');
  assert.equal(EventBus.OPEN, 1);
  assert.throws(() => vm.runInNewContext(source, {}), /requires sockjs-client/);
});

test('through the real client every register and send frame carries the token, and replies find their caller', async () => {
  const t = setup({ pingIntervalMs: 5000 });
  const sock = t.client.last();
  assert.equal(sock.url, '/eventbus');
  assert.equal(sock.options.vertxbus_ping_interval, 5000);
  const events = [];
  t.connector.followChat(42, { lastSeq: 1, onEvent: (e) => events.push(e) });
  sock.open();
  await settle();

  assert.deepEqual(sock.frames('ping'), [{ type: 'ping' }]);
  assert.deepEqual(sock.frames('register'), [{ type: 'register', address: 'chat.42', headers: { token: 'patron-token' } }]);
  assert.deepEqual(t.fetched, [1]);

  const { clientMsgId, done } = t.connector.sendMessage(42, 'Is the library open on Sunday?');
  const [send] = sock.frames('send');
  assert.equal(send.address, 'chat.send');
  assert.deepEqual(send.headers, { token: 'patron-token' });
  assert.deepEqual(send.body, { chatId: 42, text: 'Is the library open on Sunday?', clientMsgId });
  assert.match(send.replyAddress, /^[0-9a-f-]{36}$/);
  sock.receive({ type: 'rec', address: send.replyAddress, body: { seq: 2, at: '2026-11-25T18:04:05.123Z' } });
  assert.deepEqual(await done, { seq: 2, at: '2026-11-25T18:04:05.123Z' });

  const event = {
    type: 'message', chatId: 42, seq: 2, at: '2026-11-25T18:04:05.123Z',
    from: { kind: 'patron', id: null, name: 'Sam' }, text: 'Is the library open on Sunday?', clientMsgId,
  };
  sock.receive({ type: 'rec', address: 'chat.42', body: event });
  assert.deepEqual(events, [event]);
});

test('an error reply becomes a BusError, a refusal without address reaches onError, and the console stays quiet', async () => {
  const t = setup();
  const sock = t.client.last();
  sock.open();
  const errors = [];
  t.connector.onError((e) => errors.push(e.code));
  const typing = t.connector.send('chat.typing', { chatId: 42, typing: true });
  const [frame] = sock.frames('send');
  sock.receive({
    type: 'err', address: frame.replyAddress, failureCode: 1016, failureType: 'RECIPIENT_FAILURE', message: 'chat_ended',
  });
  await assert.rejects(typing, { code: 'chat_ended', failureCode: 1016 });
  sock.receive({ type: 'err', body: 'rejected' });
  sock.receive({ type: 'rec', address: 'not.registered', body: {} });
  assert.deepEqual(errors, ['rejected']);
  assert.deepEqual(t.client.consoleCalls, []);
});

test('after a drop the client does not reconnect itself; the connector opens a fresh socket and registers again', async () => {
  const t = setup();
  const first = t.client.last();
  t.connector.subscribe('queue.3', () => {});
  first.open();
  t.connector.sendMessage(42, 'Hello');
  first.drop();
  assert.equal(t.connector.state, 'reconnecting');
  t.setToken('renewed-token');
  await t.clock.advance(250);
  assert.equal(t.client.sockets.length, 2);
  const second = t.client.last();
  second.open();
  assert.deepEqual(second.frames('register'), [{ type: 'register', address: 'queue.3', headers: { token: 'renewed-token' } }]);
  assert.equal(second.frames('send')[0].body.clientMsgId, first.frames('send')[0].body.clientMsgId);
});

test('SockJS heartbeats keep a quiet socket; a silent one is closed and replaced', async () => {
  const t = setup({ deadAfterMs: 60000 });
  const sock = t.client.last();
  sock.open();
  await t.clock.advance(40000);
  sock.dispatch('heartbeat');
  await t.clock.advance(40000);
  assert.equal(t.connector.state, 'connected');
  await t.clock.advance(20000);
  assert.equal(sock.readyState, 3);
  assert.equal(t.connector.state, 'reconnecting');
  await t.clock.advance(250);
  assert.equal(t.client.sockets.length, 2);
});
