// The "/" picker's behaviour in a composer: which canned messages match the shortcut being typed, which
// one is chosen, and putting the chosen one, filled for this chat, where the shortcut was. Focus never
// leaves the textarea: the list is followed with aria-activedescendant, so typing goes on filtering.
import { computed, nextTick, ref, watch } from 'vue';
import { filterCanned, replaceShortcut, slashQuery } from './canned-text.js';

// Few enough to fit above the composer on a phone without a scrolling list (which a keyboard could
// not reach: focus stays in the textarea); typing more of the shortcut narrows them.
const SHOWN = 6;

export function useCannedPicker({ desk, tab, field }) {
  const caret = ref(0);
  const active = ref(0);
  // The slash whose list Escape closed: it stays closed until that slash is gone.
  const dismissed = ref(null);
  const token = computed(() => slashQuery(tab.draft, caret.value));
  const matches = computed(() => (token.value ? filterCanned(desk.canned.listFor(tab.chatId), token.value.query) : []));
  const options = computed(() => matches.value.slice(0, SHOWN));
  const more = computed(() => matches.value.length - options.value.length);
  const open = computed(() => Boolean(token.value) && token.value.start !== dismissed.value && options.value.length > 0);
  const listId = `canned-picker-${tab.chatId}`;
  const optionId = (i) => `${listId}-option-${i}`;

  watch(() => (token.value ? token.value.query : null), () => { active.value = 0; });
  watch(() => (token.value ? token.value.start : null), (start) => {
    if (start !== dismissed.value) dismissed.value = null;
  });

  /** Called after every input, click and key: the list follows the caret. */
  function track() {
    if (field.value) caret.value = field.value.selectionStart;
  }

  async function insert(item) {
    const at = token.value;
    if (!at || !item) return;
    const filled = desk.canned.fill(tab.chatId, item.body, item.libraryName);
    const next = replaceShortcut(tab.draft, at.start, caret.value, filled);
    desk.chats.setDraft(tab, next.text);
    caret.value = next.caret;
    desk.chats.typed(tab);
    await nextTick();
    if (field.value) {
      field.value.focus();
      field.value.setSelectionRange(next.caret, next.caret);
    }
  }

  /** The composer's keydown while the list is open; true when the key was the picker's. */
  function onKey(event) {
    if (!open.value) return false;
    const n = options.value.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      active.value = (active.value + (event.key === 'ArrowDown' ? 1 : -1) + n) % n;
    } else if ((event.key === 'Enter' && !event.shiftKey && !event.isComposing) || (event.key === 'Tab' && !event.shiftKey)) {
      insert(options.value[active.value]);
    } else if (event.key === 'Escape') {
      dismissed.value = token.value.start;
    } else {
      return false;
    }
    event.preventDefault();
    event.stopPropagation();
    return true;
  }

  return { open, options, more, active, listId, optionId, track, insert, onKey };
}
