// A search over the messages of this operator's rooms; a result opens its room.
import { ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { clockTime } from '../ui/format.js';

export default {
  setup() {
    const desk = useDesk();
    const staff = desk.staffchat;
    const q = ref('');
    const MAX = desk.state.me.limits.internalSearchChars;
    const roomName = (id) => {
      const room = staff.roomOf(id);
      return room ? room.name : '';
    };
    function open(result) {
      const room = staff.roomOf(result.roomId);
      if (room) staff.show(room);
    }
    function clear() {
      q.value = '';
      staff.clearSearch();
    }
    return { q, MAX, search: staff.state.search, run: () => staff.search(q.value), clear, open, roomName, clockTime };
  },
  template: `
    <form class="staff-search" role="search" @submit.prevent="run" @keydown.esc.stop="clear">
      <label for="staff-search-q">{{ t('staffchat.search') }}</label>
      <div class="field-row">
        <input id="staff-search-q" type="search" v-model="q" :maxlength="MAX" data-test="staff-search">
        <button type="submit" class="secondary" data-test="staff-search-go" :disabled="!q.trim()">{{ t('staffchat.searchGo') }}</button>
      </div>
      <p v-if="search.error" class="error" role="alert">{{ search.error }}</p>
      <p v-else-if="search.results" class="muted small" role="status" data-test="staff-search-count">{{ t('staffchat.searchCount', { count: search.results.length }) }}</p>
      <ul v-if="search.results && search.results.length" class="staff-list" data-test="staff-search-results">
        <li v-for="r in search.results" :key="r.roomId + ':' + r.seq">
          <button type="button" class="staff-line staff-result" data-test="staff-search-result" @click="open(r)">
            <span class="staff-name">{{ roomName(r.roomId) }} · {{ r.from.name }} · <time :datetime="r.at">{{ clockTime(r.at) }}</time></span>
            <span class="staff-snippet">{{ r.text }}</span>
          </button>
        </li>
      </ul>
    </form>
  `,
};
