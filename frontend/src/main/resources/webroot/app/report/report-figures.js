// Each chart of the reports screen from the server's figures: its heading, its numbers in words, its
// data table (column headings and rows of display text) and its ECharts option. Pure, so the words
// and tables a screen reader gets are tested without a browser.
import { t } from '../messages/t.js';
import {
  bucketName, chatsWords, dayName, duration, heatmapWords, hourName, outcomeWords, percent, ratingWords, topWords, waitWords, weekdayName,
} from './report-words.js';

// Our accent, online, danger, away and internal colours; the decal patterns tell series apart too.
const COLOURS = ['#1d5fa8', '#1b7a34', '#a3212b', '#a65a00', '#5a3ea6'];
const num = (value) => (value === null || value === undefined ? t('report.noFigure') : String(value));

function base(words) {
  return {
    color: COLOURS,
    animation: false,
    // The description is the figure's words: a screen reader on the chart hears the same sentence.
    aria: { enabled: true, label: { description: words }, decal: { show: true } },
    // Rich-text tooltips are drawn on the canvas: the page's style policy allows no inline styles.
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    textStyle: { fontFamily: 'system-ui, sans-serif' },
  };
}

function columnChart(words, categories, series, { legend = true } = {}) {
  return {
    ...base(words),
    legend: legend ? { top: 0, data: series.map((s) => s.name) } : undefined,
    xAxis: { type: 'category', data: categories, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({ type: 'bar', ...s })),
  };
}

function barChart(words, names, values, name) {
  return {
    ...base(words),
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 140, overflow: 'truncate' } },
    series: [{ type: 'bar', name, data: values, label: { show: true, position: 'right' } }],
  };
}

export function chatsFigure(figures, period) {
  const weekly = period === 'week';
  const rows = weekly ? figures.weekly : figures.daily;
  const labelOf = (row) => (weekly ? t('report.weekOf', { day: dayName(row.weekStart) }) : dayName(row.day));
  const words = chatsWords(rows, labelOf);
  const labels = rows.map(labelOf);
  return {
    id: 'report-chats', file: weekly ? 'weekly' : 'daily', title: weekly ? t('report.chatsPerWeek') : t('report.chatsPerDay'), words,
    columns: [weekly ? t('report.week') : t('report.day'), t('report.arrivals'), t('report.answered'), t('report.missed')],
    rows: rows.map((row, i) => [labels[i], num(row.arrivals), num(row.answered), num(row.missed)]),
    option: columnChart(words, labels, [
      { name: t('report.arrivals'), data: rows.map((r) => r.arrivals) },
      { name: t('report.answered'), data: rows.map((r) => r.answered) },
      { name: t('report.missed'), data: rows.map((r) => r.missed) },
    ]),
  };
}

export function heatmapFigure(figures, key) {
  const cells = figures.heatmap;
  const words = heatmapWords(cells, key);
  const hours = Array.from({ length: 24 }, (_, h) => hourName(h));
  const days = [1, 2, 3, 4, 5, 6, 7].map(weekdayName);
  const max = Math.max(1, ...cells.map((c) => c[key]));
  return {
    id: key === 'missed' ? 'report-heatmap-missed' : 'report-heatmap', file: 'heatmap',
    title: key === 'missed' ? t('report.heatmapMissed') : t('report.heatmapArrivals'), words,
    columns: [t('report.weekday'), ...hours],
    rows: days.map((day, d) => [day, ...cells.filter((c) => c.weekday === d + 1).map((c) => num(c[key]))]),
    option: {
      ...base(words),
      // Every cell says its number, so the pattern that tells bars apart would only add noise here.
      aria: { enabled: true, label: { description: words }, decal: { show: false } },
      tooltip: { renderMode: 'richText' },
      grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
      xAxis: { type: 'category', data: hours, splitArea: { show: true } },
      yAxis: { type: 'category', data: days, inverse: true, splitArea: { show: true } },
      visualMap: {
        min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120,
        inRange: { color: key === 'missed' ? ['#fdf0f0', COLOURS[2]] : ['#eef3fa', COLOURS[0]] },
      },
      // Each cell says its number: the shade is never the only way to read it.
      series: [{
        type: 'heatmap', name: key === 'missed' ? t('report.missed') : t('report.arrivals'),
        data: cells.map((c) => [c.hour, c.weekday - 1, c[key]]),
        label: { show: true, formatter: (p) => (p.value[2] ? String(p.value[2]) : '') },
      }],
    },
  };
}

