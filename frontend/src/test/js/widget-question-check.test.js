import test from 'node:test';
import assert from 'node:assert/strict';
import { questionProblems, serverProblems } from '../../main/resources/webroot/widget/question-check.js';

const form = {
  limits: { nameChars: 80, messageChars: 4000 },
  fields: [
    { label: 'Library card number', required: false, maxChars: 20 },
    { label: 'Campus', required: true, maxChars: 40 },
  ],
};

test('a complete question has no problems', () => {
  const problems = questionProblems({ email: 'pat@example.org', question: 'Maps?', fields: { Campus: 'North' } }, form);
  assert.deepEqual(problems, []);
});

test('the e-mail, the question and a required field of the library are needed, in the form order', () => {
  const problems = questionProblems({ name: 'Pat', email: ' ', question: '  ', fields: {} }, form);
  assert.deepEqual(problems.map((p) => p.field), ['email', 'question', 'fields.Campus']);
  assert.equal(problems[0].key, 'question.needEmail');
  assert.deepEqual(problems[2].params, { label: 'Campus' });
});

test('an address without a domain is refused; an optional field may stay empty but not run long', () => {
  const problems = questionProblems({
    email: 'pat@example', question: 'Maps?', fields: { Campus: 'North', 'Library card number': '1'.repeat(21) },
  }, form);
  assert.deepEqual(problems.map((p) => [p.field, p.key]), [
    ['email', 'question.badEmail'],
    ['fields.Library card number', 'question.tooLong'],
  ]);
});

test('a name or question over the limits is named, with the limit', () => {
  const problems = questionProblems({ name: 'x'.repeat(81), email: 'a@b.org', question: 'q'.repeat(4001), fields: { Campus: 'N' } }, form);
  assert.deepEqual(problems.map((p) => [p.field, p.params.count]), [['name', 80], ['question', 4000]]);
});

test("the gateway's field errors come back in the form's order, unknown names left out", () => {
  const found = serverProblems({ question: 'needed', email: 'bad', other: 'x' }, ['name', 'email', 'question']);
  assert.deepEqual(found, [{ field: 'email', text: 'bad' }, { field: 'question', text: 'needed' }]);
  assert.deepEqual(serverProblems(undefined, ['email']), []);
});
