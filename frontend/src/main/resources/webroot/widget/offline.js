// The question form shown instead of the chat form while nobody is online: the patron leaves a
// question and an e-mail address, the library answers by e-mail (a ticket), and a receipt says where.
import { api } from '/shared/api.js';
import { focus, h, remainingHint } from './dom.js';
import { questionProblems, serverProblems } from './question-check.js';
import { t } from './messages/t.js';

const setting = (queue, name) => {
  const value = queue && queue.settings ? queue.settings[name] : null;
  return typeof value === 'string' && value.trim() ? value.trim() : null;
};

/** When to expect an answer: the library's own words, or the catalogue's. */
export function answerTime(queue) {
  const own = queue.offline && queue.offline.answerTime;
  return typeof own === 'string' && own.trim() ? own.trim() : t('question.answerTime');
}

/**
 * The form. `onCheckAgain` looks again for a librarian online; `patron` fills the name and e-mail
 * given before.
 */
export function showQuestionForm(main, { queue, patron, onCheckAgain, onAsked }) {
  const limits = queue.limits || {};
  const custom = (queue.offline && queue.offline.fields) || [];
  const controls = new Map();
  const errors = new Map();

  const labelFor = (id, words, required) => h('label', { for: id }, `${words} `,
    required ? null : h('span', { class: 'optional', text: t('form.optional') }));
  const errorFor = (id) => h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  function field(key, id, input, words, required, extra = []) {
    const error = errorFor(id);
    input.setAttribute('aria-describedby', [...extra.map((node) => node.id), error.id].filter(Boolean).join(' '));
    controls.set(key, input);
    errors.set(key, error);
    return [labelFor(id, words, required), input, ...extra, error];
  }

  const name = h('input', { id: 'q-name', name: 'name', type: 'text', autocomplete: 'name' });
  const email = h('input', { id: 'q-email', name: 'email', type: 'email', autocomplete: 'email', inputmode: 'email',
    required: true, 'aria-required': 'true' });
  const emailWhy = h('p', { class: 'hint', id: 'q-email-why', text: t('question.emailWhy') });
  const question = h('textarea', { id: 'q-question', name: 'question', rows: '4', required: true, 'aria-required': 'true' });
  const left = remainingHint(question, { max: limits.messageChars });
  const customNodes = custom.map((spec, index) => {
    const input = h('input', { id: `q-field-${index}`, type: 'text', 'aria-required': spec.required ? 'true' : 'false' });
    return field(`fields.${spec.label}`, input.id, input, spec.label, spec.required);
  });
  const summary = h('p', { class: 'error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary', text: t('question.send') });
  const hours = setting(queue, 'hours');
  const heading = h('h2', { id: 'offline-title', tabindex: '-1', text: t('offline.title') });

  const form = h('form', { class: 'panel start question', novalidate: '', 'aria-labelledby': 'offline-title' },
    heading,
    h('p', { text: setting(queue, 'offlineMessage') || t('offline.message') }),
    hours && h('p', { class: 'hours' }, h('strong', { text: t('offline.hours') }), hours),
    h('p', { class: 'lead', text: t('question.lead') }),
    h('p', { class: 'muted', id: 'q-answer-time', text: answerTime(queue) }),
    ...field('name', 'q-name', name, t('form.name'), false),
    ...field('email', 'q-email', email, t('form.email'), true, [emailWhy]),
    ...field('question', 'q-question', question, t('form.question'), true, [left.hint]),
    ...customNodes.flat(),
    h('button', { type: 'button', class: 'secondary check-again', text: t('offline.checkAgain'), onclick: onCheckAgain }),
    h('div', { class: 'submit-bar' }, summary, submit));

  function clear() {
    summary.hidden = true;
    for (const [key, input] of controls) {
      input.removeAttribute('aria-invalid');
      errors.get(key).hidden = true;
    }
  }

  /** Marks each field named in `problems` (`[{field, text}]`) and moves focus to the first. */
  function mark(problems, summaryText) {
    clear();
    let first = null;
    for (const problem of problems) {
      const input = controls.get(problem.field);
      if (!input) continue;
      input.setAttribute('aria-invalid', 'true');
      const error = errors.get(problem.field);
      error.textContent = problem.text;
      error.hidden = false;
      first = first || input;
    }
    summary.textContent = summaryText;
    summary.hidden = false;
    focus(first || submit);
  }

  const values = () => ({
    name: name.value,
    email: email.value,
    question: question.value,
    fields: Object.fromEntries(custom.map((spec) => [spec.label, controls.get(`fields.${spec.label}`).value])),
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const given = values();
    const problems = questionProblems(given, { limits, fields: custom });
    if (problems.length) {
      mark(problems.map((p) => ({ field: p.field, text: t(p.key, p.params) })),
        t('question.fixFields', { count: problems.length }));
      return;
    }
    clear();
    submit.disabled = true;
    submit.textContent = t('question.sending');
    try {
      const answer = await api('/api/widget/tickets', {
        method: 'POST',
        body: {
          queue: queue.slug,
          name: given.name.trim() || undefined,
          email: given.email.trim(),
          question: given.question,
          fields: Object.fromEntries(Object.entries(given.fields).filter(([, v]) => v.trim())),
        },
      });
      onAsked(answer, { name: given.name.trim(), email: given.email.trim() });
    } catch (e) {
      submit.disabled = false;
      submit.textContent = t('question.send');
      if (e.code === 'rate_limited') {
        mark([], t('question.tooMany', { count: limits.questionsPerHour || (e.details && e.details.limit) || 5 }));
        return;
      }
      const order = ['name', 'email', 'question', ...custom.map((spec) => `fields.${spec.label}`)];
      const fromServer = serverProblems(e.details && e.details.fields, order);
      mark(fromServer, fromServer.length ? t('question.fixFields', { count: fromServer.length }) : e.message);
    }
  });

  if (patron) {
    name.value = patron.name || '';
    email.value = patron.email || '';
  }
  main.replaceChildren(form);
  return { focus: () => focus(heading) };
}

/** The receipt: the question is with the library, the answer comes to `email`. */
export function showReceipt(main, { queue, email, onAnother }) {
  const heading = h('h2', { id: 'receipt-title', tabindex: '-1', text: t('question.thanks') });
  main.replaceChildren(h('section', { class: 'panel receipt', 'aria-labelledby': 'receipt-title' },
    heading,
    h('p', { text: t('question.weWillAnswer', { email }) }),
    h('p', { text: answerTime(queue) }),
    h('p', { class: 'muted', text: t('question.receiptSent') }),
    h('button', { type: 'button', class: 'secondary', text: t('question.another'), onclick: onAnother })));
  return { focus: () => focus(heading) };
}
