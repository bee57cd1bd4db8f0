// "Make an FAQ draft" for an ended chat: the gateway writes the question and answer from the chat,
// without what identifies the patron, and keeps it as a draft until an admin reviews and publishes it.
import { ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';

export default {
  props: { chatId: { type: Number, required: true } },
  setup(props) {
    const desk = useDesk();
    const busy = ref(false);
    const made = ref(false);
    const error = ref('');

    async function make() {
      busy.value = true;
      error.value = '';
      try {
        await desk.faq.draftFrom(props.chatId);
        made.value = true;
      } catch (e) {
        error.value = e.message;
      } finally {
        busy.value = false;
      }
    }

    return { busy, made, error, make };
  },
  template: `
    <div class="make-faq-draft" data-test="make-faq-draft">
      <p v-if="made" role="status" data-test="faq-draft-made">{{ t('faq.draftMade') }}</p>
      <button v-else type="button" class="secondary" data-test="make-faq-draft-button" :disabled="busy" @click="make">
        {{ busy ? t('common.saving') : t('faq.makeDraft') }}</button>
      <p v-if="!made" class="muted small">{{ t('faq.draftHint') }}</p>
      <p v-if="error" class="error small" role="alert"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
    </div>
  `,
};
