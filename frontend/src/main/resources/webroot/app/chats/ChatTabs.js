// One tab per chat being answered; the unread badge is a number (with words for screen readers),
// never a colour alone. Ended chats stay until dismissed, marked "ended"; a chat whose patron has
// been waiting too long for a word says "(waiting)".
import { nextTick, onMounted, ref, watch } from 'vue';
import { useDesk } from '../desk/desk-store.js';

export default {
  setup() {
    const desk = useDesk();
    const { state } = desk;
    const bar = ref(null);
    const isOpen = (tab) => Boolean(state.focus) && state.focus.kind === 'chat' && state.focus.chatId === tab.chatId;

    // On a phone the tabs are one scrolling row: the chat on screen must not be the one scrolled away.
    async function revealCurrent() {
      await nextTick();
      const current = bar.value && bar.value.querySelector('[aria-current="true"]');
      if (current) current.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }

    watch(() => state.focus, revealCurrent);
    onMounted(revealCurrent);

    return { state, chats: desk.chats.state, bar, isOpen, openTab: desk.openTab, deadAir: desk.isDeadAir };
  },
  template: `
    <nav v-if="chats.tabs.length" ref="bar" class="chat-tabs" :aria-label="t('tabs.label')">
      <ul>
        <li v-for="tab in chats.tabs" :key="tab.chatId">
          <button type="button" class="chat-tab" :class="{ current: isOpen(tab), ended: tab.ended }" data-test="chat-tab"
                  :data-chat-id="tab.chatId" :aria-current="isOpen(tab) ? 'true' : null" @click="openTab(tab)">
            <span class="tab-name">{{ tab.patronName }}</span>
            <span v-if="tab.ended" class="tab-state">{{ t('tabs.ended') }}</span>
            <span v-else-if="deadAir(tab)" class="tab-state" data-test="tab-nudge">({{ t('tabs.waiting') }}<span
              class="visually-hidden">{{ ' ' + t('tabs.forYourReply') }}</span>)</span>
            <span v-if="tab.unread" class="badge" data-test="unread" aria-hidden="true">{{ tab.unread }}</span>
            <span v-if="tab.unread" class="visually-hidden">{{ ', ' + t('tabs.unread', { count: tab.unread }) }}</span>
          </button>
        </li>
      </ul>
    </nav>
  `,
};
