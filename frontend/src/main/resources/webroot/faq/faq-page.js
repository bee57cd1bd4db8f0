// A library's public questions and answers (/faq/?queue=<slug>, an answer at #faq-<id>): every
// published public FAQ of the queue's library, a search box that asks the gateway as the patron
// types (ranked, in each FAQ's language), and each answer as the gateway rendered it from Markdown,
// with raw HTML escaped and only http, https and mailto links. No account, nothing from another site.
import { api } from '/shared/api.js';
import { safeHref } from '/shared/linkify.js';
import { t } from './messages/t.js';

const PAGE_FAQS = 500;
const SEARCH_DELAY_MS = 300;

const main = document.getElementById('main');
const title = document.getElementById('title');
const slug = new URLSearchParams(location.search).get('queue');

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

function problem(words) {
  const heading = h('h2', { tabindex: '-1', text: t('faq.problem') });
  main.replaceChildren(h('section', { class: 'panel', role: 'alert' }, heading, h('p', { text: words })));
  heading.focus();
}

const load = (q) => api(`/api/widget/queues/${encodeURIComponent(slug)}/faqs?limit=${PAGE_FAQS}`
  + (q ? `&q=${encodeURIComponent(q)}` : ''));

/** One FAQ: its question opens its answer (a native disclosure, so keys and readers know it). */
function item(faq) {
  const answer = h('div', { class: 'answer' });
  // Rendered by the gateway from Markdown with raw HTML escaped and unsafe links removed.
  answer.innerHTML = faq.answerHtml;
  const links = (faq.links || [])
    .map((link) => ({ href: safeHref(link.url) || (/^mailto:/i.test(link.url) ? link.url : null), title: link.title }))
    .filter((link) => link.href);
  return h('li', { class: 'faq', id: `faq-${faq.id}`, lang: faq.language },
    h('details', { 'data-id': String(faq.id) },
      h('summary', { class: 'question', text: faq.question }),
      answer,
      links.length ? h('div', { class: 'links' },
        h('p', { class: 'links-title', text: t('faq.links') }),
        h('ul', {}, ...links.map((link) => h('li', {},
          h('a', { href: link.href, target: '_blank', rel: 'noopener noreferrer', text: link.title }))))) : null,
      faq.topics && faq.topics.length ? h('p', { class: 'topics', text: t('faq.topics', { topics: faq.topics.join(', ') }) }) : null));
}

function openFromHash() {
  const match = /^#faq-(\d+)$/.exec(location.hash);
  const target = match && document.getElementById(`faq-${match[1]}`);
  if (!target) return;
  const details = target.querySelector('details');
  details.open = true;
  const summary = details.querySelector('summary');
  summary.focus();
  target.scrollIntoView({ block: 'start' });
}

function page(first) {
  const library = first.library.name;
  title.textContent = t('faq.title', { library });
  document.title = t('faq.documentTitle', { library });
  const input = h('input', { id: 'faq-search', type: 'search', autocomplete: 'off', 'aria-describedby': 'faq-search-hint', 'aria-controls': 'faq-list' });
  const status = h('p', { id: 'faq-status', class: 'status', role: 'status', 'aria-live': 'polite' });
  const list = h('ol', { id: 'faq-list', class: 'faq-list', 'aria-labelledby': 'title' });
  const show = (faqs, q) => {
    list.replaceChildren(...faqs.map(item));
    if (q) status.textContent = faqs.length ? t('faq.found', { count: faqs.length, q }) : t('faq.noneFound', { q });
    else status.textContent = faqs.length ? t('faq.count', { count: faqs.length }) : t('faq.none');
  };
  let timer = null;
  let asked = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = input.value.trim() ? input.value : '';
      const mine = ++asked;
      try {
        const answer = await load(q);
        if (mine === asked) show(answer.faqs, q.trim());
      } catch (error) {
        if (mine === asked) status.textContent = t('faq.failed', { reason: error.message });
      }
    }, SEARCH_DELAY_MS);
  });
  main.replaceChildren(
    h('form', { class: 'panel search', role: 'search', onsubmit: (event) => event.preventDefault() },
      h('label', { for: 'faq-search', text: t('faq.search') }),
      input,
      h('p', { id: 'faq-search-hint', class: 'hint', text: t('faq.searchHint') })),
    status,
    h('section', { class: 'panel' }, list));
  show(first.faqs, '');
  openFromHash();
}

async function start() {
  main.querySelector('.loading').textContent = t('faq.loading');
  if (!slug) {
    problem(t('faq.noQueue'));
    return;
  }
  try {
    page(await load(''));
  } catch (error) {
    problem(error.status === 404 ? t('faq.unknownQueue') : t('faq.failed', { reason: error.message }));
  }
}

window.addEventListener('hashchange', openFromHash);
start();
