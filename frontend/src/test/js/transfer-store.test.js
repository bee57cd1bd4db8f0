import test from 'node:test';
import assert from 'node:assert/strict';
import { settle } from './fakes.js';
import { fakeCall, fakeConnector, me } from './support/fake-desk.js';
import { webroot } from './support/webroot.js';

const { createTransfers } = await webroot('app/transfer/transfer-store.js');
const { cardFromChat, linksFromText } = await webroot('app/transfer/hand-off-card.js');
const { eventLine } = await webroot('app/transfer/event-line.js');

const handoff = (extra = {}) => ({
  id: 7, kind: 'transfer', chatId: 4, patronName: 'Sam', question: 'Maps?', from: { id: 99, name: 'Alice' },
  toOperator: { id: me.operator.id, name: me.operator.name }, toQueue: null,
  card: { needs: 'Old maps', tried: '', links: [] }, stay: false, state: 'pending', reason: null, ...extra,
});

function setup(routes = {}) {
  const connector = fakeConnector();
  const call = fakeCall({ '/api/handoffs': { incoming: [], outgoing: [] }, ...routes });
  const opened = [];
  const handedOver = [];
  const announced = [];
  const alerts = [];
  const chats = {
    open: (chat, seenUpTo) => ({ ...chat, seenUpTo }),
    handedOver: (chatId, why = 'transferred') => handedOver.push([chatId, why]),
  };
  const transfers = createTransfers({
    me, connector, call, chats, openTab: (tab) => opened.push(tab), announce: (text) => announced.push(text), alert: (a) => alerts.push(a),
  });
  return { transfers, connector, call, opened, handedOver, announced, alerts };
}

test('an offer heard on the operator\'s own address is listed, announced and rung; its closing takes it away', async () => {
  const { transfers, connector, announced, alerts } = setup();
  transfers.start();
  await settle();
  connector.publish(`operator.${me.operator.id}`, { type: 'handoff-offered', handoff: handoff() });
  connector.publish(`operator.${me.operator.id}`, { type: 'handoff-offered', handoff: handoff() });
  assert.equal(transfers.state.incoming.length, 1, 'the same offer twice is listed once');
  assert.equal(announced.length, 1);
  assert.equal(alerts[0].body, 'Old maps');
  connector.publish(`operator.${me.operator.id}`, { type: 'handoff-closed', handoffId: 7 });
  assert.equal(transfers.state.incoming.length, 0);
});

test('accepting opens the chat from its first event with what came before as history', async () => {
  const { transfers, opened } = setup({ 'POST /api/handoffs/7/accept': { chatId: 4, seq: 9 } });
  transfers.state.incoming.push(handoff());
  await transfers.accept(handoff());
  assert.equal(opened[0].chatId, 4);
  assert.equal(opened[0].seenUpTo, 9);
  assert.equal(transfers.state.incoming.length, 0);
});

test('a declined transfer keeps the reason for the sender; an accepted one hands the tab over unless they stay', async () => {
  const { transfers, connector, handedOver } = setup({ 'POST /api/chats/4/transfer': handoff({ from: { id: me.operator.id, name: 'Me' } }) });
  transfers.start();
  await transfers.transfer(4, { toOperatorId: 5, card: { needs: 'x' } });
  assert.ok(transfers.outgoingOf(4));
  connector.publish(`operator.${me.operator.id}`, { type: 'handoff-answered', handoff: handoff({ state: 'declined', reason: 'Busy' }) });
  assert.equal(transfers.outgoingOf(4), null);
  assert.equal(transfers.answerOf(4).reason, 'Busy');
  assert.deepEqual(handedOver, []);
  connector.publish(`operator.${me.operator.id}`, { type: 'handoff-answered', handoff: handoff({ state: 'accepted' }) });
  assert.deepEqual(handedOver, [[4, 'transferred']]);
  connector.publish(`operator.${me.operator.id}`, { type: 'handoff-answered', handoff: handoff({ id: 8, state: 'accepted', stay: true }) });
  assert.equal(handedOver.length, 1, 'a sender who stays keeps the tab open');
});

test('a card starts from the question, the tags and only this operator\'s links', () => {
  const events = [
    { type: 'message', from: { kind: 'patron' }, text: 'see https://patron.example/x' },
    { type: 'message', from: { kind: 'operator', id: 1 }, text: 'Try https://lib.example/maps and https://lib.example/maps.' },
    { type: 'message', from: { kind: 'operator', id: 2 }, text: 'https://colleague.example' },
  ];
  const card = cardFromChat({ question: 'Maps?', tags: [{ name: 'maps' }], events, meId: 1 });
  assert.deepEqual(card, { needs: 'Maps?', tags: ['maps'], links: ['https://lib.example/maps'] });
  assert.deepEqual(linksFromText(' https://a.example \n\n https://b.example'), ['https://a.example', 'https://b.example']);
});

test('a transfer\'s event names who handed the chat to whom', () => {
  const t = (key, params) => `${key}:${JSON.stringify(params)}`;
  const line = eventLine({ type: 'transferred', fromOperator: { name: 'A' }, toOperator: { name: 'B' }, toQueue: null }, t);
  assert.equal(line, 'events.transferredTo:{"from":"A","to":"B"}');
  assert.match(eventLine({ type: 'left', from: { name: 'B' } }, t), /events.left/);
});
