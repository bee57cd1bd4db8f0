// Library notes in the operator app: the home library card of each chat (read when it is shown, and
// again after sending the chat home), sending a local-only question home as a ticket, and for the
// library's admins their own notes, staleness age and local-only topics. The card is read over HTTP
// because the gateway decides whose card it is (the chat's library, whoever asks).
import { reactive } from 'vue';

// Each topic's words in the catalogue, named here so that every key is written out once.
const TOPIC_KEYS = {
  hours: 'notes.topicHours',
  renewals: 'notes.topicRenewals',
  fines: 'notes.topicFines',
  accounts: 'notes.topicAccounts',
  contacts: 'notes.topicContacts',
  links: 'notes.topicLinks',
  other: 'notes.topicOther',
};

/** The catalogue key of a topic's name; a topic this app does not know yet reads as "Other". */
export const topicKey = (topic) => TOPIC_KEYS[topic] || TOPIC_KEYS.other;

/** The notes by topic in the card's order of topics; topics without a note are left out. */
export function sectionsOf(notes, topics) {
  return topics
    .map((topic) => ({ topic, notes: notes.filter((note) => note.topic === topic) }))
    .filter((section) => section.notes.length > 0);
}

/** An address a note may link: http, https or mailto, as the gateway lets through; null otherwise. */
export function noteHref(url) {
  return /^(https?:\/\/[^\s/]+|mailto:[^\s@]+@[^\s@]+)/i.test(String(url || '')) ? url : null;
}

/** The day a note was last changed, as "17 May 2026": how old it is matters, not the minute. */
export function noteDate(iso) {
  const date = new Date(iso || NaN);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleDateString([], { day: 'numeric', month: 'short', year: 'numeric' });
}

/** The admin's note form and the gateway's note, one into the other: links one per line as "title | address". */
export function noteToForm(note) {
  return {
    topic: note ? note.topic : 'hours',
    title: note ? note.title : '',
    body: note ? note.body : '',
    links: note ? note.links.map((link) => `${link.title} | ${link.url}`).join('\n') : '',
  };
}

export function noteFromForm(form) {
  const links = form.links.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
    const bar = line.lastIndexOf('|');
    const title = bar < 0 ? line : line.slice(0, bar).trim();
    const url = bar < 0 ? line : line.slice(bar + 1).trim();
    return { title: title || url, url };
  });
  return { topic: form.topic, title: form.title.trim(), body: form.body, links };
}

/** The policy form: the age in days, and per topic whether it is local only and its keywords as a comma-separated line. */
export function policyToForm(ours) {
  const local = {};
  for (const topic of ours.topics) {
    const found = ours.localOnly.find((entry) => entry.topic === topic);
    local[topic] = { on: Boolean(found), keywords: found ? found.keywords.join(', ') : '' };
  }
  return { staleAfterDays: ours.staleAfterDays, local };
}

export function policyFromForm(form, topics) {
  return {
    staleAfterDays: Number(form.staleAfterDays),
    localOnly: topics.filter((topic) => form.local[topic].on).map((topic) => ({
      topic,
      keywords: form.local[topic].keywords.split(',').map((word) => word.trim()).filter(Boolean),
    })),
  };
}

export function createNotes({ call }) {
  // cards: chatId -> { card, error, sent }; ours: the caller's library's notes view, once read.
  const state = reactive({ cards: {}, ours: null, oursError: '' });

  async function loadCard(chatId) {
    const entry = state.cards[chatId] || (state.cards[chatId] = { card: null, error: '', sent: null });
    try {
      entry.card = await call(`/api/chats/${chatId}/home-card`);
      entry.error = '';
    } catch (error) {
      entry.error = error.message;
    }
    return entry;
  }

  const cardOf = (chatId) => state.cards[chatId] || null;

  /** Sends the chat home as a ticket; answers {ticketId, line, library, chatEnded}; throws the refusal. */
  async function sendHome(chatId, topic, note) {
    const body = note ? { topic, note } : { topic };
    const sent = await call(`/api/chats/${chatId}/send-home`, { method: 'POST', body });
    const entry = state.cards[chatId] || (state.cards[chatId] = { card: null, error: '', sent: null });
    entry.sent = sent;
    return sent;
  }

  function forget(chatId) {
    delete state.cards[chatId];
  }

  async function loadOurs() {
    try {
      state.ours = await call('/api/library-notes');
      state.oursError = '';
    } catch (error) {
      state.oursError = error.message;
    }
    return state.ours;
  }

  /** Creates (no id) or changes a note, then reads the list again; throws the server's refusal. */
  async function saveNote(note, id) {
    if (id) await call(`/api/admin/library-notes/${id}`, { method: 'PUT', body: note });
    else await call('/api/admin/library-notes', { method: 'POST', body: note });
    await loadOurs();
  }

  async function removeNote(id) {
    await call(`/api/admin/library-notes/${id}`, { method: 'DELETE' });
    await loadOurs();
  }

  async function savePolicy(policy) {
    state.ours = await call('/api/admin/library-notes/policy', { method: 'PUT', body: policy });
    state.oursError = '';
    return state.ours;
  }

  return { state, loadCard, cardOf, sendHome, forget, loadOurs, saveNote, removeNote, savePolicy };
}
