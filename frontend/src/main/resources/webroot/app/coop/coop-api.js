// The co-op admin calls, in one place for both sections; `call` is the desk's authenticated api().
export function coopApi(call) {
  const json = (method, path, body) => call(path, { method, body });
  return {
    coops: () => call('/api/admin/coops').then((r) => r.coops),
    createCoop: (name, hostLibraryId) => json('POST', '/api/admin/coops', { name, hostLibraryId }),
    addMember: (coopId, libraryId) => json('POST', `/api/admin/coops/${coopId}/members`, { libraryId }),
    removeMember: (coopId, libraryId) => json('DELETE', `/api/admin/coops/${coopId}/members/${libraryId}`),
    queues: (coopId) => call(`/api/admin/coops/${coopId}/queues`).then((r) => r.queues),
    createQueue: (coopId, queue) => json('POST', `/api/admin/coops/${coopId}/queues`, queue),
    assignments: () => call('/api/admin/coop-queues'),
    assign: (queueId, operatorId, given) =>
      json(given ? 'PUT' : 'DELETE', `/api/admin/coop-queues/${queueId}/operators/${operatorId}`),
    routing: () => call('/api/admin/routing'),
    saveRoutes: (queueId, steps) => json('PUT', `/api/admin/queues/${queueId}/routes`, { steps }),
  };
}

/** A step as the form edits it, and back: seconds only for 'unclaimed'. */
export function stepToForm(step) {
  return { toQueueId: String(step.toQueueId), condition: step.condition, afterSeconds: step.afterSeconds == null ? '' : String(step.afterSeconds) };
}

export function formToStep(form) {
  const step = { toQueueId: Number(form.toQueueId), condition: form.condition };
  if (form.condition === 'unclaimed') step.afterSeconds = Number(form.afterSeconds);
  return step;
}
