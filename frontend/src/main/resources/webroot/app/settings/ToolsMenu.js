// The header's Settings menu: alert choices, canned messages and (for admins) the library's tags, each
// in its own dialog. A menu rather than three buttons keeps the header to one row on a phone. Keys
// work as in every menu of the app (menu.js): arrows, Home/End, Enter/Space, Escape.
import { computed, ref } from 'vue';
import { useMenu } from '../ui/use-menu.js';
import { useDesk } from '../desk/desk-store.js';
import { isLibraryAdmin } from '../session/roles.js';
import AlertSettings from '../alerts/AlertSettings.js';
import CannedManager from '../canned/CannedManager.js';
import TagManager from '../tags/TagManager.js';
import FaqManager from '../faq/FaqManager.js';

export default {
  components: { AlertSettings, CannedManager, TagManager, FaqManager },
  setup() {
    const desk = useDesk();
    const dialog = ref(null);
    const choices = computed(() => [
      { key: 'alerts', label: 'alerts.title', test: 'alert-settings' },
      { key: 'canned', label: 'canned.title', test: 'open-canned' },
      ...(isLibraryAdmin(desk.state.me.operator.role) ? [{ key: 'tags', label: 'tags.title', test: 'open-tags' }] : []),
      ...(isLibraryAdmin(desk.state.me.operator.role) ? [{ key: 'faqs', label: 'faq.manageMenu', test: 'open-faqs' }] : []),
    ]);

    const { open, root, button, items, show, close, onItemKey } = useMenu(() => choices.value.length);

    function choose(choice) {
      close(false);
      dialog.value = choice.key;
    }

    function dialogClosed() {
      dialog.value = null;
      if (button.value) button.value.focus();
    }

    return { open, dialog, root, button, items, choices, show, close, choose, dialogClosed, onItemKey };
  },
  template: `
    <div class="tools-menu" ref="root">
      <button ref="button" type="button" class="ghost" data-test="tools" aria-haspopup="menu"
              :aria-expanded="open ? 'true' : 'false'" aria-controls="tools-menu-list"
              @click="open ? close(false) : show()" @keydown.down.prevent="show()" @keydown.up.prevent="show(choices.length - 1)">
        {{ t('settings.menu') }} <span class="caret" aria-hidden="true">&#9662;</span>
      </button>
      <ul v-if="open" id="tools-menu-list" class="menu tools-list" role="menu" :aria-label="t('settings.menu')">
        <li v-for="(choice, i) in choices" :key="choice.key" role="none">
          <button type="button" role="menuitem" :data-test="choice.test" :ref="(el) => { items[i] = el; }"
                  @click="choose(choice)" @keydown="onItemKey($event, i)">{{ t('settings.open', { what: t(choice.label) }) }}</button>
        </li>
      </ul>
      <AlertSettings v-if="dialog === 'alerts'" @close="dialogClosed" />
      <CannedManager v-if="dialog === 'canned'" @close="dialogClosed" />
      <TagManager v-if="dialog === 'tags'" @close="dialogClosed" />
      <FaqManager v-if="dialog === 'faqs'" @close="dialogClosed" />
    </div>
  `,
};
