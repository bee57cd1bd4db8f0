import test from 'node:test';
import assert from 'node:assert/strict';
import { coopApi, formToStep, stepToForm } from '../../main/resources/webroot/app/coop/coop-api.js';

test('a step goes to the form as text and back as numbers, with seconds only for unclaimed', () => {
  const form = stepToForm({ step: 1, toQueueId: 7, condition: 'unclaimed', afterSeconds: 90 });
  assert.deepEqual(form, { toQueueId: '7', condition: 'unclaimed', afterSeconds: '90' });
  assert.deepEqual(formToStep(form), { toQueueId: 7, condition: 'unclaimed', afterSeconds: 90 });
  const always = stepToForm({ toQueueId: 3, condition: 'always', afterSeconds: null });
  assert.equal(always.afterSeconds, '');
  assert.deepEqual(formToStep({ ...always, afterSeconds: '30' }), { toQueueId: 3, condition: 'always' });
});

test('the calls name the gateway paths and methods, a routes save replacing the whole cascade', async () => {
  const calls = [];
  const api = coopApi(async (path, options = {}) => {
    calls.push([options.method || 'GET', path, options.body]);
    return { coops: [], queues: [] };
  });
  await api.saveRoutes(5, [{ toQueueId: 9, condition: 'always' }]);
  await api.assign(4, 2, true);
  await api.assign(4, 2, false);
  await api.removeMember(1, 3);
  assert.deepEqual(calls, [
    ['PUT', '/api/admin/queues/5/routes', { steps: [{ toQueueId: 9, condition: 'always' }] }],
    ['PUT', '/api/admin/coop-queues/4/operators/2', undefined],
    ['DELETE', '/api/admin/coop-queues/4/operators/2', undefined],
    ['DELETE', '/api/admin/coops/1/members/3', undefined],
  ]);
});
