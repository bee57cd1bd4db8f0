import test from 'node:test';
import assert from 'node:assert/strict';
import { answerProblem, linkRefused, problemKey, tokenFrom } from '../../main/resources/webroot/reply/reply-words.js';

test('the page says in words why a link does not open: expired, changed, gone, or none at all', () => {
  assert.equal(problemKey({ code: 'link_expired' }), 'reply.expired');
  assert.equal(problemKey({ code: 'unauthorized' }), 'reply.invalid');
  assert.equal(problemKey({ code: 'not_found' }), 'reply.notFound');
  assert.equal(problemKey(null), 'reply.noLink');
  assert.equal(problemKey({ code: 'network', message: 'offline' }), null, 'then the error\'s own words');
  assert.ok(linkRefused({ code: 'link_expired' }));
  assert.ok(!linkRefused({ code: 'invalid' }));
});

test('an empty or too long answer is not sent', () => {
  assert.equal(answerProblem('  ', 4000).key, 'reply.empty');
  assert.deepEqual(answerProblem('x'.repeat(4001), 4000), { key: 'reply.tooLong', params: { count: 4000 } });
  assert.equal(answerProblem('Thanks!', 4000), null);
});

test('the token comes from ?t= of the address', () => {
  assert.equal(tokenFrom('?t=1.2.3.abc'), '1.2.3.abc');
  assert.equal(tokenFrom('?x=1'), null);
  assert.equal(tokenFrom(''), null);
});
