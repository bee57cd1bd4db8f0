// One chat being answered: the conversation, who is typing, the composer, and End chat behind a
// confirmation. An ended chat stays readable, without a composer, until the operator closes it.
import { computed, nextTick, ref } from 'vue';
import { useDesk } from '../desk.js';
import Composer from './Composer.js';
import MessageList from './MessageList.js';

export default {
  components: { Composer, MessageList },
  props: { tab: { type: Object, required: true } },
  setup(props) {
    const desk = useDesk();
    const confirming = ref(false);
    const ending = ref(false);
    const confirmButton = ref(null);
    const endButton = ref(null);
    const endedWords = computed(() => ({
      patron: 'The patron ended the chat',
      operator: 'Chat ended',
      system: 'Chat ended after a period without activity',
    })[props.tab.ended] || 'Chat ended');

    async function askToEnd() {
      confirming.value = true;
      await nextTick();
      if (confirmButton.value) confirmButton.value.focus();
    }

    async function keepChatting() {
      confirming.value = false;
      await nextTick();
      if (endButton.value) endButton.value.focus();
    }

    async function end() {
      ending.value = true;
      await desk.chats.end(props.tab);
      ending.value = false;
      confirming.value = false;
    }

    return {
      confirming, ending, confirmButton, endButton, endedWords, askToEnd, keepChatting, end,
      dismiss: () => desk.dismiss(props.tab),
    };
  },
  template: `
    <section class="chat-view" :aria-labelledby="'chat-title-' + tab.chatId" data-test="chat-view" :data-chat-id="tab.chatId">
      <div class="chat-head">
        <h2 :id="'chat-title-' + tab.chatId" class="pane-title">Chat with {{ tab.patronName }}</h2>
        <button v-if="!tab.ended" ref="endButton" type="button" class="danger-outline" data-test="end-chat"
                :disabled="confirming" @click="askToEnd">End chat</button>
      </div>
      <div v-if="confirming" class="confirm" role="group" :aria-labelledby="'confirm-' + tab.chatId" @keydown.esc="keepChatting">
        <p :id="'confirm-' + tab.chatId">End the chat with {{ tab.patronName }}? They will see that it has ended.</p>
        <button ref="confirmButton" type="button" class="danger" data-test="confirm-end" :disabled="ending" @click="end">
          {{ ending ? 'Ending…' : 'Yes, end chat' }}</button>
        <button type="button" class="secondary" @click="keepChatting">Keep chatting</button>
      </div>
      <p v-if="tab.error" class="error" role="alert"><span aria-hidden="true">&#9888;</span> {{ tab.error }}</p>
      <MessageList :tab="tab" />
      <p class="typing-indicator" data-test="typing" aria-live="off">
        <template v-if="tab.typing">{{ tab.typing }} is typing…</template></p>
      <div v-if="tab.ended" class="ended-banner" role="status" data-test="chat-ended">
        <span>{{ endedWords }}</span>
        <button type="button" class="secondary" data-test="dismiss-chat" @click="dismiss">Close tab</button>
      </div>
      <Composer v-else :tab="tab" />
    </section>
  `,
};
