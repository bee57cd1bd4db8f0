import test from 'node:test';
import assert from 'node:assert/strict';
import { asPatron } from '../../main/resources/webroot/widget/storage.js';

test('a name and e-mail handed back to the form are taken only in the shape the form gave them', () => {
  assert.deepEqual(asPatron({ name: 'Noor', email: 'noor@example.org', extra: 1 }), { name: 'Noor', email: 'noor@example.org' });
  assert.deepEqual(asPatron({ name: '', email: 'noor@example.org' }), { name: '', email: 'noor@example.org' });
  for (const value of [null, undefined, 'Noor', {}, { name: 'Noor' }, { name: 1, email: '' }, { name: '', email: '' },
    { name: 'x'.repeat(201), email: '' }, { name: '', email: 'x'.repeat(255) }]) {
    assert.equal(asPatron(value), null, JSON.stringify(value));
  }
});
