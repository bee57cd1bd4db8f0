// What every menu button of the app shares: open and close, focus moving through the items with
// arrows, Home/End and Escape, Tab and a click outside closing it. `count` tells how many items there
// are now (a menu's choices may depend on the operator's role).
import { nextTick, onMounted, onUnmounted, ref } from 'vue';

export function useMenu(count) {
  const open = ref(false);
  const root = ref(null);
  const button = ref(null);
  const items = [];

  async function show(index = 0) {
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
    const n = count();
    const item = items[(index + n) % n];
    if (item) item.focus();
  }

  function onItemKey(event, index) {
    const moves = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: count() - 1 };
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

  return { open, root, button, items, show, close, onItemKey };
}
