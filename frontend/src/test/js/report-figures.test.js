import test from 'node:test';
import assert from 'node:assert/strict';
import { bucketName, chatsWords, dayName, duration, heatmapWords, waitWords, weekdayName } from '../../main/resources/webroot/app/report/report-words.js';
import { chatsFigure, heatmapFigure, outcomeFigure, questionTypeFigure } from '../../main/resources/webroot/app/report/report-figures.js';
import { webroot } from './support/webroot.js';

const { createReport, reportQuery } = await webroot('app/report/report-store.js');

const cells = () => {
  const all = [];
  for (let weekday = 1; weekday <= 7; weekday++) for (let hour = 0; hour < 24; hour++) all.push({ weekday, hour, arrivals: 0, missed: 0 });
  return all;
};

test('durations read as a person says them', () => {
  assert.equal(duration(45), '45 s');
  assert.equal(duration(276), '4 min 36 s');
  assert.equal(duration(120), '2 min');
  assert.equal(duration(3900), '1 h 5 min');
  assert.equal(duration(null), 'none');
  assert.equal(bucketName({ fromSeconds: 0, toSeconds: 30 }), '0 s to 30 s');
  assert.equal(bucketName({ fromSeconds: 600, toSeconds: null }), '10 min or more');
});

test('days and weekdays are the library calendar’s, whatever the machine’s zone', () => {
  assert.equal(dayName('2026-03-02'), 'Mon, Mar 2, 2026');
  assert.equal(weekdayName(1), 'Monday');
  assert.equal(weekdayName(7), 'Sunday');
});

test('chats per day say the totals and the busiest day; per week label the week', () => {
  const figures = {
    daily: [{ day: '2026-03-01', arrivals: 1, answered: 1, missed: 0 }, { day: '2026-03-02', arrivals: 2, answered: 2, missed: 0 }],
    weekly: [{ weekStart: '2026-02-23', arrivals: 3, answered: 3, missed: 0 }],
  };
  const daily = chatsFigure(figures, 'day');
  assert.equal(daily.words, '3 chats: 3 answered, 0 missed. Busiest: Mon, Mar 2, 2026 (2).');
  assert.deepEqual(daily.rows[1], ['Mon, Mar 2, 2026', '2', '2', '0']);
  assert.equal(daily.file, 'daily');
  const weekly = chatsFigure(figures, 'week');
  assert.equal(weekly.file, 'weekly');
  assert.equal(weekly.rows[0][0], 'Week of Mon, Feb 23, 2026');
  assert.equal(chatsWords([{ arrivals: 0, answered: 0, missed: 0 }], () => ''), 'No chats in this range.');
});

test('the heatmap names its busiest hour and has a row per weekday with 24 hours', () => {
  const grid = cells();
  grid[10].arrivals = 2;
  grid[2 * 24 + 0].arrivals = 1;
  grid[2 * 24 + 0].missed = 1;
  assert.equal(heatmapWords(grid, 'arrivals'), 'Busiest hour: Monday 10:00–11:00 (2).');
  assert.equal(heatmapWords(grid, 'missed'), 'Most missed: Wednesday 00:00–01:00 (1).');
  const figure = heatmapFigure({ heatmap: grid }, 'arrivals');
  assert.equal(figure.rows.length, 7);
  assert.equal(figure.rows[0].length, 25);
  assert.equal(figure.rows[0][11], '2');
  assert.equal(heatmapWords(cells(), 'missed'), 'No chat was missed in this range.');
});

test('waits and outcomes in words; a type nobody recorded says so', () => {
  assert.equal(
    waitWords({ answered: 5, medianSeconds: 45, p90Seconds: 276, averageSeconds: 113 }),
    'Median wait 45 s; 9 in 10 answered chats waited 4 min 36 s or less (90th percentile); mean 1 min 53 s. 5 answered chats.',
  );
  const outcomes = outcomeFigure({ outcomes: { arrivals: 7, answered: 5, missed: 1, abandoned: 1, open: 0, answeredPercent: 71.4, missedPercent: 14.3 } });
  assert.equal(outcomes.words, 'Of 7 chats, 71.4% answered (5), 14.3% missed (1); 1 left before an answer, 0 still open.');
  assert.deepEqual(outcomes.rows[0], ['Answered', '5', '71.4%']);
  const types = questionTypeFigure({ questionTypes: [{ questionType: 'Research', entries: 2 }, { questionType: null, entries: 1 }] });
  assert.deepEqual(types.rows[1], ['Not recorded', '1']);
});

test('the store asks with the filters, keeps the queues of an all-queues answer, and downloads the shown range', async () => {
  const asked = [];
  const answer = { from: '2026-03-01', to: '2026-03-07', queueId: null, timezone: 'UTC', queryMillis: 4, figures: { queues: [{ queueId: 3, queue: 'Ask' }] } };
  let clock = 0;
  const saved = [];
  const report = createReport({
    call: async (path) => { asked.push(path); clock += 25; return answer; },
    fetchText: async (path) => ({ text: `csv of ${path}`, filename: 'refdesk-daily.csv' }),
    save: (name, text) => saved.push([name, text]),
    now: () => clock,
  });
  report.state.filters.from = '2026-03-01';
  report.state.filters.to = '2026-03-07';
  await report.load();
  assert.deepEqual(asked, ['/api/reports?from=2026-03-01&to=2026-03-07']);
  assert.equal(report.state.tookMs, 25);
  assert.deepEqual(report.state.queues, [{ id: 3, name: 'Ask' }]);
  report.state.filters.from = '2026-01-01';
  await report.download('daily');
  assert.deepEqual(saved, [['refdesk-daily.csv', 'csv of /api/reports/daily.csv?from=2026-03-01&to=2026-03-07']], 'the range shown, not the one typed');
  assert.equal(report.state.downloaded, 'refdesk-daily.csv');
  assert.equal(reportQuery({ from: '', to: '', queue: '7' }), '?queue=7');
});
