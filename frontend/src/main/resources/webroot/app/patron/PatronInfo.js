// Who is asking, beside the chat: what the patron chose to give, where they asked from, and with what,
// then what they asked before. The page they came from is a link only when it is an http(s) address.
import { computed } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { clockTime, describeBrowser } from '../ui/format.js';
import { safeHref } from '/shared/linkify.js';
import PatronEmail from './PatronEmail.js';
import PatronHistory from '../history/PatronHistory.js';

export default {
  components: { PatronEmail, PatronHistory },
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
      if (desk.queues.goneWhy(chatId.value) || d.state === 'ended') return { words: 'Ended', owner: d.owner };
      const holder = desk.queues.holderOf(chatId.value) || d.owner;
      if (holder || d.state === 'active') return { words: 'In progress', owner: holder };
      return { words: d.state === 'waiting' ? 'Waiting' : '', owner: null };
    });
    // Recording an e-mail is for the librarian answering the chat, not for one looking at it.
    const mine = computed(() => Boolean(chatId.value !== null && desk.chats.tabOf(chatId.value)));
    return { state, chatId, details, patron, pageHref, browser, queueName, live, mine, clockTime };
  },
  template: `
    <div class="patron-info" data-test="patron-info">
      <h2 id="info-title" class="pane-title">Patron</h2>
      <p v-if="chatId === null" class="muted">Choose a chat to see who is asking.</p>
      <p v-else-if="!details" class="muted">Loading…</p>
      <p v-else-if="details.error" class="error" role="alert"><span aria-hidden="true">&#9888;</span> {{ details.error }}</p>
      <dl v-else class="facts">
        <dt>Name</dt><dd data-test="patron-name">{{ patron.name || 'Guest' }}</dd>
        <dt>E-mail</dt><dd data-test="patron-email">{{ patron.email || 'Not given' }}</dd>
        <dt>IP address</dt><dd data-test="patron-ip">{{ patron.ip || 'Unknown' }}</dd>
        <dt>Page</dt>
        <dd data-test="patron-page">
          <a v-if="pageHref" :href="pageHref" rel="noopener noreferrer" target="_blank">{{ patron.page }}</a>
          <template v-else>{{ patron.page || 'Not known' }}</template>
        </dd>
        <dt>Browser</dt><dd data-test="patron-browser" :title="patron.userAgent || null">{{ browser }}</dd>
        <dt>Queue</dt><dd data-test="patron-queue">{{ queueName }}</dd>
        <dt>State</dt><dd data-test="patron-state">{{ live.words }}<template v-if="live.owner"> — {{ live.owner.name }}</template></dd>
        <dt>Asked at</dt><dd><time :datetime="details.createdAt">{{ clockTime(details.createdAt) }}</time></dd>
      </dl>
      <template v-if="details && !details.error">
        <PatronEmail v-if="!patron.email && mine" :key="'email-' + chatId" :chat-id="chatId" />
        <PatronHistory :chat-id="chatId" :has-email="Boolean(patron.email)" />
      </template>
    </div>
  `,
};
