// "Make a ticket" beside a chat, in progress or ended: the follow-up the patron will get by e-mail.
// Without an e-mail it cannot be made; the operator is offered the library's words to ask for one,
// put in the composer to send or change, and the button waits until an e-mail is recorded.
import { computed, nextTick, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { t } from '../messages/t.js';

export default {
  props: { chatId: { type: Number, required: true } },
  setup(props) {
    const desk = useDesk();
    const tab = computed(() => desk.chats.tabOf(props.chatId));
    const details = computed(() => desk.chats.detailsOf(props.chatId));
    const email = computed(() => (details.value && details.value.patron && details.value.patron.email) || '');
    const made = computed(() => desk.tickets.state.byChat[props.chatId] || null);
    const note = ref('');
    const busy = ref(false);
    const error = ref('');
    const needsEmail = ref(false);
    const limits = desk.state.me.limits;

    async function make() {
      busy.value = true;
      error.value = '';
      const answer = await desk.tickets.fromChat(props.chatId, note.value.trim());
      busy.value = false;
      if (answer.ticket) {
        note.value = '';
        needsEmail.value = false;
        desk.announce(t('makeTicket.made', { id: answer.ticket.id }));
        await nextTick();
        const open = document.getElementById(`open-ticket-${props.chatId}`);
        if (open) open.focus();
      } else if (answer.error.code === 'email_required') {
        needsEmail.value = true;
      } else {
        error.value = answer.error.message;
      }
    }

    // The library's "email" canned message, filled for this patron, in the composer: the operator
    // reads it, may change it, and sends it.
    async function askForEmail() {
      const item = desk.canned.find('email');
      const words = desk.canned.fill(props.chatId, item ? item.body : t('email.fallback'));
      desk.chats.setDraft(tab.value, tab.value.draft ? `${tab.value.draft}\n${words}` : words);
      desk.showPane('chat');
      await nextTick();
      const composer = document.getElementById(`composer-${props.chatId}`);
      if (composer) composer.focus();
    }

    return {
      tab, email, made, note, busy, error, needsEmail, limits, make, askForEmail, openTicket: () => desk.openTicket(made.value),
    };
  },
  template: `
    <section class="make-ticket" aria-labelledby="make-ticket-title" data-test="make-ticket-panel">
      <h3 id="make-ticket-title" class="section-title">{{ t('makeTicket.title') }}</h3>
      <template v-if="made">
        <p role="status" data-test="ticket-made">{{ t('makeTicket.made', { id: made }) }}</p>
        <button :id="'open-ticket-' + chatId" type="button" class="secondary" data-test="open-made-ticket" @click="openTicket">{{ t('makeTicket.open') }}</button>
      </template>
      <form v-else class="inline-form" @submit.prevent="make">
        <p v-if="!email" class="hint" :id="'make-ticket-needs-' + chatId" data-test="make-ticket-needs-email">
          <span aria-hidden="true">&#9993;</span> {{ t('makeTicket.needsEmail') }}</p>
        <p v-else class="hint">{{ t('makeTicket.willMail', { email }) }}</p>
        <label :for="'make-ticket-note-' + chatId">{{ t('makeTicket.noteLabel') }}</label>
        <textarea :id="'make-ticket-note-' + chatId" v-model="note" rows="2" data-test="make-ticket-note" :maxlength="limits.ticketTextChars"></textarea>
        <button type="submit" class="primary-inline" data-test="make-ticket" :disabled="busy || !email"
                :aria-describedby="email ? null : 'make-ticket-needs-' + chatId">{{ busy ? t('common.saving') : t('makeTicket.make') }}</button>
        <button v-if="!email && tab && !tab.ended" type="button" class="secondary" data-test="ask-email-for-ticket" @click="askForEmail">
          {{ t('makeTicket.askEmail') }}</button>
      </form>
      <p v-if="needsEmail && !email" class="error small" role="alert"><span aria-hidden="true">&#9888;</span> {{ t('makeTicket.emailRequired') }}</p>
      <p v-if="error" class="error small" role="alert"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
    </section>
  `,
};
