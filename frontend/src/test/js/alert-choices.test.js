import test from 'node:test';
import assert from 'node:assert/strict';
import { ALERT_DEFAULTS, alertChoices } from '../../main/resources/webroot/app/alerts/alert-choices.js';

test('nothing saved yet gives every default', () => {
  assert.deepEqual(alertChoices(undefined), { ...ALERT_DEFAULTS });
  assert.deepEqual(alertChoices({}), { ...ALERT_DEFAULTS });
});

test('saved choices are kept', () => {
  const saved = {
    sound: false, soundName: 'bell', volume: 0.25, desktop: false, titleFlash: false, escalationSound: false, messageSound: false, internalSound: false, onCall: true,
  };
  assert.deepEqual(alertChoices(saved), saved);
});

test('unknown names are dropped and impossible values fall back to the default, one by one', () => {
  const picked = alertChoices({ sound: 'yes', soundName: 'siren', volume: 3, desktop: false, permission: 'granted', title: false });
  assert.deepEqual(picked, { ...ALERT_DEFAULTS, desktop: false });
  assert.equal(alertChoices({ volume: 0 }).volume, 0, 'silent is a volume');
  assert.equal(alertChoices({ volume: -0.1 }).volume, ALERT_DEFAULTS.volume);
});
