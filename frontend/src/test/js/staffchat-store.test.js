import test from 'node:test';
import assert from 'node:assert/strict';
import { settle } from './fakes.js';
import { fakeCall, fakeConnector, me } from './support/fake-desk.js';
import { webroot } from './support/webroot.js';

const { createStaffChat, placeMessage, roomOrder } = await webroot('app/staffchat/staffchat-store.js');

const ana = { kind: 'operator', id: 8, name: 'Ana Reyes' };
const ben = { kind: 'operator', id: me.operator.id, name: me.operator.name };
const msg = (roomId, seq, from, text = `m${seq}`, extra = {}) => ({
  type: 'message', roomId, seq, at: '2026-12-01T10:00:00Z', from, text, clientMsgId: `c${roomId}-${seq}`, ...extra,
});

const ROOMS = {
  rooms: [
    { id: 1, kind: 'staff', name: 'Riverside Library', lastSeq: 5, lastReadSeq: 3, unread: 2 },
    { id: 2, kind: 'direct', name: 'Ana Reyes', colleagueId: 8, lastSeq: 0, lastReadSeq: 0, unread: 0 },
  ],
};

function setup({ wide = true, routes = {} } = {}) {
  const connector = fakeConnector();
  const call = fakeCall({
    '/api/presence': { operators: [{ id: 7, name: 'Ben Okafor', status: 'online' }, { id: 9, name: 'Zoe Park', status: 'away' }, { id: 8, name: 'Ana Reyes', status: 'online' }] },
    '/api/internal/rooms': ROOMS,
    'POST /api/internal/rooms/1/read': (o) => ({ lastReadSeq: o.body.seq }),
    'POST /api/internal/rooms/2/read': (o) => ({ lastReadSeq: o.body.seq }),
    ...routes,
  });
  const announced = [];
  const alerts = [];
  const staff = createStaffChat({
    me, connector, call, isWide: () => wide, announce: (text) => announced.push(text), alert: (a) => alerts.push(a),
  });
  return { staff, connector, call, announced, alerts };
}

test('messages go in seq order and a seq already held is ignored', () => {
  const list = [];
  for (const seq of [3, 1, 2, 3, 5, 1, 4]) placeMessage(list, { seq });
  assert.deepEqual(list.map((m) => m.seq), [1, 2, 3, 4, 5]);
  assert.equal(placeMessage(list, { seq: 'x' }), false, 'an unnumbered event is not a message');
});

test('the staff room comes first, then direct rooms by name', () => {
  const rooms = [{ id: 3, kind: 'direct', name: 'Zoe' }, { id: 4, kind: 'direct', name: 'Ana' }, { id: 1, kind: 'staff', name: 'Riverside' }];
  assert.deepEqual(rooms.sort(roomOrder).map((r) => r.id), [1, 4, 3]);
});

test('colleagues are the others of the library, by name, and follow presence events', async () => {
  const { staff, connector } = setup();
  staff.start();
  await settle();
  assert.deepEqual(staff.state.colleagues.map((c) => [c.name, c.status]), [['Ana Reyes', 'online'], ['Zoe Park', 'away']]);
  connector.publish('presence.1', { type: 'presence', operatorId: 8, name: 'Ana Reyes', status: 'internal' });
  connector.publish('presence.1', { type: 'presence', operatorId: 7, name: 'Ben Okafor', status: 'away' });
  connector.publish('presence.1', { type: 'presence', operatorId: 10, name: 'Cy Bell', status: 'online' });
  assert.deepEqual(staff.state.colleagues.map((c) => [c.name, c.status]), [['Ana Reyes', 'internal'], ['Cy Bell', 'online'], ['Zoe Park', 'away']]);
});

test('rooms are followed from the read mark; unread ones already counted are not counted twice', async () => {
  const { staff, connector, alerts } = setup();
  staff.start();
  await settle();
  const room = staff.roomOf(1);
  assert.equal(connector.roomFollowedFrom(1), 3);
  assert.equal(room.unread, 2);
  connector.roomEvent(1, msg(1, 4, ana));
  connector.roomEvent(1, msg(1, 5, ana));
  assert.equal(room.unread, 2, 'the server counted 4 and 5 already');
  assert.equal(alerts.length, 0);
  connector.roomEvent(1, msg(1, 6, ana));
  assert.equal(room.unread, 3);
  assert.equal(alerts.length, 1);
  assert.equal(staff.unreadTotal(), 3);
});

