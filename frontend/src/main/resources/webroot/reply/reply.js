// The page a patron opens from a library's e-mail (/reply/?t=<signed link>): the messages about
// their question (never the library's internal notes, which the gateway does not send) and a box to
// answer. No account: the link is the key, for one question, for 30 days.
import { api } from '/shared/api.js';
import { answerProblem, linkRefused, problemKey, tokenFrom } from './reply-words.js';
import { t } from './messages/t.js';

const main = document.getElementById('main');
const title = document.getElementById('title');
const token = tokenFrom(location.search);
let limit = 4000;

function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (typeof value === 'string') node.setAttribute(key, value);
    else node[key] = value;
  }
  node.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

const when = (iso) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function problem(error) {
  const key = problemKey(error);
  const heading = h('h2', { tabindex: '-1', text: t('reply.problem') });
  main.replaceChildren(h('section', { class: 'panel', role: 'alert' },
    heading, h('p', { text: key ? t(key) : error.message })));
  heading.focus();
}

function show(thread, { sent = false } = {}) {
  limit = (thread.limits && thread.limits.textChars) || limit;
  const ticket = thread.ticket;
  title.textContent = t('reply.title', { library: ticket.library });
  document.title = t('reply.documentTitle', { subject: ticket.subject, library: ticket.library });
  const items = thread.messages.map((message) => h('li', { class: `msg ${message.from === 'patron' ? 'mine' : 'theirs'}` },
    h('p', { class: 'meta', text: t('reply.at', { who: message.from === 'patron' ? t('reply.you') : t('reply.library'), when: when(message.at) }) }),
    h('p', { class: 'text', text: message.text })));
  const answer = h('textarea', { id: 'answer', name: 'answer', rows: '5', 'aria-describedby': 'answer-hint answer-error' });
  const error = h('p', { id: 'answer-error', class: 'error', role: 'alert', hidden: true });
  const send = h('button', { type: 'submit', class: 'primary', text: t('reply.send') });
  const form = h('form', { class: 'panel answer', novalidate: '', 'aria-labelledby': 'answer-label' },
    h('label', { id: 'answer-label', for: 'answer', text: t('reply.answer') }),
    answer,
    h('p', { id: 'answer-hint', class: 'hint', text: t('reply.answerHint') }),
    error,
    send);
  const sentHeading = sent ? h('h2', { id: 'sent', tabindex: '-1', text: t('reply.sent') }) : null;
  main.replaceChildren(
    sentHeading && h('section', { class: 'panel sent', role: 'status' }, sentHeading, h('p', { text: t('reply.sentWhat') })),
    h('section', { class: 'panel', 'aria-labelledby': 'thread-title' },
      h('h2', { id: 'thread-title', text: ticket.subject }),
      h('ol', { class: 'thread', 'aria-label': t('reply.thread') }, ...items)),
    form);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const wrong = answerProblem(answer.value, limit);
    if (wrong) {
      error.textContent = t(wrong.key, wrong.params);
      error.hidden = false;
      answer.setAttribute('aria-invalid', 'true');
      answer.focus();
      return;
    }
    send.disabled = true;
    send.textContent = t('reply.sending');
    try {
      show(await api('/api/reply/messages', { method: 'POST', token, body: { text: answer.value } }), { sent: true });
    } catch (e) {
      if (linkRefused(e)) {
        problem(e);
        return;
      }
      send.disabled = false;
      send.textContent = t('reply.send');
      error.textContent = t('reply.failed', { reason: e.message });
      error.hidden = false;
      answer.focus();
    }
  });
  if (sentHeading) sentHeading.focus();
}

async function start() {
  main.replaceChildren(h('p', { class: 'loading', text: t('reply.loading') }));
  if (!token) {
    problem(null);
    return;
  }
  try {
    show(await api('/api/reply', { token }));
  } catch (error) {
    problem(error);
  }
}

start();
