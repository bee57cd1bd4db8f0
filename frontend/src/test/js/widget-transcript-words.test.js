import test from 'node:test';
import assert from 'node:assert/strict';
import { looksLikeEmail, transcriptAnswered, transcriptRefused } from '../../main/resources/webroot/widget/transcript-words.js';

test('a transcript asked for during the chat comes at its end; after the end, at once', () => {
  assert.deepEqual(transcriptAnswered({ email: 'a@b.org', when: 'atEnd', repeated: false }),
    { key: 'transcript.atEnd', params: { email: 'a@b.org' } });
  assert.equal(transcriptAnswered({ email: 'a@b.org', when: 'now', repeated: true }).key, 'transcript.onItsWay');
});

test('a refusal says why in words, and points at the address when that is the problem', () => {
  assert.equal(transcriptRefused({ code: 'rate_limited' }).key, 'transcript.tooMany');
  assert.equal(transcriptRefused({ code: 'invalid', message: 'x' }).field, 'email');
  assert.deepEqual(transcriptRefused({ code: 'network', message: 'offline' }),
    { key: 'transcript.failed', params: { reason: 'offline' } });
});

test('only an address with a domain is sent', () => {
  assert.ok(looksLikeEmail(' pat@example.org '));
  assert.ok(!looksLikeEmail('pat@example'));
  assert.ok(!looksLikeEmail(''));
});
