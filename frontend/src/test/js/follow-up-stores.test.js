import test from 'node:test';
import assert from 'node:assert/strict';
import { apiError, fakeCall, me } from './support/fake-desk.js';
import { webroot } from './support/webroot.js';

const { createTickets } = await webroot('app/tickets/tickets-store.js');
const { createMissed } = await webroot('app/missed/missed-store.js');

const words = { replied: 'replied', noted: 'noted', assigned: 'assigned', status: (s) => `status ${s}` };
const ticket = (id, extra = {}) => ({ id, subject: `T${id}`, status: 'new', chatId: null, assignee: null, ...extra });

test('the filters become the list query; "anyone" asks for no assignee', async () => {
  const call = fakeCall({
    '/api/tickets': { tickets: [ticket(1)] },
    '/api/tickets?status=open&assignee=me': { tickets: [ticket(2)] },
  });
  const tickets = createTickets({ me, call, words });
  await tickets.load();
  assert.deepEqual(tickets.state.list.map((x) => x.id), [1]);
  tickets.state.filters.status = 'open';
  await tickets.setFilter('assignee', 'me');
  assert.deepEqual(tickets.state.list.map((x) => x.id), [2]);
});

test('an answer to an older list request never replaces a newer one', async () => {
  let release;
  const slow = new Promise((resolve) => { release = resolve; });
  const call = fakeCall({
    '/api/tickets?status=new': () => slow,
    '/api/tickets?status=closed': { tickets: [ticket(9, { status: 'closed' })] },
  });
  const tickets = createTickets({ me, call, words });
  const first = tickets.setFilter('status', 'new');
  await tickets.setFilter('status', 'closed');
  release({ tickets: [ticket(3)] });
  await first;
  assert.deepEqual(tickets.state.list.map((x) => x.id), [9]);
  assert.equal(tickets.state.loading, false);
});

test('a reply keeps the answered ticket, updates its line and is announced; a refusal is shown', async () => {
  const heard = [];
  const call = fakeCall({
    '/api/tickets': { tickets: [ticket(4)] },
    '/api/tickets/4': { ...ticket(4), messages: [], history: [] },
    '/api/presence': { operators: [{ id: 7, name: 'Ben Okafor' }, { id: 8, name: 'Alice' }] },
    'POST /api/tickets/4/messages': (options) => (options.body.kind === 'reply'
      ? { ...ticket(4, { status: 'pending' }), messages: [{ id: 1, kind: 'to_patron', text: 'Hi' }], history: [] }
      : apiError(409, 'conflict', 'closed')),
  });
  const tickets = createTickets({ me, call, words, announce: (text) => heard.push(text) });
  await tickets.load();
  await tickets.open(4);
  assert.equal(await tickets.reply('Hi'), true);
  assert.equal(tickets.state.current.messages.length, 1);
  assert.equal(tickets.state.list[0].status, 'pending');
  assert.equal(tickets.state.list[0].messages, undefined, 'the list line has no thread');
  assert.deepEqual(heard, ['replied']);
  assert.equal(await tickets.note('x'), false);
  assert.equal(tickets.state.actionError, 'closed');
  assert.deepEqual(tickets.state.colleagues.map((c) => c.id), [8], 'colleagues are the others');
});

test('a ticket from a chat is remembered by chat; a missing e-mail comes back as its code', async () => {
  const call = fakeCall({
    'POST /api/chats/5/ticket': { ...ticket(11, { chatId: 5 }), messages: [], history: [] },
    'POST /api/chats/6/ticket': apiError(409, 'email_required'),
  });
  const tickets = createTickets({ me, call, words });
  const made = await tickets.fromChat(5, 'a note');
  assert.equal(made.ticket.id, 11);
  assert.equal(tickets.state.byChat[5], 11);
  assert.deepEqual(call.calls[0].body, { note: 'a note' });
  const refused = await tickets.fromChat(6);
  assert.equal(refused.error.code, 'email_required');
  assert.equal(tickets.state.byChat[6], undefined);
});

test('going online reviews the missed chats once; dismissing and ticketing take them off the list', async () => {
  const heard = [];
  const call = fakeCall({
    '/api/chats/missed?since=shift': { chats: [{ chatId: 1, email: 'a@b.org' }, { chatId: 2, email: null }], lastShiftEnd: null },
    'POST /api/chats/1/ticket': { ...ticket(20, { chatId: 1 }), messages: [], history: [] },
    'POST /api/chats/2/dismiss': { chatId: 2, reason: 'spam' },
  });
  const tickets = createTickets({ me, call, words });
  const missed = createMissed({ call, tickets, announce: (text) => heard.push(text), words: (n) => `${n} missed` });
  missed.statusChanged('away', 'online');
  missed.statusChanged('online', 'online');
  assert.equal(call.calls.length, 0, 'only going online starts a shift');
  await missed.statusChanged('online', 'offline');
  await missed.review();
  assert.equal(call.calls.filter((c) => c.path.startsWith('/api/chats/missed')).length, 2);
  assert.equal(missed.state.shown, true);
  assert.equal(heard[0], '2 missed');
  await missed.makeTicket(1);
  assert.deepEqual(await missed.dismiss(2, 'spam', ''), { ok: true });
  assert.deepEqual(call.calls.at(-1).body, { reason: 'spam' });
  assert.deepEqual(missed.state.chats, []);
});
