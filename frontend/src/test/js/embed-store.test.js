import test from 'node:test';
import assert from 'node:assert/strict';
import { apiError, fakeCall } from './support/fake-desk.js';
import { webroot } from './support/webroot.js';

const { createEmbed } = await webroot('app/embed/embed-store.js');

const snippets = {
  publicUrl: 'https://chat.example',
  placements: ['floating', 'link'],
  queues: [{ id: 1, slug: 'ask', name: 'Ask', placements: [{ placement: 'floating', snippet: '<script></script>' }] }],
};

test('loading reads the sites and the snippets together', async () => {
  const call = fakeCall({
    '/api/admin/widget/sites': { sites: [{ origin: 'https://a.example' }], limit: 50 },
    '/api/admin/widget/snippets': snippets,
  });
  const embed = createEmbed({ call });
  await embed.load();
  assert.deepEqual(embed.state.sites.map((s) => s.origin), ['https://a.example']);
  assert.equal(embed.state.limit, 50);
  assert.equal(embed.state.queues[0].slug, 'ask');
  assert.deepEqual(embed.state.placements, ['floating', 'link']);
  assert.equal(embed.state.error, '');
});

test('a refused load keeps the gateway\'s words', async () => {
  const refused = apiError(403, 'forbidden', 'Only an admin of the library may do this.');
  const call = fakeCall({ '/api/admin/widget/sites': refused, '/api/admin/widget/snippets': refused });
  const embed = createEmbed({ call });
  await embed.load();
  assert.equal(embed.state.error, 'Only an admin of the library may do this.');
  assert.equal(embed.state.sites, null);
});

test('adding answers the origin as the gateway keeps it and reads the list again; removing names the origin in the address', async () => {
  let listed = [];
  const call = fakeCall({
    '/api/admin/widget/sites': () => ({ sites: listed, limit: 50 }),
    'POST /api/admin/widget/sites': ({ body }) => {
      listed = [{ origin: body.origin.trim().toLowerCase() }];
      return { origin: listed[0].origin };
    },
    'DELETE /api/admin/widget/sites?origin=https%3A%2F%2Fb.example': () => {
      listed = [];
      return null;
    },
  });
  const embed = createEmbed({ call });
  assert.equal(await embed.add(' HTTPS://B.example '), 'https://b.example');
  assert.deepEqual(embed.state.sites, [{ origin: 'https://b.example' }]);
  await embed.remove('https://b.example');
  assert.deepEqual(embed.state.sites, []);
});

test('a refused add throws the reason and changes nothing', async () => {
  const call = fakeCall({
    '/api/admin/widget/sites': { sites: [], limit: 50 },
    'POST /api/admin/widget/sites': apiError(400, 'invalid', "'origin' must be a web site's address"),
  });
  const embed = createEmbed({ call });
  await embed.load().catch(() => {});
  await assert.rejects(embed.add('ftp://x'), /must be a web site/);
  assert.equal(call.calls.filter((c) => c.method === 'GET' && c.path === '/api/admin/widget/sites').length, 1);
});
