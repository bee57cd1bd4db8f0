// Where the operator writes: Enter sends, Shift+Enter starts a new line, at most the server's message
// length (from /api/me), and
// "/" opens the canned messages. The draft lives in the tab, so switching chats keeps every
// half-written answer.
import { computed, onMounted, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { useCannedPicker } from '../canned/use-canned-picker.js';
import CannedPicker from '../canned/CannedPicker.js';
import { t } from '../messages/t.js';

export default {
  components: { CannedPicker },
  props: { tab: { type: Object, required: true } },
  setup(props) {
    const desk = useDesk();
    const MAX = desk.state.me.limits.messageChars;
    const field = ref(null);
    const id = computed(() => `composer-${props.tab.chatId}`);
    const left = computed(() => MAX - props.tab.draft.length);
    const picker = useCannedPicker({ desk, tab: props.tab, field });
    const pickerWords = computed(() => {
      const n = picker.options.value.length;
      return picker.open.value ? t('composer.pickerWords', { count: n }) : '';
    });

    function send() {
      if (desk.chats.send(props.tab) && field.value) field.value.focus();
    }

    function onKey(event) {
      if (picker.onKey(event)) return;
      // Shift+Enter is a new line; Enter while an input method is composing confirms the characters.
      if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
      event.preventDefault();
      send();
    }

    function typed(event) {
      desk.chats.setDraft(props.tab, event.target.value);
      picker.track();
      desk.chats.typed(props.tab);
    }

    // Wide screens keep hands on the keyboard; phones would pop their keyboard over the conversation.
    onMounted(() => {
      if (desk.state.wide && field.value) field.value.focus({ preventScroll: true });
    });

    return {
      field, id, left, MAX, send, onKey, typed, pickerWords,
      track: picker.track, open: picker.open, options: picker.options, more: picker.more, active: picker.active,
      listId: picker.listId, optionId: picker.optionId, insert: picker.insert,
    };
  },
  template: `
    <form class="composer" @submit.prevent="send">
      <CannedPicker v-if="open" :chat-id="tab.chatId" :options="options" :more="more" :active="active" :list-id="listId"
                    :option-id="optionId" @choose="insert" />
      <label :for="id" class="visually-hidden">{{ t('composer.replyTo', { name: tab.patronName }) }}</label>
      <textarea ref="field" :id="id" :value="tab.draft" data-test="composer" rows="3" :maxlength="MAX"
                :aria-describedby="id + '-hint'" :placeholder="t('composer.placeholder')"
                aria-autocomplete="list" :aria-controls="open ? listId : null"
                :aria-activedescendant="open ? optionId(active) : null"
                @keydown="onKey" @input="typed($event)" @click="track" @keyup="track"></textarea>
      <span class="visually-hidden" aria-live="polite">{{ pickerWords }}</span>
      <div class="composer-foot">
        <span :id="id + '-hint'" class="hint">{{ t('composer.hint') }}</span>
        <span v-if="left < 500" class="chars-left" data-test="chars-left">{{ t('composer.charsLeft', { count: left }) }}</span>
        <button type="submit" class="primary send" data-test="send" :disabled="!tab.draft.trim()">{{ t('composer.send') }}</button>
      </div>
    </form>
  `,
};
