// Says why the status turned Away by itself, with the one-click way back to what it was.
import { computed, nextTick } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { STATUSES } from './presence-store.js';

export default {
  setup() {
    const desk = useDesk();
    const state = desk.away.state;
    const minutes = computed(() => (state.autoAway ? state.autoAway.minutes : 0));
    const back = computed(() => {
      const previous = state.autoAway && STATUSES.find((s) => s.value === state.autoAway.previous);
      return previous ? previous.label : 'Online';
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
        You were set to Away after {{ minutes }} {{ minutes === 1 ? 'minute' : 'minutes' }} without activity</span>
      <button type="button" class="secondary" data-test="back-online" @click="backFromAway">Back to {{ back }}</button>
    </p>
  `,
};
