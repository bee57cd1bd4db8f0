import test from 'node:test';
import assert from 'node:assert/strict';
import { settle } from './fakes.js';
import { fakeCall, fakeConnector, me } from './support/fake-desk.js';
import { webroot } from './support/webroot.js';

const { createPresence } = await webroot('app/presence/presence-store.js');

function setup(replies) {
  const connector = fakeConnector();
  connector.send = (address, body) => {
    connector.sent.push({ address, body });
    return Promise.resolve(replies.shift() || {});
  };
  const paused = [];
  const presence = createPresence({ me, connector, call: fakeCall({}), onPaused: (p) => paused.push(p) });
  return { presence, paused };
}

const remembered = { status: 'online', pausedSince: '2026-12-03T10:16:00Z', offlineMeanwhile: true };

test('a pause the gateway remembers is not told to a page that has just signed in', async () => {
  const { presence, paused } = setup([remembered]);
  presence.beat();
  await settle();
  assert.deepEqual(paused, [], 'another page of the same operator went quiet, not this one');
});

test('a page that beat before and then went quiet is told of its pause', async () => {
  const { presence, paused } = setup([{ status: 'online' }, remembered]);
  presence.beat();
  await settle();
  presence.beat();
  await settle();
  assert.equal(paused.length, 1);
  assert.equal(paused[0].offlineMeanwhile, true);
});

test('a page that set its status and then went quiet is told of its pause', async () => {
  const { presence, paused } = setup([{}, remembered]);
  await presence.set('online');
  presence.beat();
  await settle();
  assert.equal(paused.length, 1);
});
