import test from 'node:test';
import assert from 'node:assert/strict';
import { clockTime } from '../../main/resources/webroot/app/ui/format.js';
import { clockTime as shared } from '../../main/resources/webroot/shared/clock.js';

test('times of day follow the locale: 24-hour where it is the custom, 12-hour where that is; the app and the widget share it', () => {
  const at = new Date(2026, 10, 25, 18, 4).toISOString();
  assert.equal(shared(at, 'en-GB'), '18:04');
  assert.match(shared(at, 'en-US'), /^6:04\s?PM$/);
  assert.equal(clockTime, shared);
  assert.equal(shared('not a time'), '');
  assert.equal(shared(null), '');
});
