// At the start of a shift: the chats missed since the operator's last one, each made a ticket (when
// the patron left an e-mail) or dismissed with a reason. After either, focus moves to the next chat,
// or to the list's heading when it is the last. The list appears without taking focus (the operator
// may be typing elsewhere); it is announced.
import { nextTick, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { dayAndTime, shorten } from '../ui/format.js';
import DismissForm from './DismissForm.js';
import { t } from '../messages/t.js';

export default {
  components: { DismissForm },
  setup() {
    const desk = useDesk();
    const missed = desk.missed;
    const dismissing = ref(null);
    const busy = ref(null);
    const error = ref('');
    const title = ref(null);

    async function settle(index, said) {
      desk.announce(said);
      await nextTick();
      const rows = document.querySelectorAll('[data-test="missed-chat"] button');
      const next = document.querySelectorAll('[data-test="missed-chat"]')[index];
      const target = next ? next.querySelector('button:not([disabled])') : null;
      if (target) target.focus();
      else if (rows.length && rows[0]) rows[0].focus();
      else if (title.value) title.value.focus();
    }

    async function make(chat, index) {
      busy.value = chat.chatId;
      error.value = '';
      const answer = await missed.makeTicket(chat.chatId);
      busy.value = null;
      if (answer.ticket) await settle(index, t('makeTicket.made', { id: answer.ticket.id }));
      else error.value = answer.error.code === 'email_required' ? t('makeTicket.emailRequired') : answer.error.message;
    }

    async function dismiss(chat, index, { reason, note }) {
      busy.value = chat.chatId;
      error.value = '';
      const answer = await missed.dismiss(chat.chatId, reason, note);
      busy.value = null;
      if (answer.ok) {
        dismissing.value = null;
        await settle(index, t('missed.dismissed', { name: chat.patronName || t('common.guest') }));
      } else {
        error.value = answer.error.message;
      }
    }

    async function cancel(chat) {
      dismissing.value = null;
      await nextTick();
      const button = document.getElementById(`missed-dismiss-${chat.chatId}`);
      if (button) button.focus();
    }

    return {
      state: missed.state, dismissing, busy, error, title, make, dismiss, cancel, hide: missed.hide, dayAndTime, shorten, now: () => desk.state.now,
    };
  },
  template: `
    <section v-if="state.shown" class="missed-chats" aria-labelledby="missed-title" data-test="missed-chats">
      <div class="missed-head">
        <h2 id="missed-title" ref="title" class="pane-title" tabindex="-1">{{ t('missed.title', { count: state.chats.length }) }}</h2>
        <button type="button" class="link-button" data-test="missed-hide" @click="hide">{{ t('missed.hide') }}</button>
      </div>
      <p class="muted small">{{ state.lastShiftEnd ? t('missed.since', { time: dayAndTime(state.lastShiftEnd, now()) }) : t('missed.sinceWeek') }}</p>
      <p v-if="!state.chats.length" class="muted" data-test="missed-none">{{ t('missed.none') }}</p>
      <p v-if="error" class="error small" role="alert"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
      <ul class="missed-list">
        <li v-for="(chat, index) in state.chats" :key="chat.chatId" class="missed-chat" data-test="missed-chat" :data-chat-id="chat.chatId">
          <p class="missed-who"><strong>{{ chat.patronName || t('common.guest') }}</strong>
            <span class="muted">{{ chat.email || t('missed.noEmail') }}</span>
            <time class="muted" :datetime="chat.missedAt">{{ dayAndTime(chat.missedAt, now()) }}</time></p>
          <p class="missed-question">{{ shorten(chat.question) }}</p>
          <DismissForm v-if="dismissing === chat.chatId" :chat-id="chat.chatId" :busy="busy === chat.chatId" initial="no_contact"
                       @confirm="dismiss(chat, index, $event)" @cancel="cancel(chat)" />
          <div v-else class="button-row">
            <button type="button" class="secondary" data-test="missed-make-ticket" :disabled="!chat.email || busy === chat.chatId"
                    :aria-describedby="chat.email ? null : 'missed-no-email-' + chat.chatId" @click="make(chat, index)">{{ t('makeTicket.make') }}</button>
            <span v-if="!chat.email" :id="'missed-no-email-' + chat.chatId" class="visually-hidden">{{ t('makeTicket.needsEmail') }}</span>
            <button :id="'missed-dismiss-' + chat.chatId" type="button" class="secondary" data-test="missed-dismiss" @click="dismissing = chat.chatId">{{ t('missed.dismiss') }}</button>
          </div>
        </li>
      </ul>
    </section>
  `,
};
