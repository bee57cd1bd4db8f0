// "Swamped — call for help" at the head of the queues, where a busy operator looks: it says what it
// will do and asks first, then says what went out (or why nothing did) beside the button.
import { computed, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import ModalDialog from '../ui/ModalDialog.js';
import { t } from '../messages/t.js';

const clock = (iso) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

export default {
  components: { ModalDialog },
  setup() {
    const desk = useDesk();
    const surge = desk.surge.state;
    const asking = ref(false);
    const online = computed(() => desk.presence.state.status === 'online');

    const outcome = computed(() => {
      if (surge.sent) {
        return surge.sent.paged === 0
          ? t('surge.sentNobody')
          : t('surge.sent', { count: surge.sent.paged, time: clock(surge.sent.at) });
      }
      const refused = surge.refused;
      if (!refused) return '';
      if (refused.code === 'conflict' && refused.details.lastPageAt) {
        return t('surge.recent', {
          time: clock(refused.details.lastPageAt), count: Math.max(1, Math.ceil(refused.details.retryAfterSeconds / 60)),
        });
      }
      if (refused.code === 'forbidden') return t('surge.notOnline');
      return t('surge.failed', { message: refused.message });
    });

    async function send(close) {
      await desk.surge.callForHelp();
      close();
    }

    return { surge, asking, online, outcome, send, waiting: computed(() => desk.counters.waiting), dismiss: desk.surge.dismissSent };
  },
  template: `
    <div class="surge-call">
      <button type="button" class="surge-button" data-test="swamped" @click="asking = true">{{ t('surge.button') }}</button>
      <p v-if="outcome" class="surge-outcome small" role="status" data-test="surge-outcome">
        <span>{{ outcome }}</span>
        <button type="button" class="link-button" data-test="surge-outcome-dismiss" @click="dismiss">{{ t('common.dismiss') }}</button>
      </p>
      <ModalDialog v-if="asking" :title="t('surge.confirmTitle')" test="surge-confirm" @close="asking = false">
        <template #default="{ close }">
          <p>{{ t('surge.confirmText', { count: waiting }) }}</p>
          <p v-if="!online" class="muted">{{ t('surge.notOnline') }}</p>
          <div class="button-row">
            <button type="button" class="primary-inline" data-test="surge-send" :disabled="surge.sending" @click="send(close)">{{ t('surge.confirm') }}</button>
            <button type="button" class="secondary" data-test="surge-cancel" @click="close">{{ t('common.cancel') }}</button>
          </div>
        </template>
      </ModalDialog>
    </div>
  `,
};
