// "Send home as a ticket": a question on a topic the chat's library answers only itself becomes a
// follow-up ticket of that library, the patron reads who will answer by e-mail, and the chat ends.
// A small form (the topic, a note for the home library's staff), asked once more before it is done;
// focus goes to what happened, or to the question asked, so a keyboard never loses its place.
import { computed, nextTick, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { topicKey } from './notes-store.js';
import { t } from '../messages/t.js';

export default {
  props: {
    chatId: { type: Number, required: true },
    card: { type: Object, required: true },
  },
  setup(props) {
    const desk = useDesk();
    const ids = `send-home-${props.chatId}`;
    const topics = computed(() => props.card.localOnly.map((entry) => entry.topic));
    const firstMatched = props.card.localOnly.find((entry) => entry.matched.length);
    const formOpen = ref(false);
    const confirming = ref(false);
    const topic = ref(firstMatched ? firstMatched.topic : (props.card.localOnly[0] || {}).topic);
    const note = ref('');
    const busy = ref(false);
    const error = ref('');
    const sent = computed(() => {
      const entry = desk.notes.cardOf(props.chatId);
      return entry ? entry.sent : null;
    });
    const details = computed(() => desk.chats.detailsOf(props.chatId));
    const hasEmail = computed(() => Boolean(details.value && details.value.patron && details.value.patron.email));

    async function focus(id) {
      await nextTick();
      const el = document.getElementById(id);
      if (el) el.focus();
    }

    function start() {
      formOpen.value = true;
      error.value = '';
      focus(`${ids}-topic`);
    }

    function cancel() {
      formOpen.value = false;
      confirming.value = false;
      focus(`${ids}-start`);
    }

    function ask() {
      confirming.value = true;
      focus(`${ids}-confirm`);
    }

    async function send() {
      busy.value = true;
      error.value = '';
      try {
        const answer = await desk.notes.sendHome(props.chatId, topic.value, note.value.trim());
        desk.announce(t('notes.sent', { id: answer.ticketId, library: answer.library.name }));
        formOpen.value = false;
        confirming.value = false;
        focus(`${ids}-result`);
      } catch (e) {
        error.value = e.message;
        confirming.value = false;
        focus(`${ids}-error`);
      } finally {
        busy.value = false;
      }
    }

    return { ids, topicKey, topics, formOpen, confirming, topic, note, busy, error, sent, hasEmail, start, cancel, ask, send };
  },
  template: `
    <div class="send-home" data-test="send-home">
      <div v-if="sent" :id="ids + '-result'" class="notes-sent" role="status" tabindex="-1" data-test="send-home-result">
        <p><span aria-hidden="true">&#10003;</span> {{ t('notes.sent', { id: sent.ticketId, library: sent.library.name }) }}</p>
        <p class="muted small">{{ t('notes.patronTold', { line: sent.line }) }}</p>
      </div>
      <template v-else>
        <button v-if="!formOpen" :id="ids + '-start'" type="button" class="secondary" data-test="send-home-start" @click="start">
          {{ t('notes.sendHome') }}</button>
        <form v-else class="inline-form" data-test="send-home-form" @submit.prevent="ask">
          <p v-if="!hasEmail" class="hint"><span aria-hidden="true">&#9993;</span> {{ t('notes.needsEmail') }}</p>
          <label :for="ids + '-topic'">{{ t('notes.sendHomeTopic') }}</label>
          <select :id="ids + '-topic'" v-model="topic" data-test="send-home-topic">
            <option v-for="name in topics" :key="name" :value="name">{{ t(topicKey(name)) }}</option>
          </select>
          <label :for="ids + '-note'">{{ t('notes.sendHomeNote', { library: card.library.name }) }}</label>
          <textarea :id="ids + '-note'" v-model="note" rows="2" :maxlength="card.limits.sendHomeNoteChars" data-test="send-home-note"></textarea>
          <div v-if="confirming" class="notes-confirm" role="group" :aria-labelledby="ids + '-confirm-words'">
            <p :id="ids + '-confirm-words'">{{ t('notes.confirm', { library: card.library.name }) }}</p>
            <div class="button-row">
              <button :id="ids + '-confirm'" type="button" class="primary-inline" data-test="send-home-confirm" :disabled="busy" @click="send">
                {{ busy ? t('common.saving') : t('notes.confirmYes') }}</button>
              <button type="button" class="secondary" @click="cancel">{{ t('notes.cancel') }}</button>
            </div>
          </div>
          <div v-else class="button-row">
            <button type="submit" class="primary-inline" data-test="send-home-submit">{{ t('notes.sendHomeSubmit') }}</button>
            <button type="button" class="secondary" @click="cancel">{{ t('notes.cancel') }}</button>
          </div>
        </form>
        <p v-if="error" :id="ids + '-error'" class="error small" role="alert" tabindex="-1"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
      </template>
    </div>
  `,
};
