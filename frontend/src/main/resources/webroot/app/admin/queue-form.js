// A queue as its form shows it, and back: opening hours are typed one line a day as
// "09:00-17:00, 18:00-20:00" (empty: closed that day), closed days as "2026-12-24, 2026-12-25", and
// pre-chat fields as rows. The gateway checks everything again; this only turns text into its shape.
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const TEXTS = ['launcherLabel', 'color', 'greeting', 'hours', 'offlineMessage', 'transcriptNotice'];

export function toQueueForm(queue) {
  const settings = (queue && queue.settings) || {};
  const opening = settings.openingHours || {};
  const form = {
    slug: queue ? queue.slug : '',
    name: queue ? queue.name : '',
    days: Object.fromEntries(DAYS.map((day) => [day, (opening[day] || []).map((r) => `${r[0]}-${r[1]}`).join(', ')])),
    closed: (opening.closed || []).join(', '),
    fields: (settings.prechatFields || []).map((f) => ({ label: f.label, required: Boolean(f.required), maxChars: f.maxChars })),
  };
  for (const name of TEXTS) form[name] = typeof settings[name] === 'string' ? settings[name] : '';
  if (!form.color) form.color = '#1d5fa8';
  return form;
}

/** `{ranges}` for a day's line, or `{error}` naming what could not be read. */
export function parseRanges(line) {
  const text = String(line || '').trim();
  if (!text) return { ranges: [] };
  const ranges = [];
  for (const part of text.split(',')) {
    const m = /^\s*(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})\s*$/.exec(part);
    if (!m) return { error: part.trim() };
    const pad = (h, mm) => `${h.padStart(2, '0')}:${mm}`;
    ranges.push([pad(m[1], m[2]), pad(m[3], m[4])]);
  }
  return { ranges };
}

export function parseClosed(line) {
  const text = String(line || '').trim();
  if (!text) return { days: [] };
  const days = text.split(',').map((d) => d.trim()).filter(Boolean);
  const wrong = days.find((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d));
  return wrong ? { error: wrong } : { days };
}

/**
 * The request body for the form, or `{problem: {field, value}}` for the first line that is not
 * hours or dates: `field` is a day (`mon`…) or `closed`.
 */
export function fromQueueForm(form) {
  const openingHours = {};
  let any = false;
  for (const day of DAYS) {
    const read = parseRanges(form.days[day]);
    if (read.error !== undefined) return { problem: { field: day, value: read.error } };
    if (read.ranges.length) {
      openingHours[day] = read.ranges;
      any = true;
    }
  }
  const closed = parseClosed(form.closed);
  if (closed.error !== undefined) return { problem: { field: 'closed', value: closed.error } };
  if (closed.days.length) {
    openingHours.closed = closed.days;
    any = true;
  }
  const settings = {};
  for (const name of TEXTS) if (form[name] && form[name].trim()) settings[name] = form[name].trim();
  if (any) settings.openingHours = openingHours;
  const fields = form.fields.filter((f) => f.label && f.label.trim())
    .map((f) => ({ label: f.label.trim(), required: Boolean(f.required), maxChars: Number(f.maxChars) || 100 }));
  if (fields.length) settings.prechatFields = fields;
  return { body: { slug: form.slug.trim(), name: form.name.trim(), settings } };
}
