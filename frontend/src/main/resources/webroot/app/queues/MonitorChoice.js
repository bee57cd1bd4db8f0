// Which of their queues this operator monitors. Saved to their account at once; the queue list, the
// Waiting counter and the new-chat alerts follow it. A disclosure, because it is set once a shift and
// the waiting chats need the room.
import { computed, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { t } from '../messages/t.js';

export default {
  setup() {
    const desk = useDesk();
    const { state } = desk;
    const error = ref('');
    const saving = ref(false);
    const ticked = desk.settings.isMonitored;
    const count = computed(() => state.me.queues.filter((q) => ticked(q.id)).length);

    async function toggle(queueId, on) {
      error.value = '';
      saving.value = true;
      const ids = state.me.queues.map((q) => q.id).filter((id) => (id === queueId ? on : ticked(id)));
      try {
        await desk.settings.setMonitored(ids);
      } catch (e) {
        error.value = t('monitor.notSaved', { reason: e.message });
      } finally {
        saving.value = false;
      }
    }

    return { state, error, saving, ticked, count, toggle };
  },
  template: `
    <details class="monitor-choice" data-test="monitor-choice">
      <summary>{{ t('monitor.summary', { chosen: count, count: state.me.queues.length }) }}</summary>
      <fieldset>
        <legend class="visually-hidden">{{ t('monitor.legend') }}</legend>
        <label v-for="q in state.me.queues" :key="q.id" class="check-row">
          <input type="checkbox" data-test="monitor-queue" :data-queue-id="q.id" :checked="ticked(q.id)"
                 :disabled="saving" @change="toggle(q.id, $event.target.checked)"> {{ q.name }}
        </label>
      </fieldset>
      <p class="muted small" role="status">
        <template v-if="saving">{{ t('common.saving') }}</template>
        <template v-else-if="!error">{{ t('monitor.help') }}</template>
      </p>
      <p v-if="error" class="error small" role="alert"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
    </details>
  `,
};
