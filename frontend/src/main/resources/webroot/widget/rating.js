// "How did we do?": once the chat has ended, five choices said in words (a star alone says nothing to
// a screen reader), an optional comment and Send; then thanks. A second send replaces the first, as
// the server does.
import { api } from '/shared/api.js';
import { focus, h } from './dom.js';
import { t } from './messages/t.js';

const SCORES = [
  { score: 5, words: 'rating.score5' },
  { score: 4, words: 'rating.score4' },
  { score: 3, words: 'rating.score3' },
  { score: 2, words: 'rating.score2' },
  { score: 1, words: 'rating.score1' },
];

export function ratingOffer({ chatId, token, commentChars }) {
  const name = `rating-${chatId}`;
  const choices = SCORES.map(({ score, words }) => {
    const input = h('input', { type: 'radio', name, value: String(score), id: `${name}-${score}` });
    return { input, node: h('div', { class: 'rating-choice' }, input, h('label', { for: input.id, text: t(words) })) };
  });
  const legend = h('legend', { text: t('rating.question') });
  const commentId = `${name}-comment`;
  const comment = h('textarea', { id: commentId, rows: '2', maxlength: String(commentChars || 2000) });
  const send = h('button', { type: 'submit', class: 'secondary', text: t('rating.send') });
  const said = h('p', { class: 'hint', role: 'status' });
  const form = h('form', { class: 'rating', novalidate: '' },
    h('fieldset', {}, legend, ...choices.map((choice) => choice.node)),
    h('label', { for: commentId, text: t('rating.comment') }), comment, send);
  const node = h('div', { class: 'rating-offer' }, form, said);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = choices.find((choice) => choice.input.checked);
    if (!chosen) {
      said.textContent = t('rating.choose');
      said.className = 'field-error';
      focus(choices[0].input);
      return;
    }
    send.disabled = true;
    try {
      await api(`/api/widget/chats/${encodeURIComponent(chatId)}/rating`, {
        method: 'POST', token, body: { score: Number(chosen.input.value), comment: comment.value.trim() || null },
      });
      form.hidden = true;
      said.className = 'hint';
      said.textContent = t('rating.thanks');
      said.setAttribute('tabindex', '-1');
      focus(said);
    } catch (error) {
      said.className = 'field-error';
      said.textContent = error.status === 429 ? t('rating.tooMany') : t('rating.failed');
    } finally {
      send.disabled = false;
    }
  });

  return { node };
}
