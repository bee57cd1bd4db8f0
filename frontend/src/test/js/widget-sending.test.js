import test from 'node:test';
import assert from 'node:assert/strict';
import { sendingText } from '../../main/resources/webroot/widget/sending.js';

test('a message held back because the patron sends too fast says so in plain words', () => {
  assert.equal(sendingText({ code: 'rate_limited' }), 'Not sent yet: you are sending quickly. It will go out in a moment.');
  assert.equal(sendingText({ code: 'internal' }), 'Sending…');
  assert.equal(sendingText(null), 'Sending…');
});
