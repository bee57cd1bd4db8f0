// The library's staff room, the colleagues with their status (a coloured dot and a word), and the
// unread count of each room. Choosing a colleague opens the direct room with them.
import { ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { t } from '../messages/t.js';

const WORDS = {
  online: 'staffchat.statusOnline',
  internal: 'staffchat.statusInternal',
  away: 'staffchat.statusAway',
  offline: 'staffchat.statusOffline',
};

export default {
  setup() {
    const desk = useDesk();
    const staff = desk.staffchat;
    const error = ref('');
    const word = (status) => t(WORDS[status] || WORDS.offline);
    const roomWith = (id) => staff.state.rooms.find((r) => r.kind === 'direct' && r.colleagueId === id);
    const unreadOf = (id) => (roomWith(id) ? roomWith(id).unread : 0);
    const staffRooms = () => staff.state.rooms.filter((r) => r.kind === 'staff');

    async function talkTo(colleague) {
      error.value = '';
      try {
        await staff.talkTo(colleague.id);
      } catch (e) {
        error.value = e.message;
      }
    }

    return { staff: staff.state, word, unreadOf, roomWith, staffRooms, talkTo, show: staff.show, error };
  },
  template: `
    <nav class="staff-lists" :aria-label="t('staffchat.rooms')">
      <h3 class="staff-heading">{{ t('staffchat.rooms') }}</h3>
      <ul class="staff-list" data-test="staff-rooms">
        <li v-for="room in staffRooms()" :key="room.id">
          <button type="button" class="staff-line" data-test="staff-room" :data-room-id="room.id"
                  :aria-current="staff.panel.roomId === room.id ? 'true' : null" @click="show(room)">
            <span class="staff-name">{{ t('staffchat.staffRoom', { name: room.name }) }}</span>
            <span v-if="room.unread" class="badge" data-test="room-unread">{{ room.unread }}<span
              class="visually-hidden">{{ ' ' + t('staffchat.unreadWords', { count: room.unread }) }}</span></span>
          </button>
        </li>
      </ul>
      <h3 class="staff-heading" id="colleagues-title">{{ t('staffchat.colleagues') }}</h3>
      <p v-if="!staff.colleagues.length" class="muted small">{{ t('staffchat.noColleagues') }}</p>
      <ul class="staff-list" data-test="colleagues" aria-labelledby="colleagues-title">
        <li v-for="c in staff.colleagues" :key="c.id">
          <button type="button" class="staff-line" data-test="colleague" :data-colleague-id="c.id" :data-status="c.status"
                  :data-room-id="roomWith(c.id) ? roomWith(c.id).id : null"
                  :aria-current="roomWith(c.id) && staff.panel.roomId === roomWith(c.id).id ? 'true' : null" @click="talkTo(c)">
            <span class="dot" :class="'dot-' + c.status" aria-hidden="true"></span>
            <span class="staff-name" data-test="colleague-name">{{ c.name }}</span>
            <span class="staff-status" data-test="colleague-status">{{ word(c.status) }}</span>
            <span v-if="unreadOf(c.id)" class="badge" data-test="room-unread">{{ unreadOf(c.id) }}<span
              class="visually-hidden">{{ ' ' + t('staffchat.unreadWords', { count: unreadOf(c.id) }) }}</span></span>
          </button>
        </li>
      </ul>
      <p v-if="error" class="error" role="alert"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
    </nav>
  `,
};
