// A waiting chat before it is claimed: the whole question, anything more the patron has written, what
// they are typing right now, and the Claim button. Whoever wins a claim is shown here at once.
import { computed, nextTick, onMounted, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { clockTime, waitedFor } from '../ui/format.js';
import LinkedText from '../ui/LinkedText.js';
import DismissForm from '../missed/DismissForm.js';
import { t } from '../messages/t.js';

export default {
  components: { LinkedText, DismissForm },
  setup() {
    const desk = useDesk();
    const { state } = desk;
    const busy = ref(false);
    const error = ref('');
    const preview = computed(() => desk.preview.state.current);
    const chatId = computed(() => preview.value.chatId);
    const listed = computed(() => {
      for (const q of desk.queues.state.queues) {
        const item = q.waiting.find((c) => c.chatId === chatId.value);
        if (item) return item;
      }
      return null;
    });
    const details = computed(() => desk.chats.detailsOf(chatId.value));
    const patronName = computed(() => (listed.value && listed.value.patronName)
      || (details.value && details.value.patron && details.value.patron.name) || t('common.guest'));
    const question = computed(() => (listed.value && listed.value.question) || (details.value && details.value.question) || '');
    const createdAt = computed(() => (listed.value && listed.value.createdAt) || (details.value && details.value.createdAt));
    const holder = computed(() => {
      const by = desk.queues.holderOf(chatId.value);
      return by && by.id !== state.me.operator.id ? by : null;
    });
    const gone = computed(() => desk.queues.goneWhy(chatId.value) || (details.value && details.value.state === 'ended' ? 'ended' : null));

    async function claim() {
      busy.value = true;
      error.value = '';
      try {
        await desk.claim(chatId.value);
      } catch (e) {
        if (e.code !== 'already_claimed') error.value = e.code === 'chat_ended' ? t('preview.ended') : e.message;
      } finally {
        busy.value = false;
      }
    }

    // A waiting chat that is spam is put aside with a reason; the queue hears it end.
    const dismissing = ref(false);
    const dismissButton = ref(null);
    async function dismiss({ reason, note }) {
      busy.value = true;
      error.value = '';
      const answer = await desk.missed.dismiss(chatId.value, reason, note);
      busy.value = false;
      if (answer.error) {
        error.value = answer.error.message;
        return;
      }
      dismissing.value = false;
      desk.queues.markGone(chatId.value, 'ended');
      desk.announce(t('missed.dismissed', { name: patronName.value }));
      await nextTick();
      const next = document.getElementById('queue-title');
      if (next) next.focus();
    }
    async function cancelDismiss() {
      dismissing.value = false;
      await nextTick();
      if (dismissButton.value) dismissButton.value.focus();
    }

    // Chosen from the list (by click, Enter or the overdue notice): focus comes here, so the next Tab is
    // Claim, not the rest of the queue lists.
    const title = ref(null);
    onMounted(() => {
      if (title.value) title.value.focus({ preventScroll: true });
    });

    const senderOf = (m) => (m.from && m.from.kind === 'operator' ? m.from.name : patronName.value);

    return {
      state, preview, patronName, question, createdAt, holder, gone, busy, error, claim, senderOf, title, clockTime, waitedFor,
      chatId, dismissing, dismissButton, dismiss, cancelDismiss,
    };
  },
  template: `
    <section class="preview" aria-labelledby="preview-title" data-test="preview">
      <h2 id="preview-title" ref="title" class="pane-title" tabindex="-1">{{ patronName }}
        <span v-if="createdAt && !holder && !gone && !preview.claimed" class="muted title-note">{{ t('preview.waiting', { time: waitedFor(createdAt, state.now) }) }}</span></h2>
      <p v-if="holder" class="status-line claimed-by" data-test="claimed-by" role="status">{{ t('queues.claimedBy', { name: holder.name }) }}</p>
      <p v-else-if="gone" class="status-line" role="status">
        {{ gone === 'abandoned' ? t('preview.abandoned') : t('preview.ended') }}</p>
      <button v-if="!holder && !gone" type="button" class="primary claim" data-test="claim" :disabled="busy" @click="claim">
        {{ busy ? t('preview.claiming') : t('preview.claim') }}
      </button>
      <template v-if="!holder && !gone">
        <DismissForm v-if="dismissing" :chat-id="chatId" :busy="busy" initial="spam" @confirm="dismiss" @cancel="cancelDismiss" />
        <button v-else ref="dismissButton" type="button" class="link-button" data-test="preview-dismiss" @click="dismissing = true">{{ t('preview.dismiss') }}</button>
      </template>
      <p v-if="error" class="error" role="alert"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
      <h3 class="section-title">{{ t('preview.question') }}</h3>
      <p class="question-text" data-test="preview-question"><LinkedText :text="question" /></p>
      <ol v-if="preview.messages.length" class="messages compact" :aria-label="t('preview.writtenSince')">
        <li v-for="m in preview.messages" :key="m.seq" class="message" data-test="message" :data-seq="m.seq">
          <span class="meta"><span class="sender">{{ senderOf(m) }}</span> <time :datetime="m.at">{{ clockTime(m.at) }}</time></span>
          <p class="text"><LinkedText :text="m.text" /></p>
        </li>
      </ol>
      <div v-if="!holder && !gone" class="typing-preview" data-test="typing-preview">
        <template v-if="preview.typing">
          <span class="typing-label">{{ t('preview.typing', { name: patronName }) }}</span>
          <span class="draft">{{ preview.draft || '…' }}</span>
        </template>
        <span v-else class="muted">{{ t('preview.notTyping', { name: patronName }) }}</span>
      </div>
    </section>
  `,
};