export function waitFigure(figures) {
  const words = waitWords(figures.waitSummary);
  const names = figures.waits.map(bucketName);
  return {
    id: 'report-waits', file: 'waits', title: t('report.waits'), words,
    columns: [t('report.wait'), t('report.answeredChats')],
    rows: figures.waits.map((b, i) => [names[i], num(b.chats)]),
    option: columnChart(words, names, [{ name: t('report.answeredChats'), data: figures.waits.map((b) => b.chats) }], { legend: false }),
  };
}

export function outcomeFigure(figures) {
  const o = figures.outcomes;
  const words = outcomeWords(o);
  const share = (n) => (o.arrivals ? percent(Math.round((1000 * n) / o.arrivals) / 10) : t('report.noFigure'));
  const parts = [
    [t('report.answered'), o.answered], [t('report.missed'), o.missed], [t('report.abandoned'), o.abandoned], [t('report.open'), o.open],
  ];
  return {
    id: 'report-outcomes', file: 'outcomes', title: t('report.outcomes'), words,
    columns: [t('report.outcome'), t('report.chats'), t('report.share')],
    rows: parts.map(([name, n]) => [name, num(n), share(n)]),
    option: {
      ...base(words),
      tooltip: { trigger: 'item', renderMode: 'richText' },
      series: [{
        type: 'pie', radius: ['35%', '65%'], name: t('report.outcomes'),
        label: { formatter: '{b}: {c} ({d}%)' },
        data: parts.filter(([, n]) => n > 0).map(([name, value]) => ({ name, value })),
      }],
    },
  };
}

export function queueFigure(figures) {
  const rows = figures.queues;
  const words = topWords(rows, (r) => r.queue, (r) => r.arrivals, t('report.noChats'));
  return {
    id: 'report-queues', file: 'queues', title: t('report.byQueue'), words,
    columns: [t('report.queue'), t('report.arrivals'), t('report.answered'), t('report.missed'), t('report.medianWait')],
    rows: rows.map((r) => [r.queue, num(r.arrivals), num(r.answered), num(r.missed), duration(r.medianWaitSeconds)]),
    option: barChart(words, rows.map((r) => r.queue), rows.map((r) => r.arrivals), t('report.arrivals')),
  };
}

export function operatorFigure(figures) {
  const rows = figures.operators;
  const words = topWords(rows, (r) => r.operator, (r) => r.answered, t('report.noAnswered'));
  return {
    id: 'report-operators', file: 'operators', title: t('report.byOperator'), words,
    columns: [t('report.operator'), t('report.answered'), t('report.medianWait'), t('report.averageLength'), t('report.averageRating')],
    rows: rows.map((r) => [
      r.operator, num(r.answered), duration(r.medianWaitSeconds), duration(r.averageDurationSeconds),
      r.ratings ? t('report.ratingOf', { average: r.averageRating.toFixed(2), count: r.ratings }) : t('report.noFigure'),
    ]),
    option: barChart(words, rows.map((r) => r.operator), rows.map((r) => r.answered), t('report.answered')),
  };
}

export function tagFigure(figures) {
  const rows = figures.tags;
  const words = topWords(rows, (r) => r.tag, (r) => r.chats, t('report.noTags'));
  return {
    id: 'report-tags', file: 'tags', title: t('report.byTag'), words,
    columns: [t('report.tag'), t('report.chats')],
    rows: rows.map((r) => [r.tag, num(r.chats)]),
    option: rows.length ? barChart(words, rows.map((r) => r.tag), rows.map((r) => r.chats), t('report.chats')) : null,
  };
}

export function questionTypeFigure(figures) {
  const rows = figures.questionTypes;
  const nameOf = (r) => r.questionType || t('report.notRecorded');
  const words = topWords(rows, nameOf, (r) => r.entries, t('report.noEntries'));
  return {
    id: 'report-question-types', file: 'question-types', title: t('report.byQuestionType'), words,
    columns: [t('report.questionType'), t('report.entries')],
    rows: rows.map((r) => [nameOf(r), num(r.entries)]),
    option: rows.length ? barChart(words, rows.map(nameOf), rows.map((r) => r.entries), t('report.entries')) : null,
  };
}

export function ratingFigure(figures) {
  const words = ratingWords(figures.ratingSummary);
  const names = figures.ratings.map((r) => t('report.stars', { count: r.score }));
  return {
    id: 'report-ratings', file: 'ratings', title: t('report.byRating'), words,
    columns: [t('report.rating'), t('report.chats')],
    rows: figures.ratings.map((r, i) => [names[i], num(r.chats)]),
    option: columnChart(words, names, [{ name: t('report.chats'), data: figures.ratings.map((r) => r.chats) }], { legend: false }),
  };
}
