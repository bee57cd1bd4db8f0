// FAQs in the operator app: searching the library's published ones (public and internal), reading
// one with its rendered answer, sending a public one into a chat as a link card, making a draft from
// an ended chat, and, for admins, keeping the list. A card is sent over HTTP because the gateway, not
// the app, fills it in; it is stored through the chat's own writing path, so it arrives on the chat
// like any message. A card keeps its client id until it is stored, so a retry is never stored twice.

/** The words of a chat to find suggestions with: the latest patron messages first, then the question. */
export function suggestionText(question, patronMessages, max = 200) {
  const parts = [...patronMessages.slice(-2).reverse(), question || ''].map((text) => String(text).trim()).filter(Boolean);
  let text = '';
  for (const part of parts) {
    const next = text ? `${text} ${part}` : part;
    if (next.length > max) {
      if (!text) text = part.slice(0, max);
      break;
    }
    text = next;
  }
  // A finished text: the last word is not a prefix of something still being typed.
  return text ? `${text} ` : '';
}

export function createFaq({ call, newId = () => `faq-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}` }) {
  const cardIds = new Map();

  const query = (q, { any = false, limit } = {}) => {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (any) params.set('match', 'any');
    if (limit) params.set('limit', String(limit));
    return call(`/api/faqs?${params}`).then((answer) => answer.faqs);
  };

  /** Published FAQs matching what the operator typed (every word; the last one may be half typed). */
  const search = (q) => query(q, { limit: 10 });

  /** Published FAQs matching any word of a patron's question and latest messages, best first. */
  const suggest = (text) => (text.trim() ? query(text, { any: true, limit: 5 }) : Promise.resolve([]));

  const get = (id) => call(`/api/faqs/${id}`);

  /** Sends the FAQ into the chat as a card; answers {seq, at, card}. */
  async function send(chatId, faqId) {
    const key = `${chatId}:${faqId}`;
    if (!cardIds.has(key)) cardIds.set(key, newId());
    const answer = await call(`/api/chats/${chatId}/faq-card`, { method: 'POST', body: { faqId, clientMsgId: cardIds.get(key) } });
    cardIds.delete(key);
    return answer;
  }

  const draftFrom = (chatId) => call(`/api/chats/${chatId}/faq-draft`, { method: 'POST', body: {} });

  const all = () => call('/api/admin/faqs').then((answer) => answer.faqs);
  const create = (faq) => call('/api/admin/faqs', { method: 'POST', body: faq });
  const update = (id, faq) => call(`/api/admin/faqs/${id}`, { method: 'PUT', body: faq });
  const remove = (id) => call(`/api/admin/faqs/${id}`, { method: 'DELETE' });
  const publish = (id) => call(`/api/admin/faqs/${id}/publish`, { method: 'POST', body: {} });

  return { search, suggest, get, send, draftFrom, all, create, update, remove, publish };
}