test('a resumed page overlapping live events adds each message once and never counts it twice', async () => {
  const { staff, connector, announced } = setup();
  staff.start();
  await settle();
  const room = staff.roomOf(2);
  connector.roomEvent(2, msg(2, 2, ana));
  connector.roomEvent(2, msg(2, 1, ana));
  connector.roomEvent(2, msg(2, 2, ana));
  connector.roomEvent(2, msg(2, 1, ana));
  assert.deepEqual(room.messages.map((m) => m.seq), [1, 2]);
  assert.equal(room.unread, 2);
  assert.equal(announced.length, 2);
});

test('the operator\'s own messages are never unread; their echo settles what was pending', async () => {
  const { staff, connector } = setup();
  staff.start();
  await settle();
  const room = staff.roomOf(2);
  staff.setDraft(room, 'Can you cover the desk?');
  assert.equal(staff.send(room), true);
  assert.equal(room.draft, '');
  assert.equal(room.pending.length, 1);
  const sent = connector.messages[0];
  assert.equal(sent.roomId, 2);
  connector.roomEvent(2, msg(2, 1, ben, sent.text, { clientMsgId: sent.clientMsgId }));
  assert.equal(room.pending.length, 0);
  assert.equal(room.unread, 0);
  staff.setDraft(room, '   ');
  assert.equal(staff.send(room), false, 'nothing to send');
});

test('a room in front of the operator is read at once, on the server too; on a phone only in the room view', async () => {
  const { staff, connector, call, alerts } = setup({ wide: false });
  staff.start();
  await settle();
  const room = staff.roomOf(2);
  staff.show(room);
  connector.roomEvent(2, msg(2, 1, ana));
  assert.equal(room.unread, 0);
  assert.equal(alerts.length, 0, 'no sound for what is on screen');
  assert.deepEqual(call.calls.filter((c) => c.path === '/api/internal/rooms/2/read').map((c) => c.body), [{ seq: 1 }]);
  staff.backToList();
  connector.roomEvent(2, msg(2, 2, ana));
  assert.equal(room.unread, 1, 'the list is on screen, not the room');
  staff.show(room);
  assert.equal(room.unread, 0);
});

test('opening a colleague\'s room asks the server once, then finds it; a colleague\'s new room is heard from its start', async () => {
  const { staff, connector, call } = setup({
    routes: { 'POST /api/internal/rooms': { id: 3, kind: 'direct', name: 'Zoe Park', colleagueId: 9, lastSeq: 0, lastReadSeq: 0, unread: 0 } },
  });
  staff.start();
  await settle();
  const room = await staff.talkTo(9);
  assert.equal(room.id, 3);
  assert.equal(await staff.roomFor(9), room);
  assert.equal(call.calls.filter((c) => c.method === 'POST' && c.path === '/api/internal/rooms').length, 1);
  assert.deepEqual(staff.state.rooms.map((r) => r.id), [1, 2, 3]);

  call.routes['/api/internal/rooms'] = {
    rooms: [...ROOMS.rooms, { id: 4, kind: 'direct', name: 'Cy Bell', colleagueId: 10, lastSeq: 1, lastReadSeq: 0, unread: 1 }],
  };
  connector.publish('operator.7', { type: 'internal-room', roomId: 4 });
  await settle();
  const fresh = staff.roomOf(4);
  assert.equal(connector.roomFollowedFrom(4), 0);
  assert.equal(fresh.unread, 0, 'counted as its messages arrive');
  connector.roomEvent(4, msg(4, 1, { kind: 'operator', id: 10, name: 'Cy Bell' }));
  assert.equal(fresh.unread, 1);
});

test('history before the read mark is fetched on opening, and merges with what was heard', async () => {
  const { staff, connector } = setup({
    routes: { '/api/internal/rooms/1/events?after=0&limit=200': { events: [msg(1, 1, ana), msg(1, 2, ben), msg(1, 3, ana)], more: false, lastSeq: 3 } },
  });
  staff.start();
  await settle();
  const room = staff.roomOf(1);
  connector.roomEvent(1, msg(1, 4, ana));
  staff.show(room);
  await settle();
  assert.deepEqual(room.messages.map((m) => m.seq), [1, 2, 3, 4]);
  assert.equal(room.history, 'done');
});

test('search asks the server and keeps only the answer to the latest words', async () => {
  const { staff } = setup({
    routes: { '/api/internal/search?q=maps%20room': { messages: [msg(1, 2, ana, 'the maps room')] } },
  });
  await staff.search('maps room');
  assert.equal(staff.state.search.results.length, 1);
  await staff.search('  ');
  assert.equal(staff.state.search.results, null);
});
