// Putting a chat aside without answering it: a reason from a short list and, if wanted, a few words.
// Used for missed chats and for a waiting chat that is spam.
import { nextTick, onMounted, ref } from 'vue';
import { REASONS } from './missed-store.js';
import { reasonWord } from './reason-words.js';

export default {
  props: {
    chatId: { type: Number, required: true },
    busy: { type: Boolean, default: false },
    initial: { type: String, default: 'spam' },
  },
  emits: ['confirm', 'cancel'],
  setup(props, { emit }) {
    const reason = ref(props.initial);
    const note = ref('');
    const select = ref(null);
    onMounted(async () => {
      await nextTick();
      if (select.value) select.value.focus();
    });
    const confirm = () => emit('confirm', { reason: reason.value, note: note.value.trim() });
    return { REASONS, reason, note, select, confirm, reasonWord };
  },
  template: `
    <form class="dismiss-form" data-test="dismiss-form" @submit.prevent="confirm" @keydown.esc.prevent="$emit('cancel')">
      <label :for="'dismiss-reason-' + chatId">{{ t('dismiss.reason') }}</label>
      <select :id="'dismiss-reason-' + chatId" ref="select" v-model="reason" data-test="dismiss-reason">
        <option v-for="r in REASONS" :key="r" :value="r">{{ reasonWord(r) }}</option>
      </select>
      <label :for="'dismiss-note-' + chatId">{{ t('dismiss.note') }}</label>
      <input :id="'dismiss-note-' + chatId" v-model="note" type="text" maxlength="500" autocomplete="off" data-test="dismiss-note">
      <div class="button-row">
        <button type="submit" class="danger-outline" data-test="dismiss-confirm" :disabled="busy">{{ t('dismiss.confirm') }}</button>
        <button type="button" class="secondary" data-test="dismiss-cancel" @click="$emit('cancel')">{{ t('common.cancel') }}</button>
      </div>
    </form>
  `,
};
