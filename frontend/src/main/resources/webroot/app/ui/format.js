// Short, readable wording for times and browsers. Pure functions: no Vue, no DOM. Browser and system
// names are names, the same in every language; the words around them come from the catalogue.
import { t } from '../messages/t.js';

/** "just now", "4 min", "1 h 12 min": how long since `iso`, as a person at the desk says it. */
export function waitedFor(iso, now = Date.now()) {
  const since = Date.parse(iso);
  if (Number.isNaN(since)) return '';
  const minutes = Math.floor(Math.max(0, now - since) / 60000);
  if (minutes < 1) return t('time.justNow');
  if (minutes < 60) return t('time.minutes', { minutes });
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? t('time.hoursMinutes', { hours, minutes: rest }) : t('time.hours', { hours });
}

/** The time of day of an event, in the operator's own locale and zone (the widget says it alike). */
export { clockTime } from '../../shared/clock.js';

/** The first non-empty line of a question, for lists where a whole question would not fit. */
export function firstLine(text) {
  const line = String(text || '').split('\n').map((l) => l.trim()).find(Boolean) || '';
  return line.length > 140 ? `${line.slice(0, 139)}…` : line;
}

/** At most `max` characters, for announcements and notifications. */
export function shorten(text, max = 120) {
  const flat = String(text || '').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

// Order matters: Edge and Opera also say "Chrome", and Chrome also says "Safari".
const BROWSERS = [
  ['Edge', /Edg(?:e|A|iOS)?\/(\d+)/],
  ['Opera', /(?:OPR|Opera)\/(\d+)/],
  ['Samsung Internet', /SamsungBrowser\/(\d+)/],
  ['Firefox', /(?:Firefox|FxiOS)\/(\d+)/],
  ['Chrome', /(?:Chrome|CriOS)\/(\d+)/],
  ['Safari', /Version\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//],
];

const SYSTEMS = [
  ['iPad', /iPad/],
  ['iPhone', /iPhone/],
  ['Android', /Android/],
  ['ChromeOS', /CrOS/],
  ['Windows', /Windows/],
  ['macOS', /Mac OS X|Macintosh/],
  ['Linux', /Linux/],
];

/** "Firefox 128 on Windows, desktop" from a User-Agent header; "Unknown browser" when it says nothing. */
export function describeBrowser(userAgent) {
  const ua = String(userAgent || '');
  if (!ua.trim()) return t('browser.unknown');
  const browser = BROWSERS.find(([, pattern]) => pattern.test(ua));
  const system = SYSTEMS.find(([, pattern]) => pattern.test(ua));
  // A script or a bot: guessing a device for it would only mislead.
  if (!browser && !system) return t('browser.unknown');
  const name = browser ? `${browser[0]} ${ua.match(browser[1])[1]}` : t('browser.unknown');
  const what = system ? t('browser.on', { browser: name, system: system[0] }) : name;
  return t('browser.described', { what, device: deviceKind(ua) });
}

function deviceKind(ua) {
  if (/iPad|Tablet/.test(ua) || (/Android/.test(ua) && !/Mobile/.test(ua))) return t('browser.tablet');
  if (/Mobi|iPhone/.test(ua)) return t('browser.phone');
  return t('browser.desktop');
}

/** "Today 18:04", or "Tue 24 Nov, 18:04" for another day: when an earlier chat happened. */
export function dayAndTime(iso, now = Date.now()) {
  // new Date(null) is 1970, a real date: a missing time must not become one.
  const date = new Date(iso || NaN);
  if (Number.isNaN(date.getTime())) return '';
  const time = date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  if (date.toDateString() === new Date(now).toDateString()) return t('time.today', { time });
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  const day = date.toLocaleDateString([], { weekday: 'short', day: 'numeric', month: 'short', year: sameYear ? undefined : 'numeric' });
  return t('time.dayAndTime', { day, time });
}
