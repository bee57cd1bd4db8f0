// The library's FAQs in the widget: matching answers under the question while the patron types it
// (they may still start the chat), and an FAQ a librarian sent, shown as a card. Titles go in as
// text; a link is made only of an http(s) address the gateway gave.
import { api } from '/shared/api.js';
import { safeHref } from '/shared/linkify.js';
import { h } from './dom.js';
import { t } from './messages/t.js';

const SUGGEST_DELAY_MS = 400;
const SUGGEST_MIN_CHARS = 4;
const SUGGESTIONS = 3;

function faqLink(title, url, test) {
  const href = safeHref(url);
  if (!href) return h('span', { text: title });
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer', 'data-test': test },
    title, h('span', { class: 'sr-only', text: ` ${t('faq.newTab')}` }));
}

/**
 * Up to three public FAQs that match what is typed in `field`, asked for a moment after the patron
 * stops typing. Returns the element to place under the field; it says nothing until there is a match.
 */
export function faqSuggestions(field, queueSlug) {
  const list = h('ul', { class: 'faq-suggest-list' });
  const title = h('p', { class: 'faq-suggest-title', text: t('faq.suggestTitle') });
  const box = h('div', { class: 'faq-suggest', 'aria-live': 'polite', 'data-test': 'faq-suggestions' });
  let timer = null;
  let asked = 0;
  let lastQuery = '';

  function show(faqs) {
    if (!faqs.length) {
      box.replaceChildren();
      return;
    }
    list.replaceChildren(...faqs.map((faq) => h('li', {}, faqLink(faq.question, faq.url, 'faq-suggestion'))));
    box.replaceChildren(title, list, h('p', { class: 'hint', text: t('faq.stillAsk') }));
  }

  async function ask() {
    const q = field.value.trim().slice(0, 200);
    if (q === lastQuery) return;
    lastQuery = q;
    const mine = ++asked;
    if (q.length < SUGGEST_MIN_CHARS) {
      show([]);
      return;
    }
    try {
      const answer = await api(`/api/widget/queues/${encodeURIComponent(queueSlug)}/faqs?limit=${SUGGESTIONS}&q=${encodeURIComponent(q)}`);
      if (mine === asked) show(answer.faqs || []);
    } catch (error) {
      // Suggestions are a help, not the form: a refusal or an outage leaves the form as it was.
      if (mine === asked) show([]);
    }
  }

  field.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(ask, SUGGEST_DELAY_MS);
  });
  return box;
}

/** An FAQ a librarian sent: its question as a link to the library's FAQ page, in a new tab. */
export function faqCard(card) {
  return h('div', { class: 'faq-card', 'data-test': 'faq-card' },
    h('p', { class: 'faq-card-kind', text: t('faq.cardKind') }),
    h('p', { class: 'faq-card-title' }, faqLink(card.title || '', card.url, 'faq-card-link')));
}
