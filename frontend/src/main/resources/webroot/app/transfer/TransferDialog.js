// Transfer a chat: to a queue (its librarians online get it) or to a colleague who is online, with a
// hand-off card filled in from the chat that the operator checks before sending. When nobody works
// the chosen queue now, the dialog offers a ticket for that queue instead.
import { computed, nextTick, onMounted, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import ModalDialog from '../ui/ModalDialog.js';
import { cardFromChat, linksFromText } from './hand-off-card.js';
import { t } from '../messages/t.js';

export default {
  components: { ModalDialog },
  props: { tab: { type: Object, required: true } },
  emits: ['close', 'sent'],
  setup(props, { emit }) {
    const desk = useDesk();
    const targets = ref(null);
    const kind = ref('operator');
    const choice = ref('');
    const needs = ref('');
    const tried = ref('');
    const links = ref('');
    const stay = ref(false);
    const error = ref('');
    const nobodyQueue = ref(null);
    const ticketWords = ref('');
    const sending = ref(false);
    const form = ref(null);
    const chosenQueue = computed(() => targets.value && targets.value.queues.find((q) => String(q.id) === String(choice.value)));

    onMounted(async () => {
      const card = cardFromChat({
        question: props.tab.question,
        tags: desk.tags.state.byChat[props.tab.chatId] || [],
        events: props.tab.events,
        meId: desk.state.me.operator.id,
      });
      needs.value = card.tags.length ? `${card.needs}\n${t('transfer.cardTags', { tags: card.tags.join(', ') })}` : card.needs;
      links.value = card.links.join('\n');
      try {
        targets.value = await desk.transfers.targets(props.tab.chatId);
        if (!targets.value.operators.length) kind.value = 'queue';
      } catch (e) {
        error.value = e.message;
      }
      await nextTick();
      const first = form.value && form.value.querySelector('input[name=transfer-kind]:checked');
      if (first) first.focus();
    });

    function pick(next) {
      kind.value = next;
      choice.value = '';
      nobodyQueue.value = null;
      error.value = '';
    }

    async function send(close) {
      error.value = '';
      nobodyQueue.value = null;
      ticketWords.value = '';
      if (!choice.value) {
        error.value = kind.value === 'queue' ? t('transfer.chooseQueue') : t('transfer.chooseColleague');
        return;
      }
      if (!needs.value.trim()) {
        error.value = t('transfer.needsRequired');
        return;
      }
      sending.value = true;
      try {
        const id = Number(choice.value);
        await desk.transfers.transfer(props.tab.chatId, {
          toQueueId: kind.value === 'queue' ? id : null,
          toOperatorId: kind.value === 'operator' ? id : null,
          card: { needs: needs.value.trim(), tried: tried.value.trim(), links: linksFromText(links.value) },
          stay: stay.value,
        });
        emit('sent');
        close();
      } catch (e) {
        error.value = e.message;
        if (e.code === 'nobody_online') nobodyQueue.value = chosenQueue.value || null;
        await nextTick();
        const alertEl = form.value && form.value.querySelector('[data-test=transfer-error]');
        if (alertEl) alertEl.focus();
      } finally {
        sending.value = false;
      }
    }

    async function ticket() {
      ticketWords.value = '';
      try {
        const made = await desk.transfers.ticketFor(props.tab.chatId, nobodyQueue.value.id);
        ticketWords.value = t('transfer.ticketMade', { id: made.id, queue: nobodyQueue.value.name });
      } catch (e) {
        ticketWords.value = e.message;
      }
    }

    return {
      targets, kind, choice, needs, tried, links, stay, error, nobodyQueue, ticketWords, sending, form, pick, send, ticket,
      titleText: t('transfer.title', { name: props.tab.patronName }),
    };
  },
  template: `
    <ModalDialog :title="titleText" test="transfer-dialog" @close="$emit('close')" v-slot="{ close }">
      <form ref="form" class="transfer-form" @submit.prevent="send(close)">
        <fieldset class="transfer-kind">
          <legend>{{ t('transfer.to') }}</legend>
          <label class="check-row"><input type="radio" name="transfer-kind" value="operator" :checked="kind === 'operator'" data-test="transfer-to-operator"
                        @change="pick('operator')"> {{ t('transfer.toColleague') }}</label>
          <label class="check-row"><input type="radio" name="transfer-kind" value="queue" :checked="kind === 'queue'" data-test="transfer-to-queue"
                        @change="pick('queue')"> {{ t('transfer.toQueue') }}</label>
        </fieldset>
        <p v-if="!targets && !error" class="muted">{{ t('common.loading') }}</p>
        <template v-if="targets">
          <label v-if="kind === 'operator'" class="field">
            <span>{{ t('transfer.colleague') }}</span>
            <select v-model="choice" data-test="transfer-target">
              <option value="">{{ t('transfer.pick') }}</option>
              <option v-for="op in targets.operators" :key="op.id" :value="String(op.id)">{{ t('transfer.colleagueOnline', { name: op.name }) }}</option>
            </select>
            <span v-if="!targets.operators.length" class="muted small" data-test="no-colleague">{{ t('transfer.nobodyOnline') }}</span>
          </label>
          <label v-else class="field">
            <span>{{ t('transfer.queue') }}</span>
            <select v-model="choice" data-test="transfer-target">
              <option value="">{{ t('transfer.pick') }}</option>
              <option v-for="q in targets.queues" :key="q.id" :value="String(q.id)">{{ t('transfer.queueOnline', { name: q.name, count: q.online }) }}</option>
            </select>
          </label>
        </template>
        <label class="field"><span>{{ t('transfer.needs') }}</span>
          <textarea v-model="needs" rows="3" maxlength="2000" data-test="card-needs"></textarea></label>
        <label class="field"><span>{{ t('transfer.tried') }}</span>
          <textarea v-model="tried" rows="2" maxlength="2000" data-test="card-tried"></textarea></label>
        <label class="field"><span>{{ t('transfer.links') }}</span>
          <textarea v-model="links" rows="2" data-test="card-links" aria-describedby="card-links-hint"></textarea>
          <span id="card-links-hint" class="muted small">{{ t('transfer.linksHint') }}</span></label>
        <label class="check-row"><input type="checkbox" v-model="stay" data-test="transfer-stay"> {{ t('transfer.stay') }}</label>
        <p class="muted small">{{ t('transfer.staffOnly') }}</p>
        <p v-if="error" class="error" role="alert" tabindex="-1" data-test="transfer-error"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
        <p v-if="nobodyQueue">
          <button type="button" class="secondary" data-test="transfer-ticket" @click="ticket">{{ t('transfer.makeTicket', { queue: nobodyQueue.name }) }}</button>
        </p>
        <p v-if="ticketWords" role="status" data-test="transfer-ticket-result">{{ ticketWords }}</p>
        <div class="button-row">
          <button type="submit" class="primary-inline" data-test="transfer-send" :disabled="sending">{{ sending ? t('transfer.sending') : t('transfer.send') }}</button>
          <button type="button" class="secondary" @click="close">{{ t('common.cancel') }}</button>
        </div>
      </form>
    </ModalDialog>
  `,
};
