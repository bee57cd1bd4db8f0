import test from 'node:test';
import assert from 'node:assert/strict';
import { fakeCall, fakeConnector } from './support/fake-desk.js';
import { webroot } from './support/webroot.js';

const { createRota, shiftPrompt } = await webroot('app/rota/rota-store.js');

const memory = () => {
  const items = new Map();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => items.set(k, v) };
};
const shift = { key: 'w1:2026-03-02', queue: { id: 1, name: 'Ask' } };
const emptyShift = { type: 'empty-shift', audience: 'admins', occurrence: 'w1:2026-03-02', queue: { name: 'Ask' } };

test('the start prompt stands while I am on shift and not online; the end prompt while I am not offline', () => {
  assert.equal(shiftPrompt({ phase: 'on', current: shift }, 'offline', []).kind, 'start');
  assert.equal(shiftPrompt({ phase: 'on', current: shift }, 'away', []).kind, 'start');
  assert.equal(shiftPrompt({ phase: 'on', current: shift }, 'online', []), null);
  assert.equal(shiftPrompt({ phase: 'wrap-up', current: shift }, 'online', []).kind, 'end');
  assert.equal(shiftPrompt({ phase: 'wrap-up', current: shift }, 'offline', []), null);
  assert.equal(shiftPrompt({ phase: 'off', current: null }, 'offline', []), null);
});

test('a dismissed prompt does not come back for that shift, after a reload either', async () => {
  const storage = memory();
  const call = fakeCall({ '/api/rota/me/now': { phase: 'on', current: shift } });
  const rota = createRota({ connector: fakeConnector(), call, isAdmin: () => false, storage });
  rota.dismiss('start', shift.key);
  assert.equal(shiftPrompt({ phase: 'on', current: shift }, 'offline', rota.state.dismissed), null);
  assert.equal(shiftPrompt({ phase: 'wrap-up', current: shift }, 'online', rota.state.dismissed).kind, 'end');
  const again = createRota({ connector: fakeConnector(), call, isAdmin: () => false, storage });
  assert.deepEqual(again.state.dismissed, ['start:w1:2026-03-02']);
});

test('an empty-shift alert is kept for an admin, once, and never for an operator', () => {
  const connector = fakeConnector();
  const admin = createRota({ connector, call: fakeCall({}), isAdmin: () => true, storage: memory() });
  admin.heard(emptyShift);
  admin.heard(emptyShift);
  assert.equal(admin.state.emptyShifts.length, 1);
  admin.dismissAlert(emptyShift.occurrence);
  assert.equal(admin.state.emptyShifts.length, 0);

  const operator = createRota({ connector, call: fakeCall({}), isAdmin: () => false, storage: memory() });
  operator.heard(emptyShift);
  assert.equal(operator.state.emptyShifts.length, 0);
});
