// The screens before a chat: the question form when a librarian is online, a plain "nobody is
// answering" when not, and what to do when the widget cannot reach the library at all.
import { api } from '/shared/api.js';
import { focus, h, remainingHint } from './dom.js';
import { faqSuggestions } from './faq.js';
import { minutes } from './format.js';
import { looksLikeQuestion } from './name-check.js';
import { t } from './messages/t.js';

const DEFAULT_NOTICE = 'form.transcriptNotice';

const setting = (queue, name) => {
  const value = queue && queue.settings ? queue.settings[name] : null;
  return typeof value === 'string' && value.trim() ? value.trim() : null;
};

/** The queue's pre-chat fields as the admin set them, `[{label, required, maxChars}]`; anything else is none. */
function prechatFields(queue) {
  const fields = queue && queue.settings && Array.isArray(queue.settings.prechatFields) ? queue.settings.prechatFields : [];
  return fields.filter((f) => f && typeof f.label === 'string' && f.label.trim())
    .map((f) => ({ label: f.label, required: f.required === true, maxChars: Number.isInteger(f.maxChars) ? f.maxChars : 500 }));
}

/** Shown instead of the form while no librarian monitoring the queue is online. */
export function showOffline(main, { queue, onCheckAgain }) {
  const hours = setting(queue, 'hours');
  const heading = h('h2', { id: 'offline-title', tabindex: '-1', text: t('offline.title') });
  main.replaceChildren(h('section', { class: 'panel offline', 'aria-labelledby': 'offline-title' },
    heading,
    h('p', { text: setting(queue, 'offlineMessage') || t('offline.message') }),
    hours && h('p', { class: 'hours' }, h('strong', { text: t('offline.hours') }), hours),
    h('button', { type: 'button', class: 'secondary', text: t('offline.checkAgain'), onclick: onCheckAgain })));
  return { focus: () => focus(heading) };
}

/** The widget could not load its queue: say so in words, and offer another try when one may help. */
export function showProblem(main, { message, onRetry }) {
  const heading = h('h2', { tabindex: '-1', text: t('problem.title') });
  main.replaceChildren(h('section', { class: 'panel', role: 'alert' },
    heading,
    h('p', { text: message }),
    onRetry && h('button', { type: 'button', class: 'secondary', text: t('problem.tryAgain'), onclick: onRetry })));
  return { focus: () => focus(heading) };
}

/**
 * The question form. Only the question is required: a patron need give no personal data.
 * Calls `onStarted(answer, patron)` with the gateway's 201 answer `{chatId, token, seq, queueId, position}`
 * and the `{name, email}` given, which `patron` fills in again for the patron's next chat.
 */
export function showForm(main, { queue, page, patron, onStarted }) {
  // No maxlength: the browser would cut a question typed here without a word; submit checks instead.
  const name = h('input', { id: 'name', name: 'name', type: 'text', autocomplete: 'name', placeholder: t('form.namePlaceholder') });
  const email = h('input', { id: 'email', name: 'email', type: 'email', autocomplete: 'email', maxlength: String(queue.limits.emailChars),
    inputmode: 'email', 'aria-describedby': 'email-why' });
  // Three rows leave Start chat in sight in the loader's 600 px panel; the field grows by its handle.
  const question = h('textarea', { id: 'question', name: 'question', rows: '3', maxlength: String(queue.limits.messageChars),
    required: true, 'aria-describedby': 'question-left' });
  const left = remainingHint(question, { max: queue.limits.messageChars });
  const suggestions = faqSuggestions(question, queue.slug);
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary', text: t('form.start') });
  const wait = minutes(queue.expectedWaitSeconds);
  // The queue's own questions (a library card number, a course): asked here, checked again by the gateway.
  const prechat = prechatFields(queue);
  const prechatInputs = prechat.map((spec, index) => h('input', {
    id: `prechat-${index}`, name: `prechat-${index}`, type: 'text', maxlength: String(spec.maxChars),
    required: spec.required || null, 'aria-required': spec.required ? 'true' : 'false',
  }));
  const prechatNodes = prechat.flatMap((spec, index) => [
    h('label', { for: `prechat-${index}` }, `${spec.label} `,
      spec.required ? null : h('span', { class: 'optional', text: t('form.optional') })),
    prechatInputs[index],
  ]);

  const form = h('form', { class: 'panel start', novalidate: '', 'aria-labelledby': 'start-title' },
    h('h2', { id: 'start-title', text: t('form.title') }),
    wait && h('p', { class: 'muted', text: t('form.usualWait', { wait }) }),
    h('label', { for: 'name' }, `${t('form.name')} `, h('span', { class: 'optional', text: t('form.optional') })),
    name,
    h('label', { for: 'email' }, `${t('form.email')} `, h('span', { class: 'optional', text: t('form.optional') })),
    email,
    h('p', { class: 'hint', id: 'email-why', text: t('form.emailWhy') }),
    h('label', { for: 'question' }, t('form.question')),
    question,
    left.hint,
    suggestions,
    ...prechatNodes,
    h('p', { class: 'notice', text: setting(queue, 'transcriptNotice') || t(DEFAULT_NOTICE) }),
    h('div', { class: 'submit-bar' }, error, submit));

  function fail(message, field) {
    error.textContent = message;
    error.hidden = false;
    for (const input of [name, email, question, ...prechatInputs]) input.removeAttribute('aria-invalid');
    if (field) {
      field.setAttribute('aria-invalid', 'true');
      focus(field);
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (looksLikeQuestion(name.value, queue.limits)) {
      if (question.value.trim()) {
        // Both boxes filled: the patron decides. The text moves, nothing is cut, and Start chat confirms.
        question.value = `${name.value.trim()}\n\n${question.value}`;
        name.value = '';
        left.update();
        return fail(t('form.nameWasQuestion'), question);
      }
      // Only the name box filled: that is the question, and the patron stays a guest.
      question.value = name.value.trim();
      name.value = '';
      left.update();
    }
    if (!question.value.trim()) return fail(t('form.noQuestion'), question);
    if (email.validity.typeMismatch) return fail(t('form.badEmail'), email);
    const missing = prechat.findIndex((spec, index) => spec.required && !prechatInputs[index].value.trim());
    if (missing >= 0) return fail(t('question.needField', { label: prechat[missing].label }), prechatInputs[missing]);
    error.hidden = true;
    submit.disabled = true;
    submit.textContent = t('form.starting');
    try {
      const answer = await api('/api/widget/chats', {
        method: 'POST',
        body: {
          queue: queue.slug,
          name: name.value.trim() || undefined,
          email: email.value.trim() || undefined,
          question: question.value,
          page: page || undefined,
          fields: prechat.length ? Object.fromEntries(prechat
            .map((spec, index) => [spec.label, prechatInputs[index].value.trim()])
            .filter(([, value]) => value)) : undefined,
        },
      });
      onStarted(answer, { name: name.value.trim(), email: email.value.trim() });
    } catch (e) {
      submit.disabled = false;
      submit.textContent = t('form.start');
      const wrong = e.details && e.details.fields ? prechat.findIndex((spec) => e.details.fields[`fields.${spec.label}`]) : -1;
      fail(e.message, wrong >= 0 ? prechatInputs[wrong] : e.code === 'invalid' && /mail/i.test(e.message) ? email : null);
    }
  });

  if (patron) {
    name.value = patron.name || '';
    email.value = patron.email || '';
  }
  main.replaceChildren(form);
  // A returning patron's name is already there: the question is what to type next.
  return { focus: () => focus(patron && (patron.name || patron.email) ? question : name) };
}
