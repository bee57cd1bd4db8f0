// The Routing section: for each of the library's queues, its cascade of steps, in order. A step sends
// a chat to another queue of the library or to a co-op queue: always, outside the queue's opening
// hours, or when nobody has claimed it after some seconds. Saving replaces the queue's whole cascade.
import { nextTick, onMounted, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { t } from '../messages/t.js';
import { coopApi, formToStep, stepToForm } from './coop-api.js';

// Each condition as the gateway names it, and the words for it.
const CONDITIONS = [
  { value: 'always', words: 'coop.conditionAlways' },
  { value: 'outside_hours', words: 'coop.conditionOutsideHours' },
  { value: 'unclaimed', words: 'coop.conditionUnclaimed' },
];

export default {
  setup() {
    const desk = useDesk();
    const coops = coopApi(desk.call);
    const queues = ref([]);
    const targets = ref([]);
    const forms = ref({});
    const error = ref('');
    const done = ref('');
    const busy = ref(false);

    async function reload() {
      const overview = await coops.routing();
      queues.value = overview.queues;
      targets.value = [
        ...overview.queues.map((q) => ({ id: q.id, name: q.name, coop: false })),
        ...overview.coopQueues.map((q) => ({ id: q.id, name: q.name, coop: true, coopName: q.coopName })),
      ];
      const next = {};
      for (const q of overview.queues) next[q.id] = q.steps.map(stepToForm);
      forms.value = next;
    }

    const targetsFor = (queue) => targets.value.filter((x) => x.id !== queue.id);
    const targetName = (x) => (x.coop ? t('coop.targetCoop', { name: x.name, coop: x.coopName }) : x.name);

    async function addStep(queue) {
      const first = targetsFor(queue)[0];
      forms.value[queue.id].push({ toQueueId: first ? String(first.id) : '', condition: 'unclaimed', afterSeconds: '90' });
      await nextTick();
      const selects = document.querySelectorAll(`[data-routes="${queue.id}"] select.route-target`);
      if (selects.length) selects[selects.length - 1].focus();
    }

    function removeStep(queue, index) {
      forms.value[queue.id].splice(index, 1);
      nextTick(() => {
        const add = document.querySelector(`[data-routes="${queue.id}"] .add-step`);
        if (add) add.focus();
      });
    }

    async function save(queue) {
      busy.value = true;
      error.value = '';
      done.value = '';
      try {
        await coops.saveRoutes(queue.id, forms.value[queue.id].map(formToStep));
        await reload();
        done.value = t('coop.routesSaved', { queue: queue.name });
      } catch (e) {
        error.value = e.message;
      } finally {
        busy.value = false;
      }
    }

    onMounted(async () => {
      try {
        await reload();
      } catch (e) {
        error.value = e.message;
      }
    });

    return { queues, forms, error, done, busy, targetsFor, targetName, addStep, removeStep, save, CONDITIONS };
  },
  template: `
    <section class="routing-admin" data-test="routing-admin" aria-labelledby="routing-title">
      <h3 id="routing-title" tabindex="-1">{{ t('coop.routingTitle') }}</h3>
      <p class="muted">{{ t('coop.routingHelp') }}</p>
      <p class="error" role="alert" v-if="error"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
      <p class="done" role="status" v-if="done">{{ done }}</p>
      <form v-for="queue in queues" :key="queue.id" class="routes" :data-routes="queue.id" data-test="routes" @submit.prevent="save(queue)">
        <h4>{{ queue.name }}</h4>
        <p v-if="!forms[queue.id] || forms[queue.id].length === 0" class="muted">{{ t('coop.noSteps') }}</p>
        <ol class="route-steps">
          <li v-for="(step, i) in forms[queue.id]" :key="i" class="route-step">
            <label>{{ t('coop.stepTarget', { n: i + 1 }) }}
              <select v-model="step.toQueueId" class="route-target" required>
                <option v-for="x in targetsFor(queue)" :key="x.id" :value="String(x.id)">{{ targetName(x) }}</option>
              </select>
            </label>
            <label>{{ t('coop.stepCondition', { n: i + 1 }) }}
              <select v-model="step.condition">
                <option v-for="c in CONDITIONS" :key="c.value" :value="c.value">{{ t(c.words) }}</option>
              </select>
            </label>
            <label v-if="step.condition === 'unclaimed'">{{ t('coop.stepAfter', { n: i + 1 }) }}
              <input v-model="step.afterSeconds" type="number" min="10" max="86400" step="1" required>
            </label>
            <button type="button" class="link" @click="removeStep(queue, i)">{{ t('coop.removeStep', { n: i + 1 }) }}</button>
          </li>
        </ol>
        <div class="actions">
          <button type="button" class="add-step" :disabled="busy" @click="addStep(queue)">{{ t('coop.addStep') }}</button>
          <button type="submit" :disabled="busy">{{ t('coop.saveRoutes') }}<span class="visually-hidden"> {{ queue.name }}</span></button>
        </div>
      </form>
    </section>
  `,
};
