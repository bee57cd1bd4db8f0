import test from 'node:test';
import assert from 'node:assert/strict';
import { createChatStream } from '../../main/resources/webroot/shared/chat-stream.js';

const event = (seq, type = 'message') => ({ type, chatId: 42, seq, at: `t${seq}` });

function recorder(lastSeq = 0) {
  const seen = [];
  const gaps = [];
  const stream = createChatStream({ lastSeq, deliver: (e) => seen.push(e), onGap: (after) => gaps.push(after) });
  return { stream, seen, gaps, seqs: () => seen.map((e) => e.seq) };
}

test('events in order are delivered at once', () => {
  const { stream, seqs, gaps } = recorder();
  stream.push(event(1));
  stream.push(event(2));
  assert.deepEqual(seqs(), [1, 2]);
  assert.equal(stream.lastSeq, 2);
  assert.deepEqual(gaps, []);
});

test('an event already seen is not delivered again, nor mistaken for a gap', () => {
  const { stream, seqs, gaps } = recorder();
  stream.push(event(1));
  stream.push(event(1));
  stream.pushPage([event(1), event(2)]);
  stream.push(event(2));
  assert.deepEqual(seqs(), [1, 2]);
  assert.equal(stream.hasGap, false);
  assert.deepEqual(gaps, []);
});

test('events up to the starting seq count as seen', () => {
  const { stream, seqs } = recorder(5);
  stream.pushPage([event(4), event(5), event(6)]);
  assert.deepEqual(seqs(), [6]);
});

test('a live event past a gap waits, the gap is reported once, and the fetched page fills it in order', () => {
  const { stream, seqs, gaps } = recorder(2);
  stream.push(event(5));
  stream.push(event(6));
  assert.deepEqual(seqs(), []);
  assert.deepEqual(gaps, [2], 'one report for one missing position');
  assert.equal(stream.hasGap, true);
  stream.pushPage([event(3), event(4), event(5)]);
  assert.deepEqual(seqs(), [3, 4, 5, 6]);
  assert.equal(stream.hasGap, false);
});

test('a page in any order is delivered in seq order', () => {
  const { stream, seqs } = recorder();
  stream.pushPage([event(3), event(1), event(2)]);
  assert.deepEqual(seqs(), [1, 2, 3]);
});

test('a page that fills only part of a gap reports the next position', () => {
  const { stream, seqs, gaps } = recorder();
  stream.push(event(4));
  stream.pushPage([event(1)]);
  assert.deepEqual(seqs(), [1]);
  assert.deepEqual(gaps, [0, 1]);
  stream.pushPage([event(2), event(3)]);
  assert.deepEqual(seqs(), [1, 2, 3, 4]);
});

test('nothing is skipped, however long the missing event takes', () => {
  const { stream, seqs } = recorder();
  for (let seq = 10; seq > 1; seq -= 1) stream.push(event(seq));
  assert.deepEqual(seqs(), []);
  stream.push(event(1));
  assert.deepEqual(seqs(), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
});

test('typing has no seq and passes straight through, even while a gap waits', () => {
  const { stream, seen, seqs } = recorder(1);
  stream.push(event(3));
  const typing = { type: 'typing', chatId: 42, typing: true, from: { kind: 'patron' } };
  stream.push(typing);
  assert.deepEqual(seen, [typing]);
  stream.push(event(2));
  assert.deepEqual(seqs().slice(1), [2, 3]);
});

test('a screen that throws does not get the same event twice', () => {
  let calls = 0;
  const stream = createChatStream({ deliver: () => { calls += 1; throw new Error('screen bug'); } });
  assert.throws(() => stream.push(event(1)));
  stream.push(event(1));
  assert.equal(calls, 1);
  assert.equal(stream.lastSeq, 1);
});
