// A chat's tags as chips, each removable, and a combobox to add one of the library's tags: type to
// filter, arrows to choose, Enter to add, Escape to close the list. Used in the chat view and again in
// the end panel, which asks for tags before a chat ends.
import { computed, onMounted, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { matchTags } from './tag-match.js';

const SHOWN = 8;

export default {
  props: {
    chatId: { type: Number, required: true },
    // Two of these can exist for one chat (the chat view and its end panel); ids must stay unique.
    place: { type: String, default: 'view' },
  },
  setup(props) {
    const desk = useDesk();
    const tags = desk.tags.state;
    const text = ref('');
    const open = ref(false);
    const active = ref(0);
    const error = ref('');
    const field = ref(null);
    const base = computed(() => `tags-${props.place}-${props.chatId}`);
    const current = computed(() => desk.tags.state.byChat[props.chatId] || []);
    const options = computed(() => matchTags(desk.tags.choicesFor(props.chatId), text.value, new Set(current.value.map((t) => t.id)), SHOWN));
    const shown = computed(() => open.value && options.value.length > 0);
    const optionId = (i) => `${base.value}-option-${i}`;

    async function change(action) {
      error.value = '';
      try {
        await action();
      } catch (e) {
        error.value = e.message;
      }
    }

    async function add(tag) {
      text.value = '';
      open.value = false;
      await change(() => desk.tags.add(props.chatId, tag.id));
      if (field.value) field.value.focus();
    }

    async function remove(tag) {
      await change(() => desk.tags.remove(props.chatId, tag.id));
      if (field.value) field.value.focus();
    }

    function onKey(event) {
      const n = options.value.length;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        if (!open.value) {
          open.value = true;
          active.value = 0;
        } else if (n) {
          active.value = (active.value + (event.key === 'ArrowDown' ? 1 : -1) + n) % n;
        }
      } else if (event.key === 'Enter') {
        // Enter never submits anything around the field; it adds the chosen tag, if there is one.
        event.preventDefault();
        if (shown.value) add(options.value[Math.min(active.value, n - 1)]);
      } else if (event.key === 'Escape' && shown.value) {
        event.stopPropagation();
        open.value = false;
      }
    }

    function typed() {
      open.value = true;
      active.value = 0;
    }

    onMounted(() => {
      if (!(props.chatId in desk.tags.state.byChat)) desk.tags.loadFor(props.chatId);
    });

    return { tags, text, open, active, error, field, base, current, options, shown, optionId, add, remove, onKey, typed };
  },
  template: `
    <div class="tags" data-test="tags" role="group" :aria-labelledby="base + '-label'">
      <span :id="base + '-label'" class="tags-label">{{ t('tags.title') }}</span>
      <ul class="tag-chips" v-if="current.length">
        <li v-for="tag in current" :key="tag.id" class="tag-chip" data-test="tag-chip" :data-tag-id="tag.id">
          <span>{{ tag.name }}</span>
          <button type="button" class="chip-remove" data-test="tag-remove" @click="remove(tag)">
            <span aria-hidden="true">&#10005;</span><span class="visually-hidden">{{ t('tags.remove', { name: tag.name }) }}</span></button>
        </li>
      </ul>
      <div class="tag-combo">
        <label :for="base + '-input'" class="visually-hidden">{{ t('tags.add') }}</label>
        <input ref="field" :id="base + '-input'" v-model="text" type="text" class="tag-input" data-test="tag-input"
               role="combobox" aria-autocomplete="list" :aria-expanded="shown ? 'true' : 'false'" :aria-controls="base + '-options'"
               :aria-activedescendant="shown ? optionId(active) : null" autocomplete="off" :placeholder="t('tags.addPlaceholder')"
               @input="typed" @click="open = true" @blur="open = false" @keydown="onKey">
        <ul v-show="shown" :id="base + '-options'" class="tag-options" role="listbox" :aria-label="t('tags.toAdd')">
          <li v-for="(tag, i) in options" :key="tag.id" :id="optionId(i)" role="option" class="tag-option" data-test="tag-option"
              :aria-selected="i === active ? 'true' : 'false'" @mousedown.prevent @click="add(tag)">{{ tag.name }}</li>
        </ul>
      </div>
      <p v-if="tags.loaded && !tags.list.length" class="muted small">{{ t('tags.none') }}</p>
      <p v-if="error" class="error small" role="alert"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
    </div>
  `,
};
