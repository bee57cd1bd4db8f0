// The patron's earlier chats with the library (found by their e-mail), newest first, each opening its
// whole transcript, read-only, in a dialog: what they asked before is often the best clue to now.
import { computed, ref, watch } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { dayAndTime, firstLine } from '../ui/format.js';
import TranscriptDialog from './TranscriptDialog.js';

const STATE_WORDS = { waiting: 'earlier.stateWaiting', active: 'earlier.stateActive', ended: 'earlier.stateEnded' };

export default {
  components: { TranscriptDialog },
  props: { chatId: { type: Number, required: true }, hasEmail: { type: Boolean, required: true } },
  setup(props) {
    const desk = useDesk();
    const { state } = desk;
    const reading = ref(null);
    const history = computed(() => desk.history.state.earlier[props.chatId]);

    // Read when the chat comes into view, and again once an e-mail is recorded for it.
    watch(() => [props.chatId, props.hasEmail], () => {
      if (props.hasEmail && !desk.history.state.earlier[props.chatId]) desk.history.earlier(props.chatId);
    }, { immediate: true });

    return { state, reading, history, dayAndTime, firstLine, STATE_WORDS };
  },
  template: `
    <section class="earlier" aria-labelledby="earlier-title" data-test="earlier-chats">
      <h3 id="earlier-title" class="section-title">{{ t('earlier.title') }}</h3>
      <p v-if="!hasEmail" class="muted small">{{ t('earlier.noEmail') }}</p>
      <p v-else-if="!history || !history.loaded" class="muted small">{{ t('common.loading') }}</p>
      <p v-else-if="history.error" class="error small" role="alert"><span aria-hidden="true">&#9888;</span> {{ history.error }}</p>
      <p v-else-if="!history.chats.length" class="muted small">{{ t('earlier.none') }}</p>
      <ul v-if="hasEmail && history && history.chats.length" class="earlier-list">
        <li v-for="c in history.chats" :key="c.chatId">
          <button type="button" class="earlier-item" data-test="earlier-chat" :data-chat-id="c.chatId" @click="reading = c">
            <time :datetime="c.createdAt" class="earlier-when">{{ dayAndTime(c.createdAt, state.now) }}</time>
            <span class="earlier-state">({{ STATE_WORDS[c.state] ? t(STATE_WORDS[c.state]) : c.state }})</span>
            <span class="earlier-question">{{ firstLine(c.question) }}</span>
          </button>
        </li>
      </ul>
      <TranscriptDialog v-if="reading" :chat="reading" @close="reading = null" />
    </section>
  `,
};
