// Tags: the library's list (read once per sign-in, again after an admin changes it) and each open
// chat's own. Every change answers with the chat's tags as they now are, which replace ours, so two
// librarians tagging the same chat cannot leave either screen wrong for long.
import { reactive } from 'vue';

export function createTags({ call }) {
  // `list`: the library's tags; `byChat`: each open chat's own, by chat id; `choicesByChat`: for a chat
  // of another library (a co-op chat), the tags it may be given, which are that library's.
  const state = reactive({ list: [], loaded: false, error: '', byChat: {}, choicesByChat: {} });

  async function load() {
    try {
      const { tags } = await call('/api/tags');
      Object.assign(state, { list: tags, loaded: true, error: '' });
    } catch (error) {
      Object.assign(state, { loaded: true, error: error.message });
    }
  }

  async function loadFor(chatId) {
    try {
      const { tags, choices } = await call(`/api/chats/${chatId}/tags`);
      state.byChat[chatId] = tags;
      if (choices) state.choicesByChat[chatId] = choices;
    } catch (error) {
      if (!state.byChat[chatId]) state.byChat[chatId] = [];
    }
  }

  async function add(chatId, tagId) {
    const { tags } = await call(`/api/chats/${chatId}/tags`, { method: 'POST', body: { tagId } });
    state.byChat[chatId] = tags;
  }

  async function remove(chatId, tagId) {
    const { tags } = await call(`/api/chats/${chatId}/tags/${tagId}`, { method: 'DELETE' });
    state.byChat[chatId] = tags;
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
    for (const chatId of Object.keys(state.byChat)) {
      state.byChat[chatId] = state.byChat[chatId].filter((t) => t.id !== tagId);
    }
  }

  /** What the chat may be tagged with: its library's tags, once read, else ours. */
  function choicesFor(chatId) {
    return state.choicesByChat[chatId] || state.list;
  }

  function forget(chatId) {
    delete state.byChat[chatId];
    delete state.choicesByChat[chatId];
  }

  return { state, load, loadFor, choicesFor, add, remove, create, destroy, forget };
}
