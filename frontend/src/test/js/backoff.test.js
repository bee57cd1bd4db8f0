import test from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay } from '../../main/resources/webroot/shared/backoff.js';

const highest = () => 0.999999;

test('the ceiling doubles from the base with every attempt', () => {
  const ceilings = [0, 1, 2, 3, 4].map((attempt) => backoffDelay(attempt, { random: highest }));
  assert.deepEqual(ceilings, [499, 999, 1999, 3999, 7999]);
});

test('the ceiling stops at the cap however many attempts have failed', () => {
  assert.equal(backoffDelay(5, { random: highest }), 14999);
  assert.equal(backoffDelay(50, { random: highest }), 14999);
  assert.equal(backoffDelay(5000, { random: highest }), 14999);
});

test('full jitter spreads the delay from zero up to the ceiling', () => {
  assert.equal(backoffDelay(3, { random: () => 0 }), 0);
  assert.equal(backoffDelay(3, { random: () => 0.5 }), 2000);
  assert.equal(backoffDelay(3, { random: () => 0.25 }), 1000);
});

test('every delay stays within bounds with a real random source', () => {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    for (let i = 0; i < 50; i += 1) {
      const delay = backoffDelay(attempt);
      assert.ok(Number.isInteger(delay) && delay >= 0 && delay < Math.min(15000, 500 * 2 ** attempt), `${attempt}: ${delay}`);
    }
  }
});

test('base and cap can be chosen, and odd attempt numbers count as the first', () => {
  assert.equal(backoffDelay(2, { baseMs: 100, capMs: 300, random: () => 0.5 }), 150);
  assert.equal(backoffDelay(-3, { random: () => 0.5 }), 250);
  assert.equal(backoffDelay(undefined, { random: () => 0.5 }), 250);
});
