// The sites that may embed the library's widget, and the snippets to paste for each queue and
// placement: for the library's admins. The gateway normalises what is typed and decides who may
// change it; this store keeps what it answered and says what happened.
import { reactive } from 'vue';

export function createEmbed({ call }) {
  const state = reactive({ sites: null, limit: null, queues: null, placements: [], error: '' });

  async function load() {
    state.error = '';
    try {
      const [sites, snippets] = await Promise.all([call('/api/admin/widget/sites'), call('/api/admin/widget/snippets')]);
      state.sites = sites.sites;
      state.limit = sites.limit;
      state.queues = snippets.queues;
      state.placements = snippets.placements;
    } catch (e) {
      state.error = e.message;
    }
  }

  async function reloadSites() {
    const sites = await call('/api/admin/widget/sites');
    state.sites = sites.sites;
    state.limit = sites.limit;
  }

  /** Adds the site; answers the origin as the gateway keeps it, or throws the gateway's reason. */
  async function add(typed) {
    const answer = await call('/api/admin/widget/sites', { method: 'POST', body: { origin: typed } });
    await reloadSites();
    return answer.origin;
  }

  async function remove(origin) {
    await call(`/api/admin/widget/sites?origin=${encodeURIComponent(origin)}`, { method: 'DELETE' });
    await reloadSites();
  }

  return { state, load, add, remove };
}
