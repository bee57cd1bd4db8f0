// One chat being answered: the conversation, its tags, who is typing, the composer, a nudge after dead
// air, and End chat behind a panel that asks for tags. An ended chat stays readable, without a
// composer, until the operator closes it; its tags can still be set and its statistics recorded.
import { computed, nextTick, ref, watch } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import Composer from './Composer.js';
import DeadAirNudge from './DeadAirNudge.js';
import EndPanel from './EndPanel.js';
import MessageList from './MessageList.js';
import TagInput from '../tags/TagInput.js';
import ChatPeople from '../transfer/ChatPeople.js';
import RecordStatistics from '../stats/RecordStatistics.js';
import { t } from '../messages/t.js';

export default {
  components: { ChatPeople, Composer, DeadAirNudge, EndPanel, MessageList, RecordStatistics, TagInput },
  props: { tab: { type: Object, required: true } },
  setup(props) {
    const desk = useDesk();
    const confirming = ref(false);
    // Transfer, Invite colleague and Leave chat stay folded behind More, so a phone keeps its
    // conversation in view.
    const handOff = ref(false);
    const endButton = ref(null);
    const root = ref(null);
    const closeButton = ref(null);
    const deadAir = computed(() => desk.isDeadAir(props.tab));
    // A chat handed over or left goes on with a colleague, who records it when it ends.
    const recordable = computed(() => Boolean(props.tab.ended) && !['transferred', 'left'].includes(props.tab.ended));
    const endedWords = computed(() => ({
      patron: t('chat.endedByPatron'),
      operator: t('chat.ended'),
      system: t('chat.endedIdle'),
      earlier: t('chat.endedEarlier'),
      transferred: t('transfer.handedOver'),
      left: t('share.youLeft'),
    })[props.tab.ended] || t('chat.ended'));

    async function keepChatting() {
      confirming.value = false;
      desk.chats.clearError(props.tab);
      await nextTick();
      if (endButton.value) endButton.value.focus();
    }

    // Ending removes the button that had focus (End chat, the end panel, the composer): it moves to
    // Close tab, unless the operator was elsewhere on the page.
    watch(() => props.tab.ended, async (ended, before) => {
      if (!ended || before) return;
      const was = document.activeElement;
      const lost = !was || was === document.body || (root.value && root.value.contains(was));
      await nextTick();
      if (lost && closeButton.value && (!document.activeElement || document.activeElement === document.body
        || (root.value && root.value.contains(document.activeElement)))) closeButton.value.focus();
    });

    // The tab goes away with its chat: focus to the waiting chats, where the next one will be.
    async function dismiss() {
      desk.dismiss(props.tab);
      await nextTick();
      const next = document.getElementById('queue-title');
      if (next) next.focus();
    }

    async function toggleHandOff() {
      handOff.value = !handOff.value;
      if (!handOff.value) return;
      await nextTick();
      const first = root.value && root.value.querySelector('[data-test=chat-people] .button-row button');
      if (first) first.focus();
    }

    return { handOff, toggleHandOff, confirming, recordable, endButton, root, closeButton, deadAir, endedWords, keepChatting, dismiss };
  },
  template: `
    <section ref="root" class="chat-view" :aria-labelledby="'chat-title-' + tab.chatId" data-test="chat-view" :data-chat-id="tab.chatId">
      <div class="chat-head">
        <h2 :id="'chat-title-' + tab.chatId" class="pane-title">{{ t('chat.title', { name: tab.patronName }) }}</h2>
        <span class="chat-head-actions">
          <button v-if="!tab.ended" type="button" class="secondary" data-test="chat-more" :aria-expanded="handOff ? 'true' : 'false'"
                  :aria-controls="'chat-people-' + tab.chatId" @click="toggleHandOff">{{ t('share.more') }}</button>
          <button v-if="!tab.ended" ref="endButton" type="button" class="danger-outline" data-test="end-chat"
                  :disabled="confirming" @click="confirming = true">{{ t('chat.end') }}</button>
        </span>
      </div>
      <ChatPeople :tab="tab" :open="handOff" />
      <EndPanel v-if="confirming && !tab.ended" :tab="tab" @cancel="keepChatting" @ended="confirming = false" />
      <TagInput v-else :chat-id="tab.chatId" />
      <p v-if="tab.error && !confirming" class="error" role="alert"><span aria-hidden="true">&#9888;</span> {{ tab.error }}</p>
      <MessageList :tab="tab" />
      <p class="typing-indicator" data-test="typing" aria-live="off">
        <template v-if="tab.typing">{{ t('chat.typing', { name: tab.typing }) }}</template></p>
      <div v-if="tab.ended" class="ended-banner" role="status" data-test="chat-ended">
        <span>{{ endedWords }}</span>
        <button ref="closeButton" type="button" class="secondary" data-test="dismiss-chat" @click="dismiss">{{ t('chat.closeTab') }}</button>
      </div>
      <RecordStatistics v-if="recordable" :key="'stats-' + tab.chatId" :chat-id="tab.chatId" />
      <template v-else>
        <DeadAirNudge v-if="deadAir" :tab="tab" />
        <Composer :tab="tab" />
      </template>
    </section>
  `,
};
