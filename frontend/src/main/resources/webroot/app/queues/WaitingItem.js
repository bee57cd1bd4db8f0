// One waiting chat in the queue list: who, how long, the first line of the question, and the first
// minute counting down. Once it runs out the chat says "Overdue" in words, not only in colour.
import { computed } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { firstLine, waitedFor } from '../ui/format.js';
import { firstMinute, formatCountdown } from '../chats/timing.js';

export default {
  props: { chat: { type: Object, required: true } },
  setup(props) {
    const desk = useDesk();
    const { state } = desk;
    const selected = computed(() => Boolean(state.focus) && state.focus.chatId === props.chat.chatId);
    const minute = computed(() => firstMinute(props.chat.createdAt, state.now, desk.library.state.firstMinuteSeconds));
    return { state, selected, minute, formatCountdown, firstLine, waitedFor, select: desk.select };
  },
  template: `
    <button type="button" class="waiting-item" :class="{ claimed: chat.claimedBy, selected, overdue: minute.overdue && !chat.claimedBy }"
            data-test="waiting-item" :data-chat-id="chat.chatId" :aria-current="selected ? 'true' : null" @click="select(chat.chatId)">
      <span class="waiting-head">
        <span class="patron-name">{{ chat.patronName || t('common.guest') }}</span>
        <span class="waited" data-test="waited"><span class="visually-hidden">{{ t('queues.waitingFor') + ' ' }}</span>{{ waitedFor(chat.createdAt, state.now) }}</span>
      </span>
      <span v-if="chat.homeLibraryName && chat.homeLibraryId !== state.me.operator.libraryId" class="home-library" data-test="home-library">{{ t('coop.homeLibrary', { library: chat.homeLibraryName }) }}</span>
      <span class="waiting-question">{{ firstLine(chat.question) }}</span>
      <span v-if="chat.claimedBy" class="claimed-by" data-test="claimed-by">{{ t('queues.claimedBy', { name: chat.claimedBy.name }) }}</span>
      <span v-else-if="minute.overdue" class="overdue-label" data-test="overdue"><span aria-hidden="true">&#9888;</span> {{ t('queues.overdue') }}</span>
      <span v-else class="countdown" data-test="countdown">{{ t('queues.toAnswer', { time: formatCountdown(minute.remaining) }) }}</span>
    </button>
  `,
};
