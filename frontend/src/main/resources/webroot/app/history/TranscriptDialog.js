// An earlier chat, read-only: every stored event, fetched page by page when the dialog opens.
import { onMounted, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { clockTime, dayAndTime } from '../ui/format.js';
import LinkedText from '../ui/LinkedText.js';
import ModalDialog from '../ui/ModalDialog.js';
import MakeFaqDraft from '../faq/MakeFaqDraft.js';
import { t } from '../messages/t.js';

export default {
  components: { LinkedText, ModalDialog, MakeFaqDraft },
  props: { chat: { type: Object, required: true } },
  emits: ['close'],
  setup(props) {
    const desk = useDesk();
    const events = ref(null);
    const error = ref('');
    // The patron's rating and comment, once the dialog has asked (null: not asked yet or none given).
    const rating = ref(undefined);
    const title = t('transcript.title', { when: dayAndTime(props.chat.createdAt) });

    function line(event) {
      if (event.type === 'claimed') return t('events.joined', { name: event.operator ? event.operator.name : t('events.aLibrarian') });
      if (event.type === 'ended') return event.endedBy === 'system' ? t('events.endedIdle') : t('chat.ended');
      return event.text || '';
    }

    onMounted(async () => {
      try {
        events.value = await desk.history.transcript(props.chat.chatId);
      } catch (e) {
        error.value = e.message;
      }
      try {
        rating.value = (await desk.call(`/api/chats/${props.chat.chatId}/rating`)).rating;
      } catch {
        rating.value = undefined;
      }
    });

    return { events, error, rating, title, line, clockTime };
  },
  template: `
    <ModalDialog :title="title" test="transcript" wide @close="$emit('close')">
      <p v-if="error" class="error" role="alert"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
      <p v-else-if="!events" class="muted">{{ t('transcript.loading') }}</p>
      <ol v-else class="messages compact transcript" :aria-label="t('chat.conversation')">
        <template v-for="event in events" :key="event.seq">
          <li v-if="event.type === 'message'" class="message" :class="{ patron: event.from && event.from.kind === 'patron' }"
              data-test="transcript-message">
            <span class="meta">
              <span class="sender">{{ (event.from && event.from.name) || t('common.guest') }}</span>
              <time :datetime="event.at">{{ clockTime(event.at) }}</time>
            </span>
            <p class="text"><LinkedText :text="event.text" /></p>
          </li>
          <li v-else class="event-line"><span>{{ line(event) }}</span> <time :datetime="event.at">{{ clockTime(event.at) }}</time></li>
        </template>
      </ol>
      <section v-if="events && rating !== undefined" class="transcript-rating" data-test="transcript-rating">
        <p v-if="rating"><strong>{{ t('rating.inTranscript', { score: rating.score }) }}</strong></p>
        <p v-if="rating && rating.comment">{{ t('rating.commentLabel') }} <span class="rating-comment">{{ rating.comment }}</span></p>
        <p v-if="!rating" class="muted">{{ t('rating.none') }}</p>
      </section>
      <MakeFaqDraft v-if="events && (chat.state === 'ended' || chat.endedAt)" :chat-id="chat.chatId" />
    </ModalDialog>
  `,
};
