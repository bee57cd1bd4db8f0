// "E-mail me this chat": a button that opens a one-field form (the address, filled in when the patron
// gave one), sends the request, and says when the mail will come. It lives beside End chat while the
// chat goes on and moves to the ended screen with the chat, where the mail goes out at once.
import { api } from '/shared/api.js';
import { focus, h } from './dom.js';
import { looksLikeEmail, transcriptAnswered, transcriptRefused } from './transcript-words.js';
import { t } from './messages/t.js';

export function transcriptOffer({ chatId, token, email: known }) {
  const open = h('button', { type: 'button', class: 'link', 'aria-expanded': 'false', 'aria-controls': `transcript-${chatId}`,
    text: t('transcript.ask') });
  const input = h('input', { id: `transcript-email-${chatId}`, type: 'email', autocomplete: 'email', inputmode: 'email',
    'aria-describedby': `transcript-said-${chatId}` });
  const send = h('button', { type: 'submit', class: 'secondary', text: t('transcript.send') });
  const cancel = h('button', { type: 'button', class: 'secondary', text: t('transcript.cancel') });
  const said = h('p', { id: `transcript-said-${chatId}`, class: 'hint', role: 'status' });
  const form = h('form', { id: `transcript-${chatId}`, class: 'transcript', novalidate: '', hidden: true },
    h('label', { for: input.id, text: t('transcript.address') }), input,
    h('div', { class: 'row' }, send, cancel));
  const node = h('div', { class: 'transcript-offer' }, open, form, said);

  function show(opened) {
    form.hidden = !opened;
    open.hidden = opened;
    open.setAttribute('aria-expanded', String(opened));
  }

  open.addEventListener('click', () => {
    said.textContent = '';
    said.className = 'hint';
    if (!input.value) input.value = known || '';
    show(true);
    focus(input);
  });
  cancel.addEventListener('click', () => {
    show(false);
    focus(open);
  });
  form.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    show(false);
    focus(open);
  });

  function tell(words, { problem = false, field = null } = {}) {
    said.textContent = t(words.key, words.params);
    said.className = problem ? 'field-error' : 'hint';
    input.toggleAttribute('aria-invalid', Boolean(field));
    if (field) focus(input);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const email = input.value.trim();
    if (!looksLikeEmail(email)) {
      tell({ key: 'transcript.badEmail', params: {} }, { problem: true, field: 'email' });
      return;
    }
    send.disabled = true;
    try {
      const answer = await api(`/api/widget/chats/${encodeURIComponent(chatId)}/transcript`, { method: 'POST', token, body: { email } });
      known = email;
      show(false);
      tell(transcriptAnswered(answer));
      focus(open);
    } catch (error) {
      const refused = transcriptRefused(error);
      tell(refused, { problem: true, field: refused.field });
    } finally {
      send.disabled = false;
    }
  });

  return { node };
}
