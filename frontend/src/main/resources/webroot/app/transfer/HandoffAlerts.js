// Chats colleagues offer this operator: a transfer with its hand-off card, or an invitation to share.
// Each can be read in full first (Open transcript), then accepted, or declined with a reason the
// colleague is told. Accepting puts the chat on screen; declining moves focus to the next offer.
import { nextTick, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import HandoffTranscript from './HandoffTranscript.js';
import { t } from '../messages/t.js';

export default {
  components: { HandoffTranscript },
  setup() {
    const desk = useDesk();
    const reading = ref(null);
    const declining = ref(null);
    const reason = ref('');
    const error = ref('');
    const root = ref(null);

    function title(handoff) {
      if (handoff.kind === 'invite') return t('transfer.inviteFrom', { from: handoff.from.name, name: handoff.patronName });
      return handoff.toQueue
        ? t('transfer.transferViaQueue', { from: handoff.from.name, name: handoff.patronName, queue: handoff.toQueue.name })
        : t('transfer.transferFrom', { from: handoff.from.name, name: handoff.patronName });
    }

    async function accept(handoff) {
      error.value = '';
      try {
        await desk.transfers.accept(handoff);
        await nextTick();
        const composer = document.querySelector(`[data-chat-id="${handoff.chatId}"] [data-test=composer]`)
          || document.getElementById(`chat-title-${handoff.chatId}`);
        if (composer) composer.focus();
      } catch (e) {
        error.value = e.message;
      }
    }

    async function startDecline(handoff) {
      declining.value = handoff.id;
      reason.value = '';
      await nextTick();
      const input = root.value && root.value.querySelector('[data-test=decline-reason]');
      if (input) input.focus();
    }

    async function decline(handoff) {
      error.value = '';
      if (!reason.value.trim()) {
        error.value = t('transfer.reasonRequired');
        return;
      }
      try {
        await desk.transfers.decline(handoff, reason.value.trim());
        declining.value = null;
        await nextTick();
        const next = root.value && root.value.querySelector('[data-test=handoff-accept]');
        if (next) next.focus();
        else {
          const queue = document.getElementById('queue-title');
          if (queue) queue.focus();
        }
      } catch (e) {
        error.value = e.message;
      }
    }

    return { incoming: desk.transfers.state, reading, declining, reason, error, root, title, accept, startDecline, decline };
  },
  template: `
    <section v-if="incoming.incoming.length" ref="root" class="handoffs" data-test="handoff-alerts" aria-labelledby="handoffs-title">
      <h2 id="handoffs-title" class="handoffs-title">{{ t('transfer.incoming', { count: incoming.incoming.length }) }}</h2>
      <ul class="handoff-list">
        <li v-for="handoff in incoming.incoming" :key="handoff.id" class="handoff" data-test="handoff" :data-chat-id="handoff.chatId">
          <p class="handoff-head"><strong>{{ title(handoff) }}</strong></p>
          <dl v-if="handoff.kind === 'transfer'" class="handoff-card" data-test="handoff-card">
            <dt>{{ t('transfer.needs') }}</dt><dd data-test="card-needs-shown">{{ handoff.card.needs }}</dd>
            <template v-if="handoff.card.tried"><dt>{{ t('transfer.tried') }}</dt><dd>{{ handoff.card.tried }}</dd></template>
            <template v-if="handoff.card.links && handoff.card.links.length"><dt>{{ t('transfer.links') }}</dt>
              <dd><ul class="plain"><li v-for="link in handoff.card.links" :key="link"><a :href="link" target="_blank" rel="noopener noreferrer">{{ link }}</a></li></ul></dd></template>
          </dl>
          <p v-else class="muted">{{ handoff.question }}</p>
          <div class="button-row">
            <button type="button" class="secondary" data-test="handoff-transcript-open" @click="reading = handoff">{{ t('transfer.openTranscript') }}</button>
            <button type="button" class="primary-inline" data-test="handoff-accept" @click="accept(handoff)">{{ t('transfer.accept') }}<span class="visually-hidden">{{ ' ' + title(handoff) }}</span></button>
            <button type="button" class="secondary" data-test="handoff-decline" :aria-expanded="declining === handoff.id ? 'true' : 'false'"
                    @click="startDecline(handoff)">{{ t('transfer.decline') }}</button>
          </div>
          <form v-if="declining === handoff.id" class="decline-form" @submit.prevent="decline(handoff)" @keydown.esc="declining = null">
            <label class="field"><span>{{ t('transfer.reason') }}</span>
              <input type="text" v-model="reason" maxlength="500" data-test="decline-reason"></label>
            <button type="submit" class="secondary" data-test="decline-send">{{ t('transfer.sendDecline') }}</button>
          </form>
        </li>
      </ul>
      <p v-if="error" class="error small" role="alert"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
      <HandoffTranscript v-if="reading" :handoff="reading" @close="reading = null" />
    </section>
  `,
};
