// A modal dialog on the browser's own <dialog>: it keeps focus inside, closes on Escape and makes the
// page behind it inert, which no hand-written focus trap does as reliably. The parent renders it only
// while open; closing (the button, Escape) tells the parent and puts focus back where it was.
import { onMounted, ref } from 'vue';

let count = 0;

export default {
  props: {
    title: { type: String, required: true },
    test: { type: String, default: null },
    wide: { type: Boolean, default: false },
  },
  emits: ['close'],
  setup(props, { emit }) {
    const el = ref(null);
    count += 1;
    const titleId = `dialog-title-${count}`;
    const opener = document.activeElement;

    onMounted(() => el.value.showModal());

    function close() {
      if (el.value && el.value.open) el.value.close();
    }

    function closed() {
      emit('close');
      // A menu item that opened the dialog is gone by now; the parent then chooses where focus goes.
      if (opener && opener.isConnected && typeof opener.focus === 'function') opener.focus();
    }

    return { el, titleId, close, closed };
  },
  // Teleported to <body> so the header's or a pane's styles never reach into the dialog.
  template: `
    <Teleport to="body">
      <dialog ref="el" class="modal" :class="{ wide }" :aria-labelledby="titleId" :data-test="test" @close="closed">
        <div class="modal-head">
          <h2 :id="titleId" class="modal-title">{{ title }}</h2>
          <button type="button" class="icon-button" data-test="dialog-close" @click="close">
            <span aria-hidden="true">&#10005;</span><span class="visually-hidden">{{ t('common.close') }}</span>
          </button>
        </div>
        <div class="modal-body"><slot :close="close" /></div>
      </dialog>
    </Teleport>
  `,
};
