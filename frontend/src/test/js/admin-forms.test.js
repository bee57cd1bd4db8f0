// The admin pages' forms: a queue's hours typed as lines become the gateway's shape and back, a line
// that is not hours is named, and a sign-off time crosses between the browser's box and an instant.
import test from 'node:test';
import assert from 'node:assert/strict';
import { fromQueueForm, parseRanges, toQueueForm } from '../../main/resources/webroot/app/admin/queue-form.js';
import { fromLocalInput, toLocalInput } from '../../main/resources/webroot/app/admin/sign-off-time.js';

test('a day line of ranges becomes pairs of times, padded', () => {
  assert.deepEqual(parseRanges('9:00-12:00, 13:00 – 17:30'), { ranges: [['09:00', '12:00'], ['13:00', '17:30']] });
  assert.deepEqual(parseRanges(''), { ranges: [] });
  assert.deepEqual(parseRanges('all day'), { error: 'all day' });
});

test('a queue round-trips through its form', () => {
  const queue = {
    slug: 'maps', name: 'Map Room',
    settings: {
      color: '#7a2e8c', greeting: 'Hello',
      openingHours: { mon: [['09:00', '17:00']], closed: ['2026-12-25'] },
      prechatFields: [{ label: 'Library card', required: true, maxChars: 14 }],
    },
  };
  const form = toQueueForm(queue);
  assert.equal(form.days.mon, '09:00-17:00');
  assert.equal(form.days.tue, '');
  assert.equal(form.closed, '2026-12-25');
  assert.deepEqual(fromQueueForm(form).body, { slug: 'maps', name: 'Map Room', settings: queue.settings });
});

test('the first unreadable line is named, by day or closed days', () => {
  const form = toQueueForm(null);
  form.days.wed = 'noon';
  assert.deepEqual(fromQueueForm(form).problem, { field: 'wed', value: 'noon' });
  form.days.wed = '';
  form.closed = 'Christmas';
  assert.deepEqual(fromQueueForm(form).problem, { field: 'closed', value: 'Christmas' });
});

test('a sign-off time goes from the local box to an instant and back; empty is none', () => {
  const iso = fromLocalInput('2026-05-04T22:00');
  assert.equal(toLocalInput(iso), '2026-05-04T22:00');
  assert.equal(fromLocalInput(''), null);
  assert.equal(toLocalInput(null), '');
});
