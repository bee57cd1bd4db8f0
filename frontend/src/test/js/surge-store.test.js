import test from 'node:test';
import assert from 'node:assert/strict';
import { settle } from './fakes.js';
import { apiError, fakeCall, fakeConnector, me } from './support/fake-desk.js';
import { webroot } from './support/webroot.js';

const { createSurge } = await webroot('app/surge/surge-store.js');
const { pauseLength } = await webroot('app/surge/pause-words.js');

function setup(routes = {}, { sound = true } = {}) {
  const connector = fakeConnector();
  const call = fakeCall(routes);
  const played = [];
  const alerts = { state: { sound }, play: (options) => played.push(options) };
  const surge = createSurge({ me, connector, call, alerts, now: () => Date.parse('2026-12-01T10:03:00Z') });
  surge.start();
  return { surge, connector, call, played };
}

const page = {
  type: 'surge', from: 'Alice Moreno', automatic: false, waiting: 3, queues: [{ id: 1, name: 'Ask', waiting: 3 }], at: '2026-12-01T10:00:00Z',
};

test('a call for help heard on the operator\'s own address is shown and rings the chosen sound', () => {
  const { surge, connector, played } = setup();
  connector.publish(`operator.${me.operator.id}`, { type: 'handoff-offered' });
  assert.equal(surge.state.page, null, 'other events of the address are not calls for help');
  connector.publish(`operator.${me.operator.id}`, page);
  assert.equal(surge.state.page.from, 'Alice Moreno');
  assert.equal(played.length, 1);
  surge.dismissPage();
  assert.equal(surge.state.page, null);
});

test('no sound for an operator who chose none', () => {
  const { surge, connector, played } = setup({}, { sound: false });
  connector.publish(`operator.${me.operator.id}`, page);
  assert.ok(surge.state.page);
  assert.equal(played.length, 0);
});

test('the swamped button says what went out, or why not', async () => {
  const sent = { paged: 2, waiting: 3, queues: [], at: '2026-12-01T10:00:00Z' };
  const ok = setup({ 'POST /api/surge': sent });
  await ok.surge.callForHelp();
  assert.deepEqual(ok.surge.state.sent, sent);
  assert.equal(ok.surge.state.sending, false);

  const refusal = apiError(409, 'conflict', 'recent', { lastPageAt: '2026-12-01T09:58:00Z', retryAfterSeconds: 180 });
  const late = setup({ 'POST /api/surge': refusal });
  await late.surge.callForHelp();
  assert.equal(late.surge.state.sent, null);
  assert.equal(late.surge.state.refused.code, 'conflict');
  assert.equal(late.surge.state.refused.details.retryAfterSeconds, 180);
  late.surge.dismissSent();
  assert.equal(late.surge.state.refused, null);
});

test('after a pause: how long, what colleagues saw and how many chats arrived meanwhile', async () => {
  const since = '2026-12-01T10:00:00Z';
  const { surge, call } = setup({ [`/api/surge/arrivals?since=${encodeURIComponent(since)}`]: { since, arrived: 2 } });
  const asked = surge.resumed({ since, offlineMeanwhile: true, status: 'online' });
  assert.deepEqual(surge.state.paused.length, { key: 'surge.minutes', count: 3 });
  assert.equal(surge.state.paused.arrived, null, 'the notice stands before the count comes');
  await asked;
  await settle();
  assert.equal(surge.state.paused.arrived, 2);
  assert.equal(surge.state.paused.offlineMeanwhile, true);
  assert.equal(call.calls.length, 1);
  surge.dismissPaused();
  assert.equal(surge.state.paused, null);
});

test('a pause is said in seconds under a minute, then in minutes', () => {
  assert.deepEqual(pauseLength(0, 40_000), { key: 'surge.seconds', count: 40 });
  assert.deepEqual(pauseLength(0, 150_000), { key: 'surge.minutes', count: 3 });
  assert.deepEqual(pauseLength(10, 0), { key: 'surge.seconds', count: 0 }, 'a clock that went back is no pause');
});
