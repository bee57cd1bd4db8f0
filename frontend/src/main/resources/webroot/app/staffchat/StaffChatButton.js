// The header's way into staff chat, with the number of colleagues' messages not yet read: a number
// for the eye and words for a screen reader.
import { computed } from 'vue';
import { useDesk } from '../desk/desk-store.js';

export default {
  setup() {
    const desk = useDesk();
    const staff = desk.staffchat;
    const unread = computed(() => staff.unreadTotal());
    const panel = staff.state.panel;
    const toggle = () => (panel.open ? staff.closePanel() : staff.openPanel());
    return { unread, panel, toggle };
  },
  template: `
    <button type="button" id="staffchat-toggle" class="ghost staffchat-toggle" data-test="staffchat-toggle"
            aria-controls="staffchat-panel" :aria-expanded="panel.open ? 'true' : 'false'" @click="toggle">
      <span class="staffchat-icon" aria-hidden="true">&#9993;</span><span class="staffchat-word">{{ t('staffchat.open') }}</span><span v-if="unread" class="badge" data-test="staffchat-unread">{{ unread }}<span
        class="visually-hidden">{{ ' ' + t('staffchat.unreadWords', { count: unread }) }}</span></span>
    </button>
  `,
};
