import test from 'node:test';
import assert from 'node:assert/strict';
import {
  byShortcut, fillPlaceholders, filterCanned, replaceShortcut, slashQuery,
} from '../../main/resources/webroot/app/canned/canned-text.js';

const names = { patron: 'Sam', operator: 'Ben Okafor', library: 'Riverside Library' };

test('every placeholder is filled with the chat\'s names', () => {
  assert.equal(
    fillPlaceholders("Hi {patron.name}, I'm {operator.name} at {library.name}. Let me look.", names),
    "Hi Sam, I'm Ben Okafor at Riverside Library. Let me look.",
  );
});

test('a placeholder used twice is filled twice, and text without any is unchanged', () => {
  assert.equal(fillPlaceholders('{patron.name}? {patron.name}!', names), 'Sam? Sam!');
  assert.equal(fillPlaceholders('One moment while I look that up.', names), 'One moment while I look that up.');
});

test('a patron without a name is left out with the comma or space before it, not shown as a blank', () => {
  const none = { ...names, patron: '' };
  assert.equal(fillPlaceholders("Hi {patron.name}, I'm {operator.name}.", none), "Hi, I'm Ben Okafor.");
  assert.equal(fillPlaceholders('Still looking — thanks for waiting, {patron.name}.', none), 'Still looking — thanks for waiting.');
  assert.equal(fillPlaceholders('Thanks for asking {library.name}, {patron.name}. Come back!', none),
    'Thanks for asking Riverside Library. Come back!');
});

test('the widget\'s stand-in name "Guest" counts as no name', () => {
  assert.equal(fillPlaceholders('Hi {patron.name}, welcome.', { ...names, patron: 'Guest' }), 'Hi, welcome.');
});

test('unknown placeholders and missing bodies stay harmless', () => {
  assert.equal(fillPlaceholders('Hello {patron.email}', names), 'Hello {patron.email}');
  assert.equal(fillPlaceholders(null, names), '');
  assert.equal(fillPlaceholders('{library.name}'), '');
});

test('a slash at the start or after a space opens a shortcut; one inside a word does not', () => {
  assert.deepEqual(slashQuery('/', 1), { start: 0, query: '' });
  assert.deepEqual(slashQuery('/gre', 4), { start: 0, query: 'gre' });
  assert.deepEqual(slashQuery('Sure. /mom', 10), { start: 6, query: 'mom' });
  assert.deepEqual(slashQuery('Line one\n/bye', 13), { start: 9, query: 'bye' });
  assert.equal(slashQuery('and/or', 6), null);
  assert.equal(slashQuery('see https://x.org/a', 19), null);
  assert.equal(slashQuery('/hi there', 9), null, 'a space ends the shortcut');
});

test('only the text before the caret decides', () => {
  assert.deepEqual(slashQuery('/hi and more', 3), { start: 0, query: 'hi' });
  assert.equal(slashQuery('/hi and more', 12), null);
});

const list = [
  { id: 1, scope: 'library', shortcut: 'hi', title: 'Greeting' },
  { id: 2, scope: 'library', shortcut: 'moment', title: 'One moment' },
  { id: 3, scope: 'library', shortcut: 'looking', title: 'Still looking' },
  { id: 4, scope: 'library', shortcut: 'email', title: 'Ask for e-mail' },
  { id: 5, scope: 'personal', shortcut: 'ill', title: 'Interlibrary loan' },
];

test('an empty query lists everything in the server\'s order', () => {
  assert.deepEqual(filterCanned(list, '').map((c) => c.id), [1, 2, 3, 4, 5]);
});

test('shortcuts that start with the query come first, then shortcuts containing it, then titles', () => {
  assert.deepEqual(filterCanned(list, 'l').map((c) => c.id), [3, 4, 5]);
  assert.deepEqual(filterCanned(list, 'lo').map((c) => c.id), [3, 5]);
  assert.deepEqual(filterCanned(list, 'MAIL').map((c) => c.id), [4]);
  assert.deepEqual(filterCanned(list, 'mom').map((c) => c.id), [2]);
  assert.deepEqual(filterCanned(list, 'greet').map((c) => c.id), [1]);
  assert.deepEqual(filterCanned(list, 'zzz'), []);
});

test('the shortcut typed so far is replaced and the caret lands after the inserted text', () => {
  assert.deepEqual(replaceShortcut('Ok. /mo', 4, 7, 'One moment.'), { text: 'Ok. One moment.', caret: 15 });
  assert.deepEqual(replaceShortcut('/hi tail', 0, 3, 'Hello'), { text: 'Hello tail', caret: 5 });
});

test('an operator\'s own message wins over the library\'s with the same shortcut', () => {
  const both = [...list, { id: 9, scope: 'personal', shortcut: 'hi', title: 'My greeting' }];
  assert.equal(byShortcut(both, 'hi').id, 9);
  assert.equal(byShortcut(list, 'email').id, 4);
  assert.equal(byShortcut(list, 'nope'), null);
});

test('a missing name that opens the text takes the comma after it', () => {
  assert.equal(fillPlaceholders('{patron.name}, your book is in.', { patron: '' }), 'your book is in.');
});
