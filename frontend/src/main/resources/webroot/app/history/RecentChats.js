// This operator's chats that ended in the last week, newest first; one click opens a chat again as a
// read-only tab, to look something up or to tag it after the fact. The first few are shown, so a
// keyboard user does not tab through twenty of them to reach the chat pane.
import { computed, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { dayAndTime, firstLine } from '../ui/format.js';

const FIRST = 5;

export default {
  setup() {
    const desk = useDesk();
    const all = ref(false);
    const recent = computed(() => desk.history.state.recent);
    const shown = computed(() => (all.value ? recent.value.chats : recent.value.chats.slice(0, FIRST)));
    const hidden = computed(() => recent.value.chats.length - shown.value.length);
    return { state: desk.state, recent, all, shown, hidden, reopen: desk.reopen, dayAndTime, firstLine };
  },
  template: `
    <section class="recent" aria-labelledby="recent-title" data-test="recent-chats">
      <h3 id="recent-title" class="queue-name">{{ t('recent.title') }}</h3>
      <p v-if="!recent.loaded" class="muted">{{ t('common.loading') }}</p>
      <p v-else-if="recent.error" class="muted small">{{ t('recent.error', { reason: recent.error }) }}</p>
      <p v-else-if="!recent.chats.length" class="muted small">{{ t('recent.none') }}</p>
      <ul class="waiting-list">
        <li v-for="c in shown" :key="c.chatId">
          <button type="button" class="waiting-item recent-item" data-test="recent-chat" :data-chat-id="c.chatId" @click="reopen(c)">
            <span class="waiting-head">
              <span class="patron-name">{{ c.patronName || t('common.guest') }}</span>
              <time class="waited" :datetime="c.endedAt">{{ dayAndTime(c.endedAt, state.now) }}</time>
            </span>
            <span class="waiting-question">{{ firstLine(c.question) }}</span>
          </button>
        </li>
      </ul>
      <button v-if="hidden > 0" type="button" class="link-button" data-test="recent-more" @click="all = true">
        {{ t('recent.more', { count: hidden }) }}</button>
    </section>
  `,
};
