import test from 'node:test';
import assert from 'node:assert/strict';
import { webroot } from './support/webroot.js';

// The browser as the alerts see it: storage, focus, the page title, notifications and audio.
const stored = new Map([['refdesk.alerts', JSON.stringify({ soundName: 'bell', title: false, volume: 7 })]]);
globalThis.localStorage = {
  getItem: (key) => (stored.has(key) ? stored.get(key) : null),
  setItem: (key, value) => stored.set(key, String(value)),
  removeItem: (key) => stored.delete(key),
};
const page = { hidden: false, focused: true, title: 'Refdesk' };
globalThis.document = {
  get hidden() { return page.hidden; },
  hasFocus: () => page.focused,
  get title() { return page.title; },
  set title(value) { page.title = value; },
};
const listeners = new Map();
globalThis.window = {
  addEventListener: (type, fn) => listeners.set(type, fn),
  removeEventListener: (type) => listeners.delete(type),
  focus() {},
};
const notes = [];
globalThis.Notification = class {
  static permission = 'granted';
  constructor(title, options) {
    notes.push({ title, ...options });
  }
  close() {}
};
const tones = [];
globalThis.AudioContext = class {
  state = 'running';
  currentTime = 0;
  destination = {};
  resume() { return Promise.resolve(); }
  close() { return Promise.resolve(); }
  createGain() {
    return { gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} }, connect: (to) => to };
  }
  createOscillator() {
    const osc = { frequency: {}, connect: (to) => to, start() {}, stop() {} };
    tones.push(osc);
    return osc;
  }
};

const { createAlerts, alertSettings, chooseAlert } = await webroot('app/alerts/alerts-store.js');

function fresh({ hidden = false, focused = true } = {}) {
  Object.assign(page, { hidden, focused, title: 'Refdesk' });
  notes.length = 0;
  tones.length = 0;
  const alerts = createAlerts();
  alerts.start();
  return alerts;
}

test('the choices cached on this desk are read back, an old `title` flag as titleFlash, a bad volume as the default', () => {
  assert.equal(alertSettings.soundName, 'bell');
  assert.equal(alertSettings.titleFlash, false);
  assert.equal(alertSettings.volume, 0.7);
  assert.equal(alertSettings.permission, 'granted');
});

test('a choice is taken only for a known name and a value it can have', () => {
  chooseAlert('titleFlash', true);
  chooseAlert('volume', 2);
  chooseAlert('soundName', 'siren');
  chooseAlert('permission', 'denied');
  assert.equal(alertSettings.titleFlash, true);
  assert.equal(alertSettings.volume, 0.7);
  assert.equal(alertSettings.soundName, 'bell');
  assert.equal(alertSettings.permission, 'granted');
});

test('a new chat while the operator looks at the desk rings, but neither flashes the title nor notifies', () => {
  const alerts = fresh();
  alerts.newChat({ title: 'New chat from Sam', body: 'Renew?' });
  assert.ok(tones.length > 0);
  assert.equal(page.title, 'Refdesk');
  assert.deepEqual(notes, []);
  alerts.stop();
});

test('a new chat while the operator looks elsewhere flashes a count in the title and notifies; focus stops it', () => {
  const alerts = fresh({ hidden: true, focused: false });
  chooseAlert('titleFlash', true);
  alerts.newChat({ title: 'New chat from Sam', body: 'Renew?' });
  alerts.newChat({ title: 'New chat from Kim', body: 'Hours?' });
  assert.match(page.title, /^\(1\) New chat — Refdesk$/);
  assert.deepEqual(notes.map((n) => [n.title, n.tag]), [['New chat from Sam', 'refdesk-new-chat'], ['New chat from Kim', 'refdesk-new-chat']]);
  listeners.get('focus')();
  assert.equal(page.title, 'Refdesk');
  alerts.stop();
});

test('a patron\'s reply has its own high sound; a chat overdue plays the chosen sound twice, louder', () => {
  const alerts = fresh();
  alerts.newMessage({ title: 'New message from Sam', body: 'hi', chatId: 4 });
  assert.deepEqual(tones.map((t) => t.frequency.value), [1568, 2093]);
  tones.length = 0;
  alerts.newChat({ title: 't', body: 'b' });
  const once = tones.length;
  tones.length = 0;
  alerts.overdue({ title: 'Overdue chat from Sam', body: '', count: 1 });
  assert.equal(tones.length, once * 2);
  alerts.stop();
});

test('with every sound turned off nothing plays, and without permission nothing is notified', () => {
  const alerts = fresh({ hidden: true, focused: false });
  chooseAlert('sound', false);
  chooseAlert('messageSound', false);
  chooseAlert('escalationSound', false);
  Notification.permission = 'denied';
  alerts.newChat({ title: 't', body: 'b' });
  alerts.newMessage({ title: 't', body: 'b', chatId: 1 });
  alerts.overdue({ title: 't', body: 'b', count: 1 });
  assert.deepEqual(tones, []);
  assert.deepEqual(notes, []);
  Notification.permission = 'granted';
  alerts.stop();
});
