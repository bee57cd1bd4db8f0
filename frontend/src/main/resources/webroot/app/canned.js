// Canned messages: the library's and the operator's own, read once per sign-in and again after every
// edit made here. Filling the placeholders happens in the browser because only the desk knows which
// chat the text is for.
import { byShortcut, fillPlaceholders } from './canned-text.js';

export function createCanned({ state, call, say }) {
  state.canned = { list: [], loaded: false, error: '' };

  async function load() {
    try {
      const { canned } = await call('/api/canned');
      state.canned = { list: canned, loaded: true, error: '' };
    } catch (error) {
      state.canned = { ...state.canned, loaded: true, error: error.message };
    }
  }

  /** Creates (no id) or changes a message, then reads the list again; throws the server's refusal. */
  async function save(draft, id) {
    if (id) await call(`/api/canned/${id}`, { method: 'PUT', body: draft });
    else await call('/api/canned', { method: 'POST', body: draft });
    await load();
  }

  async function remove(id) {
    await call(`/api/canned/${id}`, { method: 'DELETE' });
    await load();
  }

  /** May this operator change the message? Their own, and the library's if they are an admin. */
  const editable = (item) => item.scope === 'personal' || state.me.operator.role === 'admin';

  function names(chatId) {
    const details = state.details[chatId];
    const tab = state.tabs.find((t) => t.chatId === chatId);
    return {
      patron: (details && details.patron && details.patron.name) || (tab && tab.patronName) || '',
      operator: state.me.operator.name,
      library: state.me.library ? state.me.library.name : '',
    };
  }

  /** The body as it should reach this chat's patron. */
  const fill = (chatId, body) => fillPlaceholders(body, names(chatId));

  const find = (shortcut) => byShortcut(state.canned.list, shortcut);

  /**
   * Sends the message with this shortcut, filled, in the tab's chat; `fallback` when the library has
   * deleted it, because the button that asked for it must not do nothing.
   */
  function send(tab, shortcut, fallback) {
    const item = find(shortcut);
    return say(tab, fill(tab.chatId, item ? item.body : fallback));
  }

  return { load, save, remove, editable, fill, find, send };
}
