// One ticket: what it is about and who has it, the thread (replies to the patron, mail from them,
// internal notes and the chat's transcript, each labelled in words as well as colour), the composer
// for a reply or a note, and the history. After each action focus stays where the operator was; a
// sent message is announced, with where its e-mail stands.
import { computed, nextTick, onUnmounted, ref, watch } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { dayAndTime } from '../ui/format.js';
import { STATUSES } from './tickets-store.js';
import { historyWord, kindWord, mailWord, statusWord } from './ticket-words.js';
import { t } from '../messages/t.js';

const MAIL_LOOK_MS = 3000;

export default {
  emits: ['back'],
  setup() {
    const desk = useDesk();
    const tickets = desk.tickets;
    const me = desk.state.me.operator;
    const ticket = computed(() => tickets.state.current);
    const limits = desk.state.me.limits;
    const kind = ref('reply');
    const text = ref('');
    const composer = ref(null);
    const assignee = ref(ticket.value.assignee ? String(ticket.value.assignee.id) : '');
    const status = ref(ticket.value.status);
    const closed = computed(() => ticket.value.status === 'closed');
    const mine = computed(() => ticket.value.assignee && ticket.value.assignee.id === me.id);

    const nameOf = (id) => {
      if (id === me.id) return me.name;
      const c = tickets.state.colleagues.find((o) => o.id === id);
      return c ? c.name : `#${id}`;
    };
    const authorOf = (m) => (m.author ? m.author.name : (m.kind === 'from_patron' ? ticket.value.email : t('tickets.system')));

    async function send() {
      const words = text.value.trim();
      if (!words) return;
      const sent = await (kind.value === 'reply' ? tickets.reply(words) : tickets.note(words));
      if (sent) {
        text.value = '';
        status.value = ticket.value.status;
        if (kind.value === 'reply') {
          const last = ticket.value.messages[ticket.value.messages.length - 1];
          desk.announce(t('tickets.announceReply', { mail: mailWord(last && last.mail) }));
        }
      }
      await nextTick();
      if (composer.value) composer.value.focus();
    }

    async function assign(to) {
      const id = to === '' ? null : Number(to);
      if (await tickets.assign(id)) {
        assignee.value = id === null ? '' : String(id);
        status.value = ticket.value.status;
      }
    }

    async function changeStatus(to) {
      if (await tickets.setStatus(to)) status.value = to;
    }

    // Close and Reopen take each other's place: focus goes to the one that is there now.
    async function toggleClosed(to) {
      await changeStatus(to);
      await nextTick();
      const button = document.querySelector(to === 'closed' ? '[data-test="reopen-ticket"]' : '[data-test="close-ticket"]');
      if (button) button.focus();
    }

    // A reply's e-mail is handed over by the outbox a moment later: while one is queued with no word
    // on why, the ticket is read again now and then, so "sent" or the reason shows without a reload.
    const awaitingMail = computed(() => ticket.value.messages.some((m) => m.mail && m.mail.status === 'queued' && !m.mail.error));
    let poll = null;
    watch(awaitingMail, (waiting) => {
      clearInterval(poll);
      poll = waiting ? setInterval(tickets.refresh, MAIL_LOOK_MS) : null;
    }, { immediate: true });
    onUnmounted(() => clearInterval(poll));

    function onKey(event) {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        send();
      }
    }

    return {
      state: tickets.state, ticket, me, limits, kind, text, composer, assignee, status, closed, mine, STATUSES,
      send, assign, changeStatus, toggleClosed, onKey, nameOf, authorOf, statusWord, kindWord, mailWord, historyWord, dayAndTime, now: () => desk.state.now,
    };
  },
  template: `
    <article class="ticket-detail" data-test="ticket-detail" :data-ticket-id="ticket.id" aria-labelledby="ticket-title">
      <button type="button" class="link-button ticket-back" data-test="ticket-back" @click="$emit('back')">
        <span aria-hidden="true">&#8592;</span> {{ t('tickets.back') }}</button>
      <h2 id="ticket-title" class="pane-title" tabindex="-1" data-test="ticket-subject">{{ ticket.subject }}</h2>
      <dl class="facts ticket-facts">
        <dt>{{ t('tickets.number') }}</dt><dd>#{{ ticket.id }}</dd>
        <dt>{{ t('tickets.patronEmail') }}</dt><dd data-test="ticket-email">{{ ticket.email }}</dd>
        <dt>{{ t('tickets.queue') }}</dt><dd>{{ ticket.queueName }}</dd>
        <dt>{{ t('tickets.status') }}</dt>
        <dd><span class="ticket-status" :class="'status-' + ticket.status" data-test="ticket-status">{{ statusWord(ticket.status) }}</span></dd>
        <dt>{{ t('tickets.assignee') }}</dt>
        <dd data-test="ticket-assignee">{{ ticket.assignee ? ticket.assignee.name : t('tickets.unassigned') }}</dd>
      </dl>

      <div class="ticket-actions">
        <button v-if="!mine" type="button" class="secondary" data-test="take-ticket" :disabled="state.busy" @click="assign(String(me.id))">{{ t('tickets.takeIt') }}</button>
        <div class="inline-field">
          <label for="ticket-assign">{{ t('tickets.assignTo') }}</label>
          <div class="input-with-button">
            <select id="ticket-assign" v-model="assignee" data-test="assign-select">
              <option value="">{{ t('tickets.unassigned') }}</option>
              <option :value="String(me.id)">{{ t('tickets.meNamed', { name: me.name }) }}</option>
              <option v-for="c in state.colleagues" :key="c.id" :value="String(c.id)">{{ c.name }}</option>
            </select>
            <button type="button" class="secondary" data-test="assign" :disabled="state.busy" @click="assign(assignee)">{{ t('tickets.assign') }}</button>
          </div>
        </div>
        <div class="inline-field">
          <label for="ticket-status-select">{{ t('tickets.status') }}</label>
          <div class="input-with-button">
            <select id="ticket-status-select" v-model="status" data-test="status-select">
              <option v-for="s in STATUSES" :key="s" :value="s">{{ statusWord(s) }}</option>
            </select>
            <button type="button" class="secondary" data-test="set-status" :disabled="state.busy" @click="changeStatus(status)">{{ t('tickets.setStatus') }}</button>
          </div>
        </div>
        <button v-if="!closed" type="button" class="secondary" data-test="close-ticket" :disabled="state.busy" @click="toggleClosed('closed')">{{ t('tickets.close') }}</button>
        <button v-else type="button" class="secondary" data-test="reopen-ticket" :disabled="state.busy" @click="toggleClosed('open')">{{ t('tickets.reopen') }}</button>
      </div>
      <p v-if="state.actionError" class="error" role="alert" data-test="ticket-error"><span aria-hidden="true">&#9888;</span> {{ state.actionError }}</p>

      <h3 class="section-title">{{ t('tickets.thread') }}</h3>
      <ol class="ticket-thread" data-test="ticket-thread">
        <li v-for="m in ticket.messages" :key="m.id" class="ticket-message" :class="'kind-' + m.kind" data-test="ticket-message" :data-kind="m.kind">
          <p class="meta">
            <span class="kind-label" data-test="message-kind">{{ kindWord(m.kind) }}</span>
            <span class="sender">{{ authorOf(m) }}</span>
            <time :datetime="m.at">{{ dayAndTime(m.at, now()) }}</time>
          </p>
          <p class="text">{{ m.text }}</p>
          <p v-if="m.mail" class="mail-status" :class="'mail-' + m.mail.status" data-test="mail-status">{{ mailWord(m.mail) }}</p>
        </li>
      </ol>

      <form class="ticket-composer" data-test="ticket-composer" @submit.prevent="send">
        <fieldset class="kind-choice">
          <legend>{{ t('tickets.writeWhat') }}</legend>
          <label><input v-model="kind" type="radio" name="ticket-kind" value="reply" data-test="kind-reply"> {{ t('tickets.kindReply') }}</label>
          <label><input v-model="kind" type="radio" name="ticket-kind" value="note" data-test="kind-note"> {{ t('tickets.kindNoteChoice') }}</label>
        </fieldset>
        <label for="ticket-text">{{ kind === 'reply' ? t('tickets.replyLabel', { email: ticket.email }) : t('tickets.noteLabel') }}</label>
        <textarea id="ticket-text" ref="composer" v-model="text" data-test="ticket-text" rows="4" :maxlength="limits.ticketTextChars"
                  aria-describedby="ticket-text-hint" @keydown="onKey"></textarea>
        <p id="ticket-text-hint" class="hint">{{ kind === 'reply' && closed ? t('tickets.closedHint') : t('tickets.composerHint') }}</p>
        <button type="submit" class="primary-inline" data-test="ticket-send" :disabled="state.busy || !text.trim() || (kind === 'reply' && closed)">
          {{ kind === 'reply' ? t('tickets.sendReply') : t('tickets.addNote') }}</button>
      </form>

      <details class="ticket-history" data-test="ticket-history">
        <summary>{{ t('tickets.history', { count: ticket.history.length }) }}</summary>
        <ol>
          <li v-for="(line, i) in ticket.history" :key="i">
            <time :datetime="line.at">{{ dayAndTime(line.at, now()) }}</time> {{ historyWord(line, nameOf) }}
          </li>
        </ol>
      </details>
    </article>
  `,
};
