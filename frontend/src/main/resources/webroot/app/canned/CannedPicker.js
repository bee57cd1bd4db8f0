// The list of canned messages that match the "/shortcut" being typed. It never takes focus: the
// composer's textarea keeps it and points at the chosen option (aria-activedescendant).
import { useDesk } from '../desk/desk-store.js';
import { firstLine } from '../ui/format.js';

export default {
  props: {
    chatId: { type: Number, required: true },
    options: { type: Array, required: true },
    more: { type: Number, default: 0 },
    active: { type: Number, required: true },
    listId: { type: String, required: true },
    optionId: { type: Function, required: true },
  },
  emits: ['choose'],
  setup(props) {
    const desk = useDesk();
    const preview = (item) => firstLine(desk.canned.fill(props.chatId, item.body, item.libraryName));
    return { preview };
  },
  template: `
    <div class="canned-picker" data-test="canned-picker">
      <ul :id="listId" role="listbox" :aria-label="t('canned.title')" class="canned-options">
        <li v-for="(item, i) in options" :key="item.id" :id="optionId(i)" role="option" class="canned-option"
            :class="{ active: i === active }" :aria-selected="i === active ? 'true' : 'false'"
            data-test="canned-option" :data-shortcut="item.shortcut" @mousedown.prevent @click="$emit('choose', item)">
          <span class="canned-option-head">
            <code class="shortcut">/{{ item.shortcut }}</code>
            <span class="canned-title">{{ item.title }}</span>
            <span v-if="item.scope === 'home'" class="scope">{{ t('notes.cannedFrom', { library: item.libraryName }) }}</span>
            <span v-else class="scope">{{ item.scope === 'personal' ? t('canned.scopeYours') : t('canned.scopeLibrary') }}</span>
          </span>
          <span class="canned-preview">{{ preview(item) }}</span>
        </li>
      </ul>
      <p class="picker-help" aria-hidden="true"><template v-if="more">{{ t('canned.pickerMore', { count: more }) + ' · ' }}</template>&#8593;&#8595;
        {{ t('canned.pickerHelp') }}</p>
    </div>
  `,
};
