import test from 'node:test';
import assert from 'node:assert/strict';
import {
  awaitingReplySince, createServerClock, firstMinute, formatCountdown, isDeadAir,
} from '../../main/resources/webroot/app/chats/timing.js';

const T0 = Date.parse('2026-11-25T18:00:00.000Z');
const at = (seconds) => new Date(T0 + seconds * 1000).toISOString();
const patron = (seconds, text = 'hello') => ({ type: 'message', at: at(seconds), from: { kind: 'patron', id: null }, text });
const librarian = (seconds, text = 'hi') => ({ type: 'message', at: at(seconds), from: { kind: 'operator', id: 7 }, text });
const claimed = (seconds) => ({ type: 'claimed', at: at(seconds), operator: { id: 7, name: 'Ben' } });

test('countdowns read as minutes and two-digit seconds, never negative', () => {
  assert.equal(formatCountdown(42), '0:42');
  assert.equal(formatCountdown(65), '1:05');
  assert.equal(formatCountdown(600), '10:00');
  assert.equal(formatCountdown(0), '0:00');
  assert.equal(formatCountdown(-5), '0:00');
  assert.equal(formatCountdown(41.2), '0:42', 'part of a second still counts as one');
});

test('a chat counts down from the library\'s first minute and is overdue when it runs out', () => {
  assert.deepEqual(firstMinute(at(0), T0 + 18000, 60), { remaining: 42, overdue: false });
  assert.deepEqual(firstMinute(at(0), T0 + 59500, 60), { remaining: 1, overdue: false });
  assert.deepEqual(firstMinute(at(0), T0 + 60000, 60), { remaining: 0, overdue: true });
  assert.deepEqual(firstMinute(at(0), T0 + 600000, 60), { remaining: 0, overdue: true });
});

test('a clock behind the gateway never shows more than the first minute, and an unknown arrival is never overdue', () => {
  assert.deepEqual(firstMinute(at(30), T0, 60), { remaining: 60, overdue: false });
  assert.deepEqual(firstMinute('not a time', T0, 90), { remaining: 90, overdue: false });
});

test('the patron waits for a reply from their first message after the librarian\'s last', () => {
  assert.equal(awaitingReplySince([]), null);
  assert.equal(awaitingReplySince([claimed(10), librarian(20)]), null);
  assert.equal(awaitingReplySince([claimed(10), librarian(20), patron(30), patron(50)]), T0 + 30000);
  assert.equal(awaitingReplySince([claimed(10), patron(30), librarian(40)]), null);
});

test('the question asked before the claim counts from the claim, not from when it was asked', () => {
  assert.equal(awaitingReplySince([patron(0, 'question'), claimed(90)]), T0 + 90000);
  assert.equal(awaitingReplySince([patron(0, 'question'), claimed(90), librarian(95)]), null);
});

test('an ended chat has no dead air', () => {
  assert.equal(awaitingReplySince([claimed(0), patron(10), { type: 'ended', at: at(20) }]), null);
});

test('dead air once the librarian has been silent for the library\'s threshold after the patron wrote', () => {
  const events = [patron(0), claimed(5), librarian(10), patron(20)];
  assert.equal(isDeadAir({ events, now: T0 + 20000 + 119000, seconds: 120 }), false);
  assert.equal(isDeadAir({ events, now: T0 + 20000 + 120000, seconds: 120 }), true);
});

test('typing or a message still on its way is not dead air', () => {
  const events = [claimed(0), librarian(5), patron(20)];
  const now = T0 + 300000;
  assert.equal(isDeadAir({ events, now, seconds: 120, typedAt: now - 30000 }), false);
  assert.equal(isDeadAir({ events, now, seconds: 120, typedAt: now - 130000 }), true);
  assert.equal(isDeadAir({ events, now, seconds: 120, pending: 1 }), false);
});

test('no dead air while the librarian has the last word', () => {
  const events = [claimed(0), patron(1), librarian(5)];
  assert.equal(isDeadAir({ events, now: T0 + 3600000, seconds: 120 }), false);
});

test('the gateway\'s clock is this clock less the smallest gap seen between an event and its arrival', () => {
  let local = T0 + 30000;
  const clock = createServerClock(() => local);
  assert.equal(clock.now(), T0 + 30000, 'nothing seen yet: trust this clock');
  clock.observe(at(-600));
  clock.observe(at(0));
  assert.equal(clock.now(), T0, 'this clock is 30 s ahead');
  local += 5000;
  clock.observe(at(-100));
  assert.equal(clock.now(), T0 + 5000, 'an old event arriving late changes nothing');
  clock.observe('garbage');
  assert.equal(clock.toServer(local), T0 + 5000);
});

test('a clock behind the gateway is corrected forwards', () => {
  const clock = createServerClock(() => T0);
  clock.observe(at(45));
  assert.equal(clock.now(), T0 + 45000);
});
