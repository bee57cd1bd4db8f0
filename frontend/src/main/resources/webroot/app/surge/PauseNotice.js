// After a phone suspended the page: how long, what colleagues saw meanwhile, and how many chats
// arrived, said plainly once the page runs again. The status the operator chose is already back.
import { computed, nextTick } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { STATUSES } from '../presence/presence-store.js';
import { t } from '../messages/t.js';

export default {
  setup() {
    const desk = useDesk();
    const paused = computed(() => desk.surge.state.paused);

    const text = computed(() => {
      const p = paused.value;
      if (!p) return '';
      const length = t(p.length.key, { count: p.length.count });
      const seen = t(p.offlineMeanwhile ? 'surge.pausedOffline' : 'surge.pausedAway', { length });
      const arrived = p.arrived === null ? '' : ' ' + (p.arrived === 0 ? t('surge.noneArrived') : t('surge.arrivedMeanwhile', { count: p.arrived }));
      const status = STATUSES.find((s) => s.value === p.status);
      const back = status && p.status !== 'offline' ? ' ' + t('surge.statusBack', { status: t(status.label) }) : '';
      return seen + arrived + back;
    });

    async function dismiss() {
      desk.surge.dismissPaused();
      await nextTick();
      const status = document.querySelector('[data-test=status-select]');
      if (status) status.focus();
    }

    return { paused, text, dismiss };
  },
  template: `
    <p v-if="paused" class="notice pause-notice" role="alert" data-test="pause-notice">
      <span><span class="dot dot-away" aria-hidden="true"></span> {{ text }}</span>
      <button type="button" class="link-button" data-test="pause-dismiss" @click="dismiss">{{ t('common.dismiss') }}</button>
    </p>
  `,
};
