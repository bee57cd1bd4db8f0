// What the reply page says for the gateway's answers, as catalogue keys: who wrote a message, and why
// the page cannot be shown or an answer was not taken.

/** The key of the words for a refusal of the link or of the answer. */
export function problemKey(error) {
  if (!error) return 'reply.noLink';
  if (error.code === 'link_expired') return 'reply.expired';
  if (error.code === 'unauthorized') return 'reply.invalid';
  if (error.code === 'not_found') return 'reply.notFound';
  return null;
}

/** Whether the refusal is of the link itself: then nothing on the page can help, and it says so. */
export function linkRefused(error) {
  return ['link_expired', 'unauthorized', 'not_found'].includes(error && error.code);
}

/** The answer's own problem before sending: none, empty, or too long. */
export function answerProblem(text, limit) {
  const trimmed = (text || '').trim();
  if (!trimmed) return { key: 'reply.empty', params: {} };
  if (limit && trimmed.length > limit) return { key: 'reply.tooLong', params: { count: limit } };
  return null;
}

/** The token from the page's address (`?t=`), or null. */
export function tokenFrom(search) {
  const token = new URLSearchParams(search).get('t');
  return token && token.trim() ? token.trim() : null;
}
