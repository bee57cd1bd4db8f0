// How the widget words times, places in line and links. The pure parts take no DOM, so they read
// (and can be tried in Node) on their own.
import { linkify } from '/shared/linkify.js';
import { LOCALE, t } from './messages/t.js';

// The catalogue's ordinal for each of the locale's ordinal plural rules (1st, 2nd, 3rd, 4th).
const ORDINALS = { zero: 'ordinal.other', one: 'ordinal.one', two: 'ordinal.two', few: 'ordinal.few', many: 'ordinal.other', other: 'ordinal.other' };
const ordinalRules = new Intl.PluralRules(LOCALE, { type: 'ordinal' });

/** The time of day in the patron's own locale and zone, worded as the operator app words it. */
export { clockTime as clock } from '/shared/clock.js';

/** 1st, 2nd, 3rd, 4th ... 11th, 12th, 13th ... 21st. */
export function ordinal(n) {
  return t(ORDINALS[ordinalRules.select(n)], { n });
}

/** A wait in whole minutes, never "0 minutes"; null when the queue has no history yet. */
export function minutes(seconds) {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return null;
  const n = Math.max(1, Math.round(seconds / 60));
  return t('waiting.aboutMinutes', { count: n });
}

/** "Waiting — you are 2nd in line, usual wait about 3 minutes", leaving out what is not known. */
export function waitingText(position, expectedWaitSeconds) {
  let place = '';
  if (position === 1) place = t('waiting.next');
  else if (Number.isInteger(position) && position > 1) place = t('waiting.place', { place: ordinal(position) });
  const wait = minutes(expectedWaitSeconds);
  const known = [place, wait && t('waiting.usual', { wait })].filter(Boolean).join(t('waiting.and'));
  return known ? t('waiting.known', { known }) : t('waiting.unknown');
}

/** The text as nodes: plain text, and links that open in a new tab without telling the target who sent them. */
export function linkedText(text) {
  const fragment = document.createDocumentFragment();
  for (const part of linkify(text)) {
    if (!part.href) {
      fragment.append(part.text);
      continue;
    }
    const a = document.createElement('a');
    a.href = part.href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.textContent = part.text;
    fragment.append(a);
  }
  return fragment;
}

/** Near-black or white, whichever reads better on a `#rgb`/`#rrggbb` background (WCAG luminance). */
export function textOn(color) {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color);
  if (!hex) return '#fff';
  const full = hex[1].length === 3 ? hex[1].replace(/./g, '$&$&') : hex[1];
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  // Above this luminance black text contrasts more than white.
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.179 ? '#111' : '#fff';
}
