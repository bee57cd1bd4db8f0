// The operator's status as a menu button: every choice shows its coloured dot and its word, and the
// menu works with arrows, Home/End, Enter/Space and Escape, like the menus of a desktop app.
import { computed, nextTick, onMounted, onUnmounted, ref } from 'vue';
import { useDesk } from '../desk.js';
import { STATUSES } from '../presence.js';

export default {
  setup() {
    const desk = useDesk();
    const { state } = desk;
    const open = ref(false);
    const root = ref(null);
    const button = ref(null);
    const items = [];
    const current = computed(() => STATUSES.find((s) => s.value === state.status) || STATUSES[STATUSES.length - 1]);

    async function show(index = STATUSES.indexOf(current.value)) {
      open.value = true;
      await nextTick();
      focusItem(index);
    }

    function close(refocus) {
      if (!open.value) return;
      open.value = false;
      if (refocus && button.value) button.value.focus();
    }

    function focusItem(index) {
      const count = STATUSES.length;
      const item = items[(index + count) % count];
      if (item) item.focus();
    }

    function choose(status) {
      desk.setStatus(status.value);
      close(true);
    }

    function onItemKey(event, index) {
      const moves = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: STATUSES.length - 1 };
      if (event.key in moves) {
        event.preventDefault();
        focusItem(moves[event.key]);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        close(true);
      } else if (event.key === 'Tab') {
        close(false);
      }
    }

    function onOutside(event) {
      if (root.value && !root.value.contains(event.target)) close(false);
    }

    onMounted(() => document.addEventListener('pointerdown', onOutside));
    onUnmounted(() => document.removeEventListener('pointerdown', onOutside));

    return { state, STATUSES, open, root, button, items, current, show, close, choose, onItemKey };
  },
  template: `
    <div class="status-menu" ref="root">
      <button ref="button" type="button" class="status-button" data-test="status-select" :data-status="current.value"
              aria-haspopup="menu" :aria-expanded="open ? 'true' : 'false'" aria-controls="status-menu-list"
              @click="open ? close(false) : show()" @keydown.down.prevent="show()" @keydown.up.prevent="show(STATUSES.length - 1)">
        <span class="visually-hidden">Your status: </span>
        <span class="dot" :class="'dot-' + current.value" aria-hidden="true"></span>
        <span data-test="status-current">{{ current.label }}</span>
        <span class="caret" aria-hidden="true">&#9662;</span>
      </button>
      <ul v-if="open" id="status-menu-list" class="menu" role="menu" aria-label="Set your status">
        <li v-for="(status, i) in STATUSES" :key="status.value" role="none">
          <button type="button" role="menuitemradio" :aria-checked="status.value === state.status ? 'true' : 'false'"
                  :data-test="'status-' + status.value" :ref="(el) => { items[i] = el; }"
                  @click="choose(status)" @keydown="onItemKey($event, i)">
            <span class="dot" :class="'dot-' + status.value" aria-hidden="true"></span>
            <span class="menu-label">{{ status.label }}</span>
            <span class="menu-hint">{{ status.hint }}</span>
            <span v-if="status.value === state.status" class="check" aria-hidden="true">&#10003;</span>
          </button>
        </li>
      </ul>
    </div>
  `,
};
