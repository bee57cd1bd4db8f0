// Says why the status turned Away by itself, with the one-click way back to what it was.
import { computed, nextTick } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { STATUSES } from './presence-store.js';
import { t } from '../messages/t.js';

export default {
  setup() {
    const desk = useDesk();
    const state = desk.away.state;
    const minutes = computed(() => (state.autoAway ? state.autoAway.minutes : 0));
    const back = computed(() => {
      const previous = state.autoAway && STATUSES.find((s) => s.value === state.autoAway.previous);
      return t(previous ? previous.label : 'status.online');
    });
    // The banner and its button go away: focus goes to the status it has just set, not to the page.
    async function backFromAway() {
      const going = desk.away.back();
      await nextTick();
      const status = document.querySelector('[data-test=status-select]');
      if (status) status.focus();
      await going;
    }

    return { state, minutes, back, backFromAway };
  },
  template: `
    <p v-if="state.autoAway" class="notice away-banner" role="status" data-test="away-banner">
      <span><span class="dot dot-away" aria-hidden="true"></span>
        {{ t('away.banner', { count: minutes }) }}</span>
      <button type="button" class="secondary" data-test="back-online" @click="backFromAway">{{ t('away.back', { status: back }) }}</button>
    </p>
  `,
};
