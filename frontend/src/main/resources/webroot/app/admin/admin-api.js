// The admin pages' calls to the gateway, one function each; the gateway checks the caller's library
// and role on every one, so these only choose what to ask.
export function createAdminApi({ call }) {
  const put = (path, body) => call(path, { method: 'PUT', body });
  const post = (path, body = {}) => call(path, { method: 'POST', body });
  return {
    libraries: () => call('/api/admin/libraries').then((a) => a.libraries),
    createLibrary: (library) => post('/api/admin/libraries', library),
    editLibrary: (id, change) => put(`/api/admin/libraries/${id}`, change),

    queues: () => call('/api/admin/queues').then((a) => a.queues),
    createQueue: (queue) => post('/api/admin/queues', queue),
    editQueue: (id, queue) => put(`/api/admin/queues/${id}`, queue),
    removeQueue: (id) => call(`/api/admin/queues/${id}`, { method: 'DELETE' }),
    restoreQueue: (id) => post(`/api/admin/queues/${id}/restore`),

    operators: () => call('/api/admin/operators').then((a) => a.operators),
    createOperator: (operator) => post('/api/admin/operators', operator),
    editOperator: (id, change) => put(`/api/admin/operators/${id}`, change),
    disableOperator: (id) => post(`/api/admin/operators/${id}/disable`),
    enableOperator: (id) => post(`/api/admin/operators/${id}/enable`),
    signOffNow: (id) => post(`/api/admin/operators/${id}/sign-off`),
    scheduleSignOff: (id, at) => put(`/api/admin/operators/${id}/sign-off-at`, { at }),
    scheduleEveryone: (at) => put('/api/admin/sign-off-at', { at }),

    online: () => call('/api/admin/online').then((a) => a.operators),

    settings: () => call('/api/library/settings'),
    saveSettings: (change) => put('/api/admin/library/settings', change),
  };
}
