import test from 'node:test';
import assert from 'node:assert/strict';
import { matchTags } from '../../main/resources/webroot/app/tags/tag-match.js';

const TAGS = [
  { id: 1, name: 'Blocked cards' },
  { id: 2, name: 'Hours and locations' },
  { id: 3, name: 'Local history' },
  { id: 4, name: 'Interlibrary loan' },
];
const names = (tags) => tags.map((t) => t.name);

test('a name that starts with the letters comes first, then a word that does, then any match', () => {
  assert.deepEqual(names(matchTags(TAGS, 'loc')), ['Local history', 'Hours and locations', 'Blocked cards']);
  assert.deepEqual(names(matchTags(TAGS, 'LO')), ['Local history', 'Hours and locations', 'Interlibrary loan', 'Blocked cards']);
});

test('nothing typed offers every tag in the library\'s order; tags already on the chat are left out', () => {
  assert.deepEqual(names(matchTags(TAGS, '  ')), names(TAGS));
  assert.deepEqual(names(matchTags(TAGS, 'loc', new Set([3]))), ['Hours and locations', 'Blocked cards']);
});

test('at most the limit, and no match is an empty list', () => {
  assert.equal(matchTags(TAGS, '', new Set(), 2).length, 2);
  assert.deepEqual(matchTags(TAGS, 'zebra'), []);
});
