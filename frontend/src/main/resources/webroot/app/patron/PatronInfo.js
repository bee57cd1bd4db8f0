// Who is asking, beside the chat: what the patron chose to give, where they asked from, and with what,
// then what they asked before. The page they came from is a link only when it is an http(s) address.
import { computed } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { clockTime, describeBrowser } from '../ui/format.js';
import { safeHref } from '/shared/linkify.js';
import PatronEmail from './PatronEmail.js';
import PatronHistory from '../history/PatronHistory.js';
import MakeTicket from '../tickets/MakeTicket.js';
import FaqPanel from '../faq/FaqPanel.js';
import HomeLibraryCard from '../notes/HomeLibraryCard.js';
import { t } from '../messages/t.js';

export default {
  components: { PatronEmail, PatronHistory, MakeTicket, FaqPanel, HomeLibraryCard },
  setup() {
    const desk = useDesk();
    const { state } = desk;
    const chatId = computed(() => (state.focus ? state.focus.chatId : null));
    const details = computed(() => (chatId.value === null ? null : desk.chats.detailsOf(chatId.value)));
    const patron = computed(() => (details.value && details.value.patron) || {});
    const pageHref = computed(() => safeHref(patron.value.page));
    const browser = computed(() => describeBrowser(patron.value.userAgent));
    const queueName = computed(() => {
      const id = details.value && details.value.queueId;
      const q = state.me.queues.find((x) => x.id === id);
      return q ? q.name : (details.value && details.value.queueName) || '';
    });
    // What the chat is now: the queue and chat events (claimed, ended) are heard before the details are
    // read again, and a colleague's claim must not leave a preview saying "Waiting".
    const live = computed(() => {
      const d = details.value || {};
      if (desk.queues.goneWhy(chatId.value) || d.state === 'ended') return { words: t('patron.stateEnded'), owner: d.owner };
      const holder = desk.queues.holderOf(chatId.value) || d.owner;
      if (holder || d.state === 'active') return { words: t('patron.stateActive'), owner: holder };
      return { words: d.state === 'waiting' ? t('patron.stateWaiting') : '', owner: null };
    });
    // Recording an e-mail is for the librarian answering the chat, not for one looking at it.
    const mine = computed(() => Boolean(chatId.value !== null && desk.chats.tabOf(chatId.value)));
    return { state, chatId, details, patron, pageHref, browser, queueName, live, mine, clockTime };
  },
  template: `
    <div class="patron-info" data-test="patron-info">
      <h2 id="info-title" class="pane-title">{{ t('desk.panePatron') }}</h2>
      <p v-if="chatId === null" class="muted">{{ t('patron.none') }}</p>
      <p v-else-if="!details" class="muted">{{ t('common.loading') }}</p>
      <p v-else-if="details.error" class="error" role="alert"><span aria-hidden="true">&#9888;</span> {{ details.error }}</p>
      <dl v-else class="facts">
        <dt>{{ t('patron.name') }}</dt><dd data-test="patron-name">{{ patron.name || t('common.guest') }}</dd>
        <dt>{{ t('patron.email') }}</dt><dd data-test="patron-email">{{ patron.email || t('patron.notGiven') }}</dd>
        <dt>{{ t('patron.ip') }}</dt><dd data-test="patron-ip">{{ patron.ip || t('patron.unknown') }}</dd>
        <dt>{{ t('patron.page') }}</dt>
        <dd data-test="patron-page">
          <a v-if="pageHref" :href="pageHref" rel="noopener noreferrer" target="_blank">{{ patron.page }}</a>
          <template v-else>{{ patron.page || t('patron.notKnown') }}</template>
        </dd>
        <dt>{{ t('patron.browser') }}</dt><dd data-test="patron-browser" :title="patron.userAgent || null">{{ browser }}</dd>
        <dt>{{ t('patron.queue') }}</dt><dd data-test="patron-queue">{{ queueName }}</dd>
        <template v-for="answer in patron.prechat || []" :key="answer.label">
          <dt>{{ answer.label }}</dt><dd data-test="patron-prechat">{{ answer.value }}</dd>
        </template>
        <dt>{{ t('patron.state') }}</dt><dd data-test="patron-state">{{ live.words }}<template v-if="live.owner"> — {{ live.owner.name }}</template></dd>
        <dt>{{ t('patron.askedAt') }}</dt><dd><time :datetime="details.createdAt">{{ clockTime(details.createdAt) }}</time></dd>
      </dl>
      <template v-if="details && !details.error">
        <HomeLibraryCard :key="'home-' + chatId" :chat-id="chatId" />
        <PatronEmail v-if="!patron.email && mine" :key="'email-' + chatId" :chat-id="chatId" />
        <MakeTicket v-if="mine" :key="'ticket-' + chatId" :chat-id="chatId" />
        <FaqPanel :key="'faq-' + chatId" :chat-id="chatId" />
        <PatronHistory :chat-id="chatId" :has-email="Boolean(patron.email)" />
      </template>
    </div>
  `,
};
