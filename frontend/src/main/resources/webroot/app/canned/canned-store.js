// Canned messages: the library's and the operator's own, read once per sign-in and again after every
// edit made here. Filling the placeholders happens in the browser because only the desk knows which
// chat the text is for.
import { reactive } from 'vue';
import { byShortcut, fillPlaceholders } from './canned-text.js';
import { isLibraryAdmin } from '../session/roles.js';

/** `chats` is the chats store, for the names a message is filled with and for saying it. */
export function createCanned({ me, call, chats }) {
  // home: chatId -> the read-only messages of that chat's library, when it is not the operator's own.
  const state = reactive({ list: [], loaded: false, error: '', home: {} });

  async function load() {
    try {
      const { canned } = await call('/api/canned');
      Object.assign(state, { list: canned, loaded: true, error: '' });
    } catch (error) {
      Object.assign(state, { loaded: true, error: error.message });
    }
  }

  /** The messages of the chat's own library (a co-op's chat), offered beside it, marked with its name. */
  async function loadHome(chatId) {
    try {
      const { canned } = await call(`/api/canned?chatId=${chatId}`);
      state.home[chatId] = canned.filter((item) => item.scope === 'home');
    } catch (error) {
      state.home[chatId] = [];
    }
  }

  /** What the "/" picker offers in a chat: the operator's list, then the chat's library's own. */
  const listFor = (chatId) => (state.home[chatId] ? [...state.list, ...state.home[chatId]] : state.list);

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
  const editable = (item) => item.scope === 'personal' || isLibraryAdmin(me.operator.role);

  function names(chatId, libraryName) {
    const details = chats.detailsOf(chatId);
    const tab = chats.tabOf(chatId);
    return {
      patron: (details && details.patron && details.patron.name) || (tab && tab.patronName) || '',
      operator: me.operator.name,
      library: libraryName || (me.library ? me.library.name : ''),
    };
  }

  /** The body as it should reach this chat's patron; a home library's message names that library. */
  const fill = (chatId, body, libraryName) => fillPlaceholders(body, names(chatId, libraryName));

  const find = (shortcut) => byShortcut(state.list, shortcut);

  /**
   * Sends the message with this shortcut, filled, in the tab's chat; `fallback` when the library has
   * deleted it, because the button that asked for it must not do nothing.
   */
  function send(tab, shortcut, fallback) {
    const item = find(shortcut);
    return chats.say(tab, fill(tab.chatId, item ? item.body : fallback));
  }

  return { state, load, loadHome, listFor, save, remove, editable, fill, find, send };
}
