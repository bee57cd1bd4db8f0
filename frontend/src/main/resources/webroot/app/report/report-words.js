// The reports' numbers in words: durations, days, hours, and one sentence per figure, so a person who
// cannot see a chart reads what it shows. Pure functions over the server's figures.
import { t } from '../messages/t.js';

const WEEKDAY = new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: 'UTC' });
const DAY = new Intl.DateTimeFormat('en', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** 1 Monday … 7 Sunday, as ISO numbers them (1 January 2024 was a Monday). */
export const weekdayName = (isoDay) => WEEKDAY.format(new Date(Date.UTC(2024, 0, isoDay)));

/** "Mon, 2 Mar 2026" for a date of the library's calendar ("2026-03-02"). */
export function dayName(iso) {
  const [y, m, d] = String(iso).split('-').map(Number);
  return DAY.format(new Date(Date.UTC(y, m - 1, d)));
}

export const hourName = (hour) => `${String(hour).padStart(2, '0')}:00`;

/** "45 s", "4 min 36 s", "1 h 5 min"; a dash-free "none" when there is nothing to measure. */
export function duration(seconds) {
  if (seconds === null || seconds === undefined) return t('report.noFigure');
  const whole = Math.round(seconds);
  if (whole < 60) return t('report.seconds', { seconds: whole });
  if (whole < 3600) {
    const rest = whole % 60;
    const minutes = Math.floor(whole / 60);
    return rest ? t('report.minutesSeconds', { minutes, seconds: rest }) : t('report.minutes', { minutes });
  }
  return t('report.hoursMinutes', { hours: Math.floor(whole / 3600), minutes: Math.floor((whole % 3600) / 60) });
}

/** A wait bucket: "0 s to 30 s", "10 min or more". */
export function bucketName({ fromSeconds, toSeconds }) {
  return toSeconds === null || toSeconds === undefined
    ? t('report.bucketOpen', { from: duration(fromSeconds) })
    : t('report.bucket', { from: duration(fromSeconds), to: duration(toSeconds) });
}

export const percent = (value) => (value === null || value === undefined ? t('report.noFigure') : t('report.percent', { value }));

export function chatsWords(rows, labelOf) {
  const total = (key) => rows.reduce((sum, row) => sum + row[key], 0);
  const arrivals = total('arrivals');
  if (!arrivals) return t('report.noChats');
  const busiest = rows.reduce((best, row) => (row.arrivals > best.arrivals ? row : best), rows[0]);
  return t('report.chatsWords', {
    count: arrivals, answered: total('answered'), missed: total('missed'), busiest: labelOf(busiest), busiestCount: busiest.arrivals,
  });
}

export function heatmapWords(cells, key) {
  const top = cells.reduce((best, cell) => (cell[key] > best[key] ? cell : best), cells[0]);
  if (!top || !top[key]) return key === 'missed' ? t('report.noMissed') : t('report.noChats');
  return t(key === 'missed' ? 'report.heatmapMissedWords' : 'report.heatmapWords', {
    day: weekdayName(top.weekday), from: hourName(top.hour), to: hourName((top.hour + 1) % 24), count: top[key],
  });
}

export function waitWords(summary) {
  if (!summary || !summary.answered) return t('report.noAnswered');
  return t('report.waitWords', {
    count: summary.answered, median: duration(summary.medianSeconds), p90: duration(summary.p90Seconds), average: duration(summary.averageSeconds),
  });
}

export function outcomeWords(outcomes) {
  if (!outcomes || !outcomes.arrivals) return t('report.noChats');
  return t('report.outcomeWords', {
    count: outcomes.arrivals, answered: outcomes.answered, answeredPercent: percent(outcomes.answeredPercent),
    missed: outcomes.missed, missedPercent: percent(outcomes.missedPercent), abandoned: outcomes.abandoned, open: outcomes.open,
  });
}

/** "Most: Ask Eastbank, 5." for a breakdown, or what it means that there is none. */
export function topWords(rows, nameOf, valueOf, empty) {
  const shown = rows.filter((row) => valueOf(row) > 0);
  if (!shown.length) return empty;
  const top = shown.reduce((best, row) => (valueOf(row) > valueOf(best) ? row : best), shown[0]);
  return t('report.topWords', { name: nameOf(top), count: valueOf(top), groups: shown.length });
}

export function ratingWords(summary) {
  if (!summary || !summary.ratings) return t('report.noRatings');
  return t('report.ratingWords', { count: summary.ratings, average: summary.averageScore.toFixed(2) });
}
