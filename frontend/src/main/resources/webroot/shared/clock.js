// The time of day of an event as the person's own browser writes it (their locale: 18:04 or 6:04 PM),
// in their own time zone: one wording for the widget and the operator app.

/** "18:04" or "6:04 PM"; empty for a missing or broken time. `locale` is for tests. */
export function clockTime(iso, locale = undefined) {
  const date = new Date(iso || NaN);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(date);
}
