// The whole conversation of a chat offered to this operator, read before they accept it.
import { onMounted, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { clockTime } from '../ui/format.js';
import LinkedText from '../ui/LinkedText.js';
import ModalDialog from '../ui/ModalDialog.js';
import { eventLine } from './event-line.js';
import { t } from '../messages/t.js';

export default {
  components: { LinkedText, ModalDialog },
  props: { handoff: { type: Object, required: true } },
  emits: ['close'],
  setup(props) {
    const desk = useDesk();
    const events = ref(null);
    const error = ref('');
    onMounted(async () => {
      try {
        events.value = await desk.history.transcript(props.handoff.chatId);
      } catch (e) {
        error.value = e.message;
      }
    });
    return { events, error, clockTime, line: (event) => eventLine(event, t), titleText: t('transfer.transcriptTitle', { name: props.handoff.patronName }) };
  },
  template: `
    <ModalDialog :title="titleText" test="handoff-transcript" wide @close="$emit('close')">
      <p v-if="error" class="error" role="alert"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
      <p v-else-if="!events" class="muted">{{ t('transcript.loading') }}</p>
      <ol v-else class="messages compact transcript" :aria-label="t('chat.conversation')">
        <template v-for="event in events" :key="event.seq">
          <li v-if="event.type === 'message'" class="message" :class="{ patron: event.from && event.from.kind === 'patron' }" data-test="transcript-message">
            <span class="meta"><span class="sender">{{ (event.from && event.from.name) || t('common.guest') }}</span>
              <time :datetime="event.at">{{ clockTime(event.at) }}</time></span>
            <p class="text"><LinkedText :text="event.text" /></p>
          </li>
          <li v-else class="event-line"><span>{{ line(event) }}</span> <time :datetime="event.at">{{ clockTime(event.at) }}</time></li>
        </template>
      </ol>
    </ModalDialog>
  `,
};
