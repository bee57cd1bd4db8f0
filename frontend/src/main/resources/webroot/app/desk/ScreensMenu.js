// The header's Records menu: the screens of desk/screens.js (search, statistics to record, reports).
// Choosing one shows it in place of the desk and moves focus to its heading; the desk's panes bring
// the desk back. Keys work as in every menu of the app (use-menu.js).
import { computed } from 'vue';
import { useMenu } from '../ui/use-menu.js';
import { useDesk } from './desk-store.js';
import { screensFor } from './screens.js';

export default {
  setup() {
    const desk = useDesk();
    const choices = computed(() => screensFor(desk.state.me.operator.role));
    const { open, root, button, items, show, close, onItemKey } = useMenu(() => choices.value.length);

    function choose(screen) {
      close(false);
      desk.showScreen(screen.view);
    }

    return { state: desk.state, open, root, button, items, choices, show, close, choose, onItemKey };
  },
  template: `
    <div v-if="choices.length" class="tools-menu screens-menu" ref="root">
      <button ref="button" type="button" class="ghost" data-test="records" aria-haspopup="menu"
              :aria-expanded="open ? 'true' : 'false'" aria-controls="screens-menu-list"
              @click="open ? close(false) : show()" @keydown.down.prevent="show()" @keydown.up.prevent="show(choices.length - 1)">
        <span class="screens-icon" aria-hidden="true">&#9776;</span><span class="screens-word">{{ t('screens.menu') }}</span>
        <span class="caret" aria-hidden="true">&#9662;</span>
      </button>
      <ul v-if="open" id="screens-menu-list" class="menu tools-list" role="menu" :aria-label="t('screens.menu')">
        <li v-for="(choice, i) in choices" :key="choice.view" role="none">
          <button type="button" role="menuitem" :data-test="choice.test" :ref="(el) => { items[i] = el; }"
                  :aria-current="state.view === choice.view ? 'page' : null"
                  @click="choose(choice)" @keydown="onItemKey($event, i)">{{ t(choice.label) }}</button>
        </li>
      </ul>
    </div>
  `,
};
