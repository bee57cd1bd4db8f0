// How the statistics form speaks of time: a duration in minutes and seconds, and the facts a chat
// brings with it.
import { t } from '../messages/t.js';

export function durationWords(seconds) {
  if (seconds === null || seconds === undefined) return t('stats.unknown');
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds % 60);
  return minutes ? t('stats.minutesSeconds', { minutes, seconds: rest }) : t('stats.seconds', { seconds: rest });
}

/** The values a save sends: every field's text, empty ones left out. */
export function valuesOf(fields, values) {
  const out = {};
  for (const field of fields) {
    const value = values[field.key];
    if (value === undefined || value === null || String(value).trim() === '') continue;
    out[field.key] = field.kind === 'number' ? Number(value) : String(value).trim();
  }
  return out;
}

/** The fields the operator must still fill in, in the form's order. */
export function missingRequired(fields, values) {
  return fields.filter((field) => field.required && (values[field.key] === undefined || String(values[field.key]).trim() === ''));
}
