// A gentle word when the patron has written and the operator has been silent for the library's
// deadAirSeconds: from the patron's side a silent librarian looks like a librarian who has gone. One
// click sends the "looking" canned message, filled for this patron.
import { computed } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { t } from '../messages/t.js';

// For a library that has deleted its "looking" message: the button must still say something.
const FALLBACK = 'nudge.fallback';

export default {
  props: { tab: { type: Object, required: true } },
  setup(props) {
    const desk = useDesk();
    const item = computed(() => desk.canned.find('looking'));
    const label = computed(() => (item.value ? item.value.title : t('nudge.label')));

    function send() {
      desk.canned.send(props.tab, 'looking', t(FALLBACK));
    }

    return { label, send };
  },
  template: `
    <div class="nudge" role="status" data-test="nudge">
      <span>{{ t('nudge.words') }}</span>
      <button type="button" class="secondary" data-test="nudge-send" @click="send">{{ t('nudge.send', { label }) }}</button>
    </div>
  `,
};
