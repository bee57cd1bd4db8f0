// Staff chat beside the desk: colleagues and rooms on one side, the room on the other; on a phone the
// two are separate views with a way back. Escape closes it and gives focus back to the header button.
import { nextTick, watch } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import ColleagueList from './ColleagueList.js';
import RoomView from './RoomView.js';
import StaffSearch from './StaffSearch.js';

export default {
  components: { ColleagueList, RoomView, StaffSearch },
  setup() {
    const desk = useDesk();
    const staff = desk.staffchat;
    const panel = staff.state.panel;

    async function close() {
      staff.closePanel();
      await nextTick();
      const button = document.getElementById('staffchat-toggle');
      if (button) button.focus();
    }

    // Back on a phone: to the list, on the room's own line in it.
    async function back() {
      const roomId = panel.roomId;
      staff.backToList();
      await nextTick();
      const line = document.querySelector(`[data-room-id="${roomId}"]`);
      if (line) line.focus();
    }

    watch(() => panel.open, async (open) => {
      if (!open) return;
      await nextTick();
      const heading = document.getElementById('staffchat-title');
      if (heading && !panel.roomId) heading.focus();
    }, { immediate: true });

    return { desk: desk.state, staff: staff.state, panel, close, back, room: () => staff.roomOf(panel.roomId) };
  },
  template: `
    <section id="staffchat-panel" class="staffchat" :class="['view-' + panel.view, { wide: desk.wide }]" data-test="staffchat"
             aria-labelledby="staffchat-title" @keydown.esc.stop="close">
      <header class="staffchat-head">
        <h2 id="staffchat-title" tabindex="-1">{{ t('staffchat.title') }}</h2>
        <button type="button" class="secondary" data-test="staffchat-close" @click="close">{{ t('common.close') }}</button>
      </header>
      <div class="staffchat-body">
        <div class="staffchat-side">
          <StaffSearch />
          <ColleagueList />
        </div>
        <div class="staffchat-room">
          <RoomView v-if="room()" :room="room()" :key="panel.roomId" @back="back" />
          <p v-else class="muted staffchat-empty">{{ t('staffchat.pick') }}</p>
        </div>
      </div>
    </section>
  `,
};
