// The alert choices an operator can make, as the server stores them (PUT /api/me/settings `alerts`),
// and the one rule for reading them: known names with values they can take, anything else the
// default. Pure: no Vue, no DOM, so Node tests cover it.

export const SOUNDS = [
  { value: 'chime', label: 'alerts.soundChime' },
  { value: 'bell', label: 'alerts.soundBell' },
  { value: 'beep', label: 'alerts.soundBeep' },
];

export const ALERT_DEFAULTS = Object.freeze({
  sound: true, soundName: 'chime', volume: 0.7, desktop: true, titleFlash: true, escalationSound: true, messageSound: true, internalSound: true,
  onCall: false,
});

/** Only the known choices, each with a value it can take or else its default. */
export function alertChoices(source) {
  const picked = {};
  for (const [name, fallback] of Object.entries(ALERT_DEFAULTS)) {
    const value = source ? source[name] : undefined;
    if (name === 'soundName') picked[name] = SOUNDS.some((s) => s.value === value) ? value : fallback;
    else if (name === 'volume') picked[name] = typeof value === 'number' && value >= 0 && value <= 1 ? value : fallback;
    else picked[name] = typeof value === 'boolean' ? value : fallback;
  }
  return picked;
}
