// For a patron who gave no e-mail: one click asks for it (the library's "email" canned message, filled)
// and a small form records the address they type in the chat, so the answer can be sent on if the
// chat breaks off and their earlier chats can be found.
import { computed, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { t } from '../messages/t.js';

// For a library that has deleted its "email" message: the button must still ask.
const FALLBACK = 'email.fallback';

export default {
  props: { chatId: { type: Number, required: true } },
  setup(props) {
    const desk = useDesk();
    const limits = desk.state.me.limits;
    const tab = computed(() => desk.chats.tabOf(props.chatId));
    const email = ref('');
    const asked = ref(false);
    const busy = ref(false);
    const error = ref('');

    function ask() {
      asked.value = desk.canned.send(tab.value, 'email', t(FALLBACK));
    }

    async function record() {
      busy.value = true;
      error.value = '';
      try {
        await desk.history.recordEmail(props.chatId, email.value.trim());
        email.value = '';
      } catch (e) {
        error.value = e.message;
      } finally {
        busy.value = false;
      }
    }

    return { limits, tab, email, asked, busy, error, ask, record };
  },
  template: `
    <section class="patron-email" aria-labelledby="patron-email-title">
      <h3 id="patron-email-title" class="section-title">{{ t('email.title') }}</h3>
      <template v-if="tab && !tab.ended">
        <button type="button" class="secondary" data-test="ask-email" :disabled="asked" @click="ask">
          {{ asked ? t('email.asked') : t('email.ask') }}</button>
      </template>
      <form class="inline-form" data-test="record-email" @submit.prevent="record">
        <label :for="'record-email-' + chatId">{{ t('email.label') }}</label>
        <div class="input-with-button">
          <input :id="'record-email-' + chatId" v-model="email" type="email" required autocomplete="off"
                 data-test="record-email-input" :maxlength="limits.emailChars">
          <button type="submit" class="primary-inline" data-test="record-email-save" :disabled="busy || !email.trim()">{{ t('common.save') }}</button>
        </div>
      </form>
      <p v-if="error" class="error small" role="alert"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
    </section>
  `,
};
