// One staff room: its messages (who, when, what) in seq order, then this operator's still on their
// way, and the composer, which has focus when the room opens. Enter sends, Shift+Enter a new line.
import { computed, nextTick, onMounted, ref, watch } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { clockTime } from '../ui/format.js';
import LinkedText from '../ui/LinkedText.js';
import { t } from '../messages/t.js';

export default {
  components: { LinkedText },
  props: { room: { type: Object, required: true } },
  emits: ['back'],
  setup(props) {
    const desk = useDesk();
    const staff = desk.staffchat;
    const MAX = desk.state.me.limits.messageChars;
    const field = ref(null);
    const list = ref(null);
    const meId = desk.state.me.operator.id;
    const own = (m) => Boolean(m.from) && m.from.id === meId;
    const title = computed(() => (props.room.kind === 'staff' ? t('staffchat.staffRoom', { name: props.room.name }) : props.room.name));

    function send() {
      if (staff.send(props.room) && field.value) field.value.focus();
    }

    function onKey(event) {
      if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
      event.preventDefault();
      send();
    }

    async function toBottom() {
      await nextTick();
      if (list.value) list.value.scrollTop = list.value.scrollHeight;
    }

    watch(() => props.room.messages.length + props.room.pending.length, toBottom);
    onMounted(() => {
      toBottom();
      if (field.value) field.value.focus({ preventScroll: true });
    });

    return {
      field, list, own, title, MAX, send, onKey, clockTime,
      setDraft: (e) => staff.setDraft(props.room, e.target.value), retry: (item) => staff.retry(props.room, item),
    };
  },
  template: `
    <div class="room-view" data-test="room" :data-room-id="room.id">
      <div class="room-head">
        <button type="button" class="secondary room-back" data-test="room-back" @click="$emit('back')">
          <span aria-hidden="true">&#8592;</span> {{ t('staffchat.back') }}</button>
        <h3 class="room-title" data-test="room-title">{{ title }}</h3>
      </div>
      <p v-if="room.error" class="error" role="alert"><span aria-hidden="true">&#9888;</span> {{ room.error }}</p>
      <ol class="messages" ref="list" tabindex="0" :aria-label="t('staffchat.conversation', { name: title })" data-test="room-messages">
        <li v-if="room.history === 'loading'" class="muted small">{{ t('common.loading') }}</li>
        <li v-for="m in room.messages" :key="m.seq" class="message" :class="{ own: own(m) }" data-test="room-message" :data-seq="m.seq">
          <span class="meta">
            <span class="sender" data-test="room-sender">{{ own(m) ? t('chat.you') : m.from && m.from.name }}</span>
            <time :datetime="m.at">{{ clockTime(m.at) }}</time>
          </span>
          <p class="text"><LinkedText :text="m.text" /></p>
        </li>
        <li v-for="item in room.pending" :key="item.clientMsgId" class="message own pending" data-test="room-pending">
          <span class="meta"><span class="sender">{{ t('chat.you') }}</span></span>
          <p class="text"><LinkedText :text="item.text" /></p>
          <p v-if="!item.failed" class="delivery">{{ t('chat.sending') }}</p>
          <p v-else class="delivery failed" role="alert">
            <span aria-hidden="true">&#9888;</span> {{ t('chat.notSent') }} <span class="reason">({{ item.reason }})</span> —
            <button type="button" class="link-button" @click="retry(item)">{{ t('chat.retry') }}</button>
          </p>
        </li>
      </ol>
      <form class="composer" @submit.prevent="send">
        <label :for="'room-composer-' + room.id" class="visually-hidden">{{ t('staffchat.writeTo', { name: title }) }}</label>
        <textarea ref="field" :id="'room-composer-' + room.id" :value="room.draft" data-test="room-composer" rows="2" :maxlength="MAX"
                  :aria-describedby="'room-hint-' + room.id" @keydown="onKey" @input="setDraft"></textarea>
        <div class="composer-foot">
          <span :id="'room-hint-' + room.id" class="hint">{{ t('staffchat.composerHint') }}</span>
          <button type="submit" class="primary send" data-test="room-send" :disabled="!room.draft.trim()">{{ t('composer.send') }}</button>
        </div>
      </form>
    </div>
  `,
};
