// The FAQ section beside a chat: answers that match what the patron asked and wrote last (read again,
// a moment after, each time the patron writes), a search box, a preview of the answer as patrons see
// it, and Send, which puts a public FAQ into the chat as a link card. For an ended chat, a draft.
import { computed, onUnmounted, ref, watch } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { suggestionText } from './faq-store.js';
import MakeFaqDraft from './MakeFaqDraft.js';
import { t } from '../messages/t.js';

const SUGGEST_DELAY_MS = 600;
const SEARCH_DELAY_MS = 250;

export default {
  components: { MakeFaqDraft },
  props: { chatId: { type: Number, required: true } },
  setup(props) {
    const desk = useDesk();
    const limits = desk.state.me.limits;
    const q = ref('');
    const results = ref([]);
    const searched = ref(false);
    const error = ref('');
    const previewing = ref(null);
    const previewHtml = ref('');
    const sending = ref(null);
    const sent = ref('');
    const ids = `faq-${props.chatId}`;

    const tab = computed(() => desk.chats.tabOf(props.chatId));
    const details = computed(() => desk.chats.detailsOf(props.chatId));
    const ended = computed(() => (tab.value ? Boolean(tab.value.ended) : Boolean(details.value && details.value.state === 'ended')));
    const canSend = computed(() => Boolean(tab.value && !tab.value.ended));
    const patronWords = computed(() => (tab.value ? tab.value.events : [])
      .filter((event) => event.type === 'message' && event.from && event.from.kind === 'patron' && !event.card)
      .map((event) => event.text));
    const suggestFrom = computed(() => suggestionText(details.value && details.value.question, patronWords.value.slice(1)));

    let timer = null;
    let asked = 0;
    function later(action, delay) {
      clearTimeout(timer);
      timer = setTimeout(action, delay);
    }

    async function load(find) {
      const mine = ++asked;
      try {
        const found = await find();
        if (mine !== asked) return;
        results.value = found;
        error.value = '';
        searched.value = true;
      } catch (e) {
        if (mine === asked) error.value = e.message;
      }
    }

    const suggest = () => load(() => desk.faq.suggest(suggestFrom.value));
    const search = () => (q.value.trim() ? load(() => desk.faq.search(q.value)) : suggest());

    watch(suggestFrom, () => { if (!q.value.trim()) later(suggest, SUGGEST_DELAY_MS); }, { immediate: true });
    watch(q, () => later(search, SEARCH_DELAY_MS));
    onUnmounted(() => clearTimeout(timer));

    async function preview(faq) {
      if (previewing.value === faq.id) {
        previewing.value = null;
        return;
      }
      try {
        const full = await desk.faq.get(faq.id);
        previewHtml.value = full.answerHtml;
        previewing.value = faq.id;
        error.value = '';
      } catch (e) {
        error.value = e.message;
      }
    }

    async function send(faq) {
      sending.value = faq.id;
      sent.value = '';
      try {
        await desk.faq.send(props.chatId, faq.id);
        sent.value = t('faq.sent', { question: faq.question });
        error.value = '';
      } catch (e) {
        error.value = t('faq.notSent', { reason: e.message });
      } finally {
        sending.value = null;
      }
    }

    const heading = computed(() => (q.value.trim() ? t('faq.results') : t('faq.suggestions')));
    return { limits, ids, q, results, searched, error, previewing, previewHtml, sending, sent, ended, canSend, heading, preview, send };
  },
  template: `
    <section class="faq-panel" :aria-labelledby="ids + '-title'" data-test="faq-panel">
      <h3 :id="ids + '-title'" class="section-title">{{ t('faq.title') }}</h3>
      <form class="inline-form" role="search" @submit.prevent>
        <label :for="ids + '-q'">{{ t('faq.search') }}</label>
        <input :id="ids + '-q'" v-model="q" type="search" autocomplete="off" :maxlength="limits.faqSearchChars" data-test="faq-search">
      </form>
      <p class="muted small" :id="ids + '-heading'">{{ heading }}</p>
      <p v-if="error" class="error small" role="alert"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
      <p class="muted small" role="status" data-test="faq-status">
        <template v-if="sent">{{ sent }}</template>
        <template v-else-if="searched && !results.length">{{ t('faq.noMatch') }}</template>
      </p>
      <ul class="faq-results" :aria-labelledby="ids + '-heading'">
        <li v-for="faq in results" :key="faq.id" class="faq-result" data-test="faq-result">
          <p class="faq-question">{{ faq.question }}
            <span v-if="faq.visibility === 'internal'" class="faq-badge">{{ t('faq.staffOnly') }}</span>
            <span v-if="faq.language === 'es'" class="faq-badge">{{ t('faq.spanish') }}</span></p>
          <p class="muted small">{{ faq.excerpt }}</p>
          <div class="button-row">
            <button type="button" class="secondary" data-test="faq-preview" :aria-expanded="previewing === faq.id ? 'true' : 'false'"
                    :aria-controls="ids + '-preview-' + faq.id" @click="preview(faq)">
              {{ t('faq.preview') }}<span class="visually-hidden">{{ ' ' + faq.question }}</span></button>
            <button v-if="canSend && faq.visibility === 'public'" type="button" class="primary-inline" data-test="faq-send"
                    :disabled="sending !== null" @click="send(faq)">
              {{ sending === faq.id ? t('faq.sending') : t('faq.send') }}<span class="visually-hidden">{{ ' ' + faq.question }}</span></button>
          </div>
          <div v-if="previewing === faq.id" :id="ids + '-preview-' + faq.id" class="faq-preview" data-test="faq-preview-answer" v-html="previewHtml"></div>
        </li>
      </ul>
      <MakeFaqDraft v-if="ended" :chat-id="chatId" />
    </section>
  `,
};
