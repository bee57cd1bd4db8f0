import test from 'node:test';
import assert from 'node:assert/strict';
import { looksLikeQuestion } from '../../main/resources/webroot/widget/name-check.js';

// As the gateway's queue description gives them.
const limits = { nameChars: 80, nameWords: 6 };

test('a question typed into the name box is told from a name', () => {
  assert.equal(looksLikeQuestion('Can I print?', limits), true);
  assert.equal(looksLikeQuestion('do you have the county atlas from 1998 in the reading room', limits), true);
  assert.equal(looksLikeQuestion('x'.repeat(81), limits), true);
  for (const name of ['Sam', 'Maria de los Ángeles García', 'Dr. Ng', '', '   ']) assert.equal(looksLikeQuestion(name, limits), false, name);
});
