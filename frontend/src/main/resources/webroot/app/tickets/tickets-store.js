// Follow-up tickets: the list with its filters, the one ticket open (its thread and history), and
// what operators do with one (assign, reply, note, status), plus making a ticket from a chat. The
// server decides every rule; this store keeps what it last answered and says what changed.
import { reactive } from 'vue';

export const STATUSES = ['new', 'open', 'pending', 'closed'];
export const ASSIGNEES = ['any', 'me', 'none'];

// A ticket as its line in the list shows it: without its thread and history.
const listRow = (ticket) => Object.fromEntries(Object.entries(ticket).filter(([key]) => key !== 'messages' && key !== 'history'));

export function createTickets({ me, call, announce = () => {}, words }) {
  const state = reactive({
    filters: { status: '', queue: '', assignee: 'any' },
    list: [], loading: false, error: '',
    current: null, opening: false, openError: '', busy: false, actionError: '',
    colleagues: [],
    // The ticket each chat became here, by chat id, so the chat's button can open it.
    byChat: {},
  });
  // The answer to the latest list request wins, whatever order the answers arrive in.
  let asked = 0;

  function query() {
    const params = new URLSearchParams();
    if (state.filters.status) params.set('status', state.filters.status);
    if (state.filters.queue) params.set('queue', state.filters.queue);
    if (state.filters.assignee !== 'any') params.set('assignee', state.filters.assignee);
    const text = params.toString();
    return text ? `?${text}` : '';
  }

  async function load() {
    const mine = ++asked;
    state.loading = true;
    state.error = '';
    try {
      const answer = await call(`/api/tickets${query()}`);
      if (mine === asked) state.list = answer.tickets;
    } catch (error) {
      if (mine === asked) state.error = error.message;
    } finally {
      if (mine === asked) state.loading = false;
    }
  }

  function setFilter(name, value) {
    state.filters[name] = value;
    return load();
  }

  async function loadColleagues() {
    try {
      const { operators } = await call('/api/presence');
      state.colleagues = operators.filter((o) => o.id !== me.operator.id);
    } catch (error) {
      // Assigning to oneself still works; the list of colleagues comes back on the next open.
    }
  }

  async function open(ticketId) {
    state.opening = true;
    state.openError = '';
    state.actionError = '';
    try {
      remember(await call(`/api/tickets/${ticketId}`));
    } catch (error) {
      state.openError = error.message;
    } finally {
      state.opening = false;
    }
    if (!state.colleagues.length) loadColleagues();
  }

  /** Reads the open ticket again without a word: where its replies' e-mails stand now. */
  async function refresh() {
    if (!state.current) return;
    const id = state.current.id;
    try {
      const ticket = await call(`/api/tickets/${id}`);
      if (state.current && state.current.id === id) remember(ticket);
    } catch (error) {
      // The next look, or the operator's next action, shows the ticket again.
    }
  }

  function close() {
    state.current = null;
    state.openError = '';
    state.actionError = '';
  }

  /** Keeps the ticket the server answered, on screen and in the list. */
  function remember(ticket) {
    state.current = ticket;
    if (ticket.chatId) state.byChat[ticket.chatId] = ticket.id;
    const at = state.list.findIndex((x) => x.id === ticket.id);
    if (at >= 0) state.list[at] = listRow(ticket);
  }

  async function act(path, body, said) {
    if (!state.current) return false;
    state.busy = true;
    state.actionError = '';
    try {
      remember(await call(`/api/tickets/${state.current.id}/${path}`, { method: 'POST', body }));
      announce(said);
      return true;
    } catch (error) {
      state.actionError = error.message;
      return false;
    } finally {
      state.busy = false;
    }
  }

  const reply = (text) => act('messages', { kind: 'reply', text }, words.replied);
  const note = (text) => act('messages', { kind: 'note', text }, words.noted);
  const assign = (operatorId) => act('assign', { operatorId }, words.assigned);
  const setStatus = (status) => act('status', { status }, words.status(status));

  /**
   * The chat's follow-up ticket, made now or found: answers `{ticket}` or `{error}` with the
   * server's code (`email_required` when the patron gave no e-mail).
   */
  async function fromChat(chatId, noteText) {
    try {
      const body = noteText ? { note: noteText } : {};
      const ticket = await call(`/api/chats/${chatId}/ticket`, { method: 'POST', body });
      state.byChat[chatId] = ticket.id;
      return { ticket };
    } catch (error) {
      return { error };
    }
  }

  return { state, load, setFilter, open, refresh, close, reply, note, assign, setStatus, fromChat, loadColleagues };
}
