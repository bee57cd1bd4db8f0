import test from 'node:test';
import assert from 'node:assert/strict';
import { createOutbox, isPermanent, randomClientMsgId } from '../../main/resources/webroot/shared/outbox.js';

const failure = (code) => Object.assign(new Error(code), { code });

test('client message ids are short, allowed by the protocol and different each time', () => {
  const ids = new Set();
  for (let i = 0; i < 1000; i += 1) {
    const id = randomClientMsgId();
    assert.match(id, /^c-[A-Za-z0-9._:-]{1,62}$/);
    ids.add(id);
  }
  assert.equal(ids.size, 1000);
});

test('a new message is pending under a fresh id', () => {
  const outbox = createOutbox();
  const a = outbox.add(42, 'Hello');
  const b = outbox.add(42, 'Hello');
  assert.notEqual(a.clientMsgId, b.clientMsgId);
  assert.deepEqual(outbox.forChat(42), [
    { clientMsgId: a.clientMsgId, text: 'Hello', state: 'pending' },
    { clientMsgId: b.clientMsgId, text: 'Hello', state: 'pending' },
  ]);
});

test('an acknowledged message leaves the outbox and resolves with the reply', async () => {
  const outbox = createOutbox();
  const entry = outbox.add(42, 'Hi');
  outbox.sending(entry.clientMsgId);
  assert.equal(outbox.acknowledge(entry.clientMsgId, { seq: 7, at: 'now' }), true);
  assert.deepEqual(await entry.done, { seq: 7, at: 'now' });
  assert.equal(outbox.size, 0);
  assert.equal(outbox.acknowledge(entry.clientMsgId, { seq: 7, at: 'now' }), false);
});

test('after a lost socket the sent message is pending again with the same id', () => {
  const outbox = createOutbox({ newId: () => 'c-1' });
  outbox.add(42, 'Hi');
  outbox.sending('c-1');
  assert.equal(outbox.get('c-1').state, 'sent');
  outbox.requeue();
  assert.deepEqual(outbox.forChat(42), [{ clientMsgId: 'c-1', text: 'Hi', state: 'pending' }]);
  assert.equal(outbox.sending('c-1').attempts, 2);
});

test('internal errors, timeouts and closed sockets are retried under the same id', () => {
  const outbox = createOutbox({ newId: () => 'c-1' });
  outbox.add(42, 'Hi');
  for (const code of ['internal', 'timeout', 'closed']) {
    outbox.sending('c-1');
    assert.equal(outbox.fail('c-1', failure(code)), true, code);
    assert.equal(outbox.get('c-1').state, 'pending');
    assert.equal(outbox.nextFor(42).clientMsgId, 'c-1');
  }
});

test('a permanent failure marks the message failed, rejects it and does not retry', async () => {
  for (const code of ['invalid', 'forbidden', 'chat_ended', 'not_participant', 'not_found']) {
    const outbox = createOutbox();
    const entry = outbox.add(42, 'Hi');
    outbox.sending(entry.clientMsgId);
    assert.equal(isPermanent(failure(code)), true);
    assert.equal(outbox.fail(entry.clientMsgId, failure(code)), false, code);
    assert.equal(outbox.get(entry.clientMsgId).state, 'failed');
    assert.equal(outbox.nextFor(42), undefined);
    await assert.rejects(entry.done, { code });
  }
});

test('the oldest unfinished message of a chat goes first; failed ones are skipped until discarded', () => {
  let n = 0;
  const outbox = createOutbox({ newId: () => `c-${++n}` });
  outbox.add(42, 'one');
  outbox.add(7, 'elsewhere');
  outbox.add(42, 'two');
  assert.equal(outbox.nextFor(42).text, 'one');
  assert.equal(outbox.nextFor('42').text, 'one', 'ids from a URL are the same chat');
  outbox.sending('c-1');
  outbox.fail('c-1', failure('invalid'));
  assert.equal(outbox.nextFor(42).text, 'two');
  assert.deepEqual(outbox.chats(), [42, 7]);
  assert.equal(outbox.discard('c-3'), false, 'a message still trying cannot be taken back');
  assert.equal(outbox.discard('c-1'), true);
  assert.deepEqual(outbox.forChat(42).map((e) => e.text), ['two']);
});

test('abandoning rejects every message, and an ignored rejection is not unhandled', async () => {
  const outbox = createOutbox();
  const kept = outbox.add(42, 'Hi');
  outbox.add(42, 'ignored by its caller');
  outbox.abandon(failure('closed'));
  await assert.rejects(kept.done, { code: 'closed' });
  assert.equal(outbox.size, 0);
});
