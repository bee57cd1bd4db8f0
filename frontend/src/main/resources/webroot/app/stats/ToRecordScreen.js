// Statistics to record: the operator's ended chats of the last 30 days without an entry, newest first,
// each opening its form in place; and a question asked at the desk, on the phone or by e-mail,
// recorded without a chat. A recorded chat leaves the list and focus goes to the next one.
import { nextTick, onMounted, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { dayAndTime, shorten } from '../ui/format.js';
import RecordStatistics from './RecordStatistics.js';

export default {
  components: { RecordStatistics },
  setup() {
    const desk = useDesk();
    const chats = ref([]);
    const count = ref(null);
    const open = ref(null);
    const desking = ref(false);
    const error = ref('');
    const title = ref(null);

    async function load() {
      try {
        const answer = await desk.call('/api/statistics/to-record');
        chats.value = answer.chats;
        count.value = answer.count;
      } catch (e) {
        error.value = e.message;
      }
    }

    async function recorded(chatId) {
      const index = chats.value.findIndex((chat) => chat.chatId === chatId);
      await load();
      open.value = null;
      await nextTick();
      const next = chats.value[Math.min(index, chats.value.length - 1)];
      const target = next ? document.getElementById(`to-record-${next.chatId}`) : title.value;
      if (target) target.focus();
    }

    async function toggle(chatId) {
      open.value = open.value === chatId ? null : chatId;
    }

    async function deskSaved() {
      desking.value = false;
      await nextTick();
      const again = document.getElementById('record-desk');
      if (again) again.focus();
    }

    onMounted(async () => {
      if (title.value) title.value.focus();
      await load();
    });

    return { chats, count, open, desking, error, title, recorded, toggle, deskSaved, dayAndTime, shorten };
  },
  template: `
    <main class="to-record-screen" data-test="to-record-screen">
      <h2 ref="title" class="pane-title" tabindex="-1">{{ t('stats.toRecordTitle') }}</h2>
      <p v-if="count !== null" data-test="to-record-count">{{ t('stats.toRecordCount', { count }) }}</p>
      <p v-if="error" class="error" role="alert"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
      <button id="record-desk" type="button" class="secondary" data-test="record-desk" :aria-expanded="desking ? 'true' : 'false'"
              @click="desking = !desking">{{ t('stats.recordDesk') }}</button>
      <RecordStatistics v-if="desking" @saved="deskSaved" />
      <ul class="to-record-list" :aria-label="t('stats.toRecordTitle')">
        <li v-for="chat in chats" :key="chat.chatId" data-test="to-record-item">
          <button :id="'to-record-' + chat.chatId" type="button" class="link-button" :aria-expanded="open === chat.chatId ? 'true' : 'false'"
                  @click="toggle(chat.chatId)">
            {{ t('stats.toRecordLine', { name: chat.patronName, when: dayAndTime(chat.endedAt), queue: chat.queueName }) }}
          </button>
          <p class="muted small">{{ shorten(chat.question, 140) }}</p>
          <RecordStatistics v-if="open === chat.chatId" :chat-id="chat.chatId" @saved="recorded" @later="toggle(chat.chatId)" />
        </li>
      </ul>
    </main>
  `,
};
