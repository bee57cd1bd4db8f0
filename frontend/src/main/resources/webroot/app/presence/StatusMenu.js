// The operator's status as a menu button: every choice shows its coloured dot and its word, and the
// menu works with arrows, Home/End, Enter/Space and Escape, like the menus of a desktop app.
import { computed } from 'vue';
import { useMenu } from '../ui/use-menu.js';
import { useDesk } from '../desk/desk-store.js';
import { STATUSES } from './presence-store.js';

export default {
  setup() {
    const desk = useDesk();
    const state = desk.presence.state;
    const current = computed(() => STATUSES.find((s) => s.value === state.status) || STATUSES[STATUSES.length - 1]);
    const menu = useMenu(() => STATUSES.length);
    const { open, root, button, items, close, onItemKey } = menu;

    // Opens on the current status, so arrows start from where the operator is.
    function show(index = STATUSES.indexOf(current.value)) {
      return menu.show(index);
    }

    function choose(status) {
      desk.presence.set(status.value);
      close(true);
    }

    return { state, STATUSES, open, root, button, items, current, show, close, choose, onItemKey };
  },
  template: `
    <div class="status-menu" ref="root">
      <button ref="button" type="button" class="status-button" data-test="status-select" :data-status="current.value"
              aria-haspopup="menu" :aria-expanded="open ? 'true' : 'false'" aria-controls="status-menu-list"
              @click="open ? close(false) : show()" @keydown.down.prevent="show()" @keydown.up.prevent="show(STATUSES.length - 1)">
        <span class="visually-hidden">{{ t('status.yours') + ' ' }}</span>
        <span class="dot" :class="'dot-' + current.value" aria-hidden="true"></span>
        <span data-test="status-current">{{ t(current.label) }}</span>
        <span class="caret" aria-hidden="true">&#9662;</span>
      </button>
      <ul v-if="open" id="status-menu-list" class="menu" role="menu" :aria-label="t('status.set')">
        <li v-for="(status, i) in STATUSES" :key="status.value" role="none">
          <button type="button" role="menuitemradio" :aria-checked="status.value === state.status ? 'true' : 'false'"
                  :data-test="'status-' + status.value" :ref="(el) => { items[i] = el; }"
                  @click="choose(status)" @keydown="onItemKey($event, i)">
            <span class="dot" :class="'dot-' + status.value" aria-hidden="true"></span>
            <span class="menu-label">{{ t(status.label) }}</span>
            <span class="menu-hint">{{ t(status.hint) }}</span>
            <span v-if="status.value === state.status" class="check" aria-hidden="true">&#10003;</span>
          </button>
        </li>
      </ul>
    </div>
  `,
};
