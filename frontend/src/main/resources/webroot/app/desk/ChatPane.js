// The middle pane: the tabs of the chats being answered, and below them whichever is in focus, a
// waiting chat's preview, or a word on what to do next.
import { computed } from 'vue';
import { useDesk } from './desk-store.js';
import ChatTabs from '../chats/ChatTabs.js';
import ChatView from '../chats/ChatView.js';
import PreviewPane from '../queues/PreviewPane.js';

export default {
  components: { ChatTabs, ChatView, PreviewPane },
  setup() {
    const desk = useDesk();
    const { state } = desk;
    const tab = computed(() => state.focus && state.focus.kind === 'chat' ? desk.chats.tabOf(state.focus.chatId) : null);
    const previewing = computed(() => Boolean(state.focus && state.focus.kind === 'preview' && desk.preview.state.current));
    return { preview: desk.preview.state, tab, previewing };
  },
  template: `
    <div class="chat-pane">
      <ChatTabs />
      <ChatView v-if="tab" :key="tab.chatId" :tab="tab" />
      <PreviewPane v-else-if="previewing" :key="'preview-' + preview.current.chatId" />
      <div v-else class="empty-state">
        <h2 class="pane-title">{{ t('chatPane.noneTitle') }}</h2>
        <p class="muted">{{ t('chatPane.noneHelp') }}</p>
      </div>
    </div>
  `,
};
