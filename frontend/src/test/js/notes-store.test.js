import test from 'node:test';
import assert from 'node:assert/strict';
import { apiError, fakeCall } from './support/fake-desk.js';
import { webroot } from './support/webroot.js';

const { createNotes, noteFromForm, noteHref, noteToForm, policyFromForm, policyToForm, sectionsOf, topicKey } =
  await webroot('app/notes/notes-store.js');
const { createCanned } = await webroot('app/canned/canned-store.js');

const TOPICS = ['hours', 'renewals', 'fines', 'accounts', 'contacts', 'links', 'other'];
const note = (id, topic, extra = {}) => ({ id, topic, title: `N${id}`, body: 'text', links: [], updatedAt: '2026-01-01T00:00:00Z', stale: false, ...extra });

test('notes come in the card’s order of topics, and topics without a note are left out', () => {
  const sections = sectionsOf([note(1, 'fines'), note(2, 'hours'), note(3, 'fines')], TOPICS);
  assert.deepEqual(sections.map((s) => [s.topic, s.notes.map((n) => n.id)]), [['hours', [2]], ['fines', [1, 3]]]);
});

test('a note links only http, https and mailto addresses', () => {
  assert.equal(noteHref('https://example.org/renew'), 'https://example.org/renew');
  assert.equal(noteHref('mailto:fines@example.org'), 'mailto:fines@example.org');
  assert.equal(noteHref('javascript:alert(1)'), null);
  assert.equal(noteHref('data:text/html,hi'), null);
  assert.equal(noteHref(undefined), null);
});

test('a topic the app does not know reads as Other', () => {
  assert.equal(topicKey('fines'), 'notes.topicFines');
  assert.equal(topicKey('parking'), 'notes.topicOther');
});

test('the note form keeps links one per line as "title | address", and reads them back', () => {
  const form = noteToForm(note(1, 'contacts', { links: [{ title: 'Fines desk', url: 'mailto:f@example.org' }] }));
  assert.equal(form.links, 'Fines desk | mailto:f@example.org');
  form.links += '\nhttps://example.org/hours';
  assert.deepEqual(noteFromForm(form).links, [
    { title: 'Fines desk', url: 'mailto:f@example.org' },
    { title: 'https://example.org/hours', url: 'https://example.org/hours' },
  ]);
});

test('the policy form has every topic, and sends only those ticked, with their words', () => {
  const form = policyToForm({ topics: TOPICS, staleAfterDays: 90, localOnly: [{ topic: 'fines', keywords: ['fine', 'overdue'] }] });
  assert.equal(form.local.fines.keywords, 'fine, overdue');
  assert.equal(form.local.hours.on, false);
  form.local.accounts = { on: true, keywords: ' pin , card number,' };
  form.staleAfterDays = '30';
  assert.deepEqual(policyFromForm(form, TOPICS), {
    staleAfterDays: 30,
    localOnly: [{ topic: 'fines', keywords: ['fine', 'overdue'] }, { topic: 'accounts', keywords: ['pin', 'card number'] }],
  });
});

test('a card is read per chat; a refusal is kept as words, and sending home is remembered for the chat', async () => {
  const call = fakeCall({
    '/api/chats/5/home-card': { own: false, library: { name: 'Riverside' }, notes: [], localOnly: [] },
    '/api/chats/6/home-card': apiError(404, 'not_found', 'There is no such chat.'),
    'POST /api/chats/5/send-home': { ticketId: 40, line: 'A librarian of Riverside will answer this by e-mail.', library: { name: 'Riverside' } },
  });
  const notes = createNotes({ call });
  await notes.loadCard(5);
  await notes.loadCard(6);
  assert.equal(notes.cardOf(5).card.library.name, 'Riverside');
  assert.equal(notes.cardOf(6).error, 'There is no such chat.');
  await notes.sendHome(5, 'fines', '');
  assert.deepEqual(call.calls.at(-1).body, { topic: 'fines' }, 'an empty note is not sent');
  assert.equal(notes.cardOf(5).sent.ticketId, 40);
  await notes.loadCard(5);
  assert.equal(notes.cardOf(5).sent.ticketId, 40, 'reading the card again keeps what was done');
});

test('beside a chat of another library, the picker offers that library’s messages after one’s own', async () => {
  const call = fakeCall({
    '/api/canned': { canned: [{ id: 1, scope: 'library', shortcut: 'hi', body: 'Hi' }] },
    '/api/canned?chatId=9': {
      canned: [
        { id: 1, scope: 'library', shortcut: 'hi', body: 'Hi' },
        { id: 30, scope: 'home', shortcut: 'fines', body: 'At {library.name} fines…', libraryName: 'Riverside', readOnly: true },
      ],
    },
  });
  const me = { operator: { name: 'Ben', role: 'operator' }, library: { name: 'Demo' } };
  const chats = { detailsOf: () => ({ patron: { name: 'Pat' } }), tabOf: () => null };
  const canned = createCanned({ me, call, chats });
  await canned.load();
  assert.deepEqual(canned.listFor(9).map((item) => item.id), [1], 'nothing more before the chat’s library is known');
  await canned.loadHome(9);
  assert.deepEqual(canned.listFor(9).map((item) => item.id), [1, 30]);
  assert.deepEqual(canned.listFor(8).map((item) => item.id), [1]);
  assert.equal(canned.fill(9, 'At {library.name}', 'Riverside'), 'At Riverside');
});
