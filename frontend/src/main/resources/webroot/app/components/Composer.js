// Where the operator writes: Enter sends, Shift+Enter starts a new line, at most 4,000 characters.
// The draft lives in the tab, so switching chats keeps every half-written answer.
import { computed, onMounted, ref } from 'vue';
import { useDesk } from '../desk.js';

const MAX = 4000;

export default {
  props: { tab: { type: Object, required: true } },
  setup(props) {
    const desk = useDesk();
    const field = ref(null);
    const id = computed(() => `composer-${props.tab.chatId}`);
    const left = computed(() => MAX - props.tab.draft.length);

    function send() {
      if (desk.chats.send(props.tab) && field.value) field.value.focus();
    }

    function onEnter(event) {
      // Shift+Enter is a new line; Enter while an input method is composing confirms the characters.
      if (event.shiftKey || event.isComposing) return;
      event.preventDefault();
      send();
    }

    // Wide screens keep hands on the keyboard; phones would pop their keyboard over the conversation.
    onMounted(() => {
      if (desk.state.wide && field.value) field.value.focus({ preventScroll: true });
    });

    return { field, id, left, MAX, send, onEnter, typed: () => desk.chats.typed(props.tab) };
  },
  template: `
    <form class="composer" @submit.prevent="send">
      <label :for="id" class="visually-hidden">Reply to {{ tab.patronName }}</label>
      <textarea ref="field" :id="id" v-model="tab.draft" data-test="composer" rows="3" :maxlength="MAX"
                :aria-describedby="id + '-hint'" placeholder="Write a reply…"
                @keydown.enter="onEnter" @input="typed"></textarea>
      <div class="composer-foot">
        <span :id="id + '-hint'" class="hint">Enter sends · Shift+Enter for a new line</span>
        <span v-if="left < 500" class="chars-left" data-test="chars-left">{{ left }} characters left</span>
        <button type="submit" class="primary send" data-test="send" :disabled="!tab.draft.trim()">Send</button>
      </div>
    </form>
  `,
};
