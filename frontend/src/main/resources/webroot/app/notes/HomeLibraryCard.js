// The home library card beside a chat and a waiting chat's preview: what the chat's own library tells
// whoever answers its patrons. For a chat of another library (a co-op's) it is open, named after that
// library, with its local time, its notes by topic, its local-only topics and its FAQs; for a chat of
// one's own library it is "Our notes", closed until asked for. A stale note says so in words and with
// an icon; a question that touches a local-only topic is flagged, with the form that sends it home.
import { computed, onMounted, ref, watch } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { noteHref, noteDate, sectionsOf, topicKey } from './notes-store.js';
import SendHome from './SendHome.js';
import { t } from '../messages/t.js';

export default {
  components: { SendHome },
  props: { chatId: { type: Number, required: true } },
  setup(props) {
    const desk = useDesk();
    const ids = `home-card-${props.chatId}`;
    const entry = computed(() => desk.notes.cardOf(props.chatId));
    const card = computed(() => (entry.value ? entry.value.card : null));
    const open = ref(false);
    const shown = computed(() => Boolean(card.value && (!card.value.own || open.value)));
    const details = computed(() => desk.chats.detailsOf(props.chatId));
    const chatOpen = computed(() => Boolean(details.value && (details.value.state === 'waiting' || details.value.state === 'active')));
    const sections = computed(() => (card.value ? sectionsOf(card.value.notes, card.value.topics) : []));
    const matched = computed(() => (card.value ? card.value.localOnly.filter((topic) => topic.matched.length) : []));
    const localWords = computed(() => (card.value ? card.value.localOnly.map((topic) => t(topicKey(topic.topic))).join(', ') : ''));
    const matchedWords = computed(() => matched.value.map((topic) => t(topicKey(topic.topic))).join(', '));
    const localTime = computed(() => {
      if (!card.value) return '';
      const { now, timezone } = card.value.library;
      try {
        return new Date(now).toLocaleString([], { timeZone: timezone, weekday: 'short', hour: '2-digit', minute: '2-digit' });
      } catch (e) {
        return '';
      }
    });
    const staleCount = (section) => section.notes.filter((note) => note.stale).length;

    async function load() {
      const loaded = await desk.notes.loadCard(props.chatId);
      if (loaded.card && !loaded.card.own) desk.canned.loadHome(props.chatId);
    }
    onMounted(load);
    // A chat that ends or is claimed meanwhile is read again: whether it can still go home changes.
    watch(() => details.value && details.value.state, (now, before) => { if (before && now !== before) load(); });

    return { ids, entry, card, open, shown, topicKey, chatOpen, sections, matched, localWords, matchedWords, localTime, staleCount, noteDate, noteHref };
  },
  template: `
    <section class="home-card" :aria-labelledby="ids + '-title'" data-test="home-card">
      <template v-if="card && card.own">
        <h3 :id="ids + '-title'" class="section-title">{{ t('notes.ourTitle') }}</h3>
        <button type="button" class="secondary" data-test="our-notes-toggle" :aria-expanded="open ? 'true' : 'false'"
                :aria-controls="ids + '-body'" @click="open = !open">{{ open ? t('notes.hideOurs') : t('notes.showOurs') }}</button>
      </template>
      <h3 v-else :id="ids + '-title'" class="section-title">
        {{ card ? t('notes.homeTitle', { library: card.library.name }) : t('notes.homeTitleLoading') }}</h3>
      <p v-if="entry && entry.error" class="error small" role="alert"><span aria-hidden="true">&#9888;</span> {{ entry.error }}</p>
      <p v-else-if="!card" class="muted small">{{ t('common.loading') }}</p>
      <div v-if="shown" :id="ids + '-body'" class="home-card-body" data-test="home-card-body">
        <p v-if="!card.own && localTime" class="small" data-test="home-local-time">
          {{ t('notes.localTime', { time: localTime, zone: card.library.timezone }) }}</p>
        <div v-if="matched.length" class="notes-warning" role="note" data-test="local-only-warning">
          <span aria-hidden="true">&#9888;</span>
          {{ t('notes.localOnlyMatch', { topics: matchedWords, library: card.library.name }) }}
        </div>
        <p v-else-if="card.localOnly.length" class="hint" data-test="local-only-topics">
          {{ t('notes.localOnlyTopics', { topics: localWords, library: card.library.name }) }}</p>
        <SendHome v-if="card.localOnly.length && (chatOpen || (entry && entry.sent))" :chat-id="chatId" :card="card" />
        <p v-if="!sections.length" class="muted small">{{ t('notes.noNotes') }}</p>
        <details v-for="section in sections" :key="section.topic" class="notes-section" data-test="notes-section" :data-topic="section.topic">
          <summary>
            {{ t(topicKey(section.topic)) }}
            <span class="muted small">{{ t('notes.count', { count: section.notes.length }) }}</span>
            <span v-if="staleCount(section)" class="notes-stale-badge">
              <span aria-hidden="true">&#8635;</span> {{ t('notes.staleCount', { count: staleCount(section) }) }}</span>
          </summary>
          <article v-for="note in section.notes" :key="note.id" class="note" data-test="home-note">
            <p class="note-title">{{ note.title }}</p>
            <p v-if="note.stale" class="note-stale" data-test="note-stale">
              <span aria-hidden="true">&#8635;</span> {{ t('notes.stale', { when: noteDate(note.updatedAt), days: card.staleAfterDays }) }}</p>
            <p class="note-body">{{ note.body }}</p>
            <ul v-if="note.links.length" class="note-links">
              <li v-for="link in note.links" :key="link.url">
                <a v-if="noteHref(link.url)" :href="noteHref(link.url)" rel="noopener noreferrer" target="_blank">{{ link.title }}</a>
                <template v-else>{{ link.title }}</template>
              </li>
            </ul>
            <p v-if="!note.stale" class="muted small">{{ t('notes.updated', { when: noteDate(note.updatedAt) }) }}</p>
          </article>
        </details>
        <template v-if="!card.own && card.faqs.length">
          <p class="note-title">{{ t('notes.faqsTitle', { library: card.library.name }) }}</p>
          <ul class="note-faqs" data-test="home-faqs">
            <li v-for="faq in card.faqs" :key="faq.id">
              <p class="faq-question">{{ faq.question }}</p>
              <p class="muted small">{{ faq.excerpt }}</p>
            </li>
          </ul>
        </template>
      </div>
    </section>
  `,
};
