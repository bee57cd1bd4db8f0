// Tags: the library's list (read once per sign-in, again after an admin changes it) and each open
// chat's own. Every change answers with the chat's tags as they now are, which replace ours, so two
// librarians tagging the same chat cannot leave either screen wrong for long.
export function createTags({ state, call }) {
  state.tags = { list: [], loaded: false, error: '' };
  state.chatTags = {};

  async function load() {
    try {
      const { tags } = await call('/api/tags');
      state.tags = { list: tags, loaded: true, error: '' };
    } catch (error) {
      state.tags = { ...state.tags, loaded: true, error: error.message };
    }
  }

  async function loadFor(chatId) {
    try {
      const { tags } = await call(`/api/chats/${chatId}/tags`);
      state.chatTags[chatId] = tags;
    } catch (error) {
      if (!state.chatTags[chatId]) state.chatTags[chatId] = [];
    }
  }

  async function add(chatId, tagId) {
    const { tags } = await call(`/api/chats/${chatId}/tags`, { method: 'POST', body: { tagId } });
    state.chatTags[chatId] = tags;
  }

  async function remove(chatId, tagId) {
    const { tags } = await call(`/api/chats/${chatId}/tags/${tagId}`, { method: 'DELETE' });
    state.chatTags[chatId] = tags;
  }

  /** Admins only; throws the server's refusal (409 for a name the library already has). */
  async function create(name) {
    const tag = await call('/api/tags', { method: 'POST', body: { name } });
    await load();
    return tag;
  }

  async function destroy(tagId) {
    await call(`/api/tags/${tagId}`, { method: 'DELETE' });
    await load();
    // The chats' lists still hold the deleted tag; the server has already dropped it from them.
    for (const chatId of Object.keys(state.chatTags)) {
      state.chatTags[chatId] = state.chatTags[chatId].filter((t) => t.id !== tagId);
    }
  }

  function forget(chatId) {
    delete state.chatTags[chatId];
  }

  return { load, loadFor, add, remove, create, destroy, forget };
}
