// The statistics record of one interaction: a chat that has ended (its facts come from the server and
// are shown, not edited) or a question at the desk without a chat. The library's own fields follow,
// the required ones said in words. Saving moves focus to the confirmation; a refused save names the
// fields and puts focus on the first.
import { computed, nextTick, onMounted, reactive, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { dayAndTime } from '../ui/format.js';
import { durationWords, missingRequired, valuesOf } from './stats-words.js';
import { t } from '../messages/t.js';

export default {
  props: { chatId: { type: Number, default: null } },
  emits: ['saved', 'later'],
  setup(props, { emit }) {
    const desk = useDesk();
    const fields = ref([]);
    const facts = ref(null);
    const values = reactive({});
    const problems = ref([]);
    const error = ref('');
    const saved = ref(false);
    const busy = ref(false);
    const loaded = ref(false);
    const idPrefix = `stats-${props.chatId || 'desk'}`;
    const fieldId = (key) => `${idPrefix}-${key}`;
    const savedLine = ref(null);

    onMounted(async () => {
      try {
        if (props.chatId) {
          const answer = await desk.call(`/api/chats/${props.chatId}/analytics`);
          fields.value = answer.fields.filter((field) => field.key !== 'mode');
          facts.value = answer.facts;
          const entryValues = (answer.entry && answer.entry.values) || {};
          for (const field of fields.value) values[field.key] = entryValues[field.key] ?? '';
          saved.value = Boolean(answer.entry);
        } else {
          const answer = await desk.call('/api/statistics/form');
          fields.value = answer.fields;
          for (const field of fields.value) values[field.key] = '';
        }
      } catch (e) {
        error.value = e.message;
      }
      loaded.value = true;
    });

    const missing = computed(() => problems.value.map((field) => field.label).join(', '));

    async function focusFirstProblem() {
      await nextTick();
      const first = problems.value[0] && document.getElementById(fieldId(problems.value[0].key));
      if (first) first.focus();
    }

    async function save() {
      error.value = '';
      problems.value = missingRequired(fields.value, values);
      if (problems.value.length) return focusFirstProblem();
      busy.value = true;
      try {
        const body = { values: valuesOf(fields.value, values) };
        if (props.chatId) await desk.call(`/api/chats/${props.chatId}/analytics`, { method: 'POST', body });
        else await desk.call('/api/statistics/entries', { method: 'POST', body });
        saved.value = true;
        desk.announce(t('stats.saved'));
        emit('saved', props.chatId);
        await nextTick();
        if (savedLine.value) savedLine.value.focus();
      } catch (e) {
        const named = (e.details && e.details.fields) || {};
        problems.value = fields.value.filter((field) => field.key in named);
        if (problems.value.length) return focusFirstProblem();
        error.value = e.message;
      } finally {
        busy.value = false;
      }
    }

    const isProblem = (field) => problems.value.some((problem) => problem.key === field.key);

    return {
      fields, facts, values, problems, missing, error, saved, busy, loaded, fieldId, savedLine, save, isProblem,
      dayAndTime, durationWords, later: () => emit('later', props.chatId),
    };
  },
  template: `
    <section class="record-statistics" :aria-labelledby="fieldId('title')" data-test="record-statistics">
      <h3 :id="fieldId('title')" class="section-title">{{ chatId ? t('stats.titleChat') : t('stats.titleDesk') }}</h3>
      <p v-if="!loaded" class="muted">{{ t('stats.loading') }}</p>
      <dl v-if="facts" class="facts" data-test="stats-facts">
        <div><dt>{{ t('stats.when') }}</dt><dd>{{ dayAndTime(facts.occurredAt) }}</dd></div>
        <div><dt>{{ t('stats.duration') }}</dt><dd data-test="stats-duration">{{ durationWords(facts.durationSeconds) }}</dd></div>
        <div><dt>{{ t('stats.wait') }}</dt><dd data-test="stats-wait">{{ durationWords(facts.waitSeconds) }}</dd></div>
        <div><dt>{{ t('stats.queue') }}</dt><dd data-test="stats-queue">{{ facts.queue.name }}</dd></div>
        <div><dt>{{ t('stats.mode') }}</dt><dd>{{ t('stats.modeChat') }}</dd></div>
        <div><dt>{{ t('stats.tags') }}</dt><dd data-test="stats-tags">{{ facts.tags.length ? facts.tags.join(', ') : t('stats.noTags') }}</dd></div>
      </dl>
      <p v-if="saved" :ref="(el) => { savedLine = el; }" tabindex="-1" class="saved-line" role="status" data-test="stats-saved">
        <span aria-hidden="true">&#10003;</span> {{ t('stats.saved') }}</p>
      <form v-if="loaded && fields.length" class="stats-form" novalidate @submit.prevent="save">
        <p v-if="problems.length" class="error small" role="alert" data-test="stats-problems">
          <span aria-hidden="true">&#9888;</span> {{ t('stats.fillIn', { fields: missing }) }}</p>
        <div v-for="field in fields" :key="field.key" class="stats-field">
          <label :for="fieldId(field.key)">{{ field.label }}<span v-if="field.required" class="required-word">{{ t('stats.required') }}</span></label>
          <select v-if="field.kind === 'choice'" :id="fieldId(field.key)" v-model="values[field.key]" :data-test="'stats-' + field.key"
                  :aria-invalid="isProblem(field) ? 'true' : null" :required="field.required">
            <option value="">{{ t('stats.choose') }}</option>
            <option v-for="choice in field.choices" :key="choice" :value="choice">{{ choice }}</option>
          </select>
          <textarea v-else-if="field.key === 'notes'" :id="fieldId(field.key)" v-model="values[field.key]" rows="2" :data-test="'stats-' + field.key"
                    :aria-invalid="isProblem(field) ? 'true' : null" :required="field.required"></textarea>
          <input v-else :id="fieldId(field.key)" v-model="values[field.key]" :type="field.kind === 'number' ? 'number' : 'text'"
                 :data-test="'stats-' + field.key" :aria-invalid="isProblem(field) ? 'true' : null" :required="field.required">
        </div>
        <div class="row">
          <button type="submit" class="primary-inline" data-test="stats-save" :disabled="busy">{{ busy ? t('common.saving') : t('stats.save') }}</button>
          <button v-if="chatId && !saved" type="button" class="secondary" data-test="stats-later" @click="later">{{ t('stats.later') }}</button>
        </div>
      </form>
      <p v-if="error" class="error small" role="alert"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
    </section>
  `,
};
