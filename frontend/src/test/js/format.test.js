import test from 'node:test';
import assert from 'node:assert/strict';
import { dayAndTime } from '../../main/resources/webroot/app/ui/format.js';

const noon = new Date(2026, 10, 25, 12, 0).getTime();

test('a chat from today says "Today" and the time', () => {
  const text = dayAndTime(new Date(2026, 10, 25, 9, 5).toISOString(), noon);
  assert.match(text, /^Today \S/);
});

test('a chat from another day names the day, without "Today"', () => {
  const text = dayAndTime(new Date(2026, 10, 20, 9, 5).toISOString(), noon);
  assert.doesNotMatch(text, /Today/);
  assert.match(text, /20/);
  assert.match(text, /, /);
});

test('the year is said only when it is not this one', () => {
  assert.doesNotMatch(dayAndTime(new Date(2026, 0, 2, 9, 5).toISOString(), noon), /2026/);
  assert.match(dayAndTime(new Date(2025, 11, 30, 9, 5).toISOString(), noon), /2025/);
});

test('a missing time gives nothing rather than "Invalid Date"', () => {
  assert.equal(dayAndTime(null, noon), '');
  assert.equal(dayAndTime('soon', noon), '');
});
