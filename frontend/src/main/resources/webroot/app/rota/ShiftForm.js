// The admins' small form for one shift: a weekly shift (weekday, times, first and last day) or a shift
// on one date only, each with its operator and queue. The gateway checks everything again and its
// refusal (a clash with another shift, a time that ends before it starts) is shown in its words.
import { onMounted, reactive, ref } from 'vue';
import { weekdayName } from '../report/report-words.js';

export default {
  props: {
    choices: { type: Object, required: true },
    // An occurrence of a weekly shift to change, or null for a new shift.
    editing: { type: Object, default: null },
    // The date a new one-day shift is on, and the day a new weekly shift starts.
    date: { type: String, required: true },
    save: { type: Function, required: true },
  },
  emits: ['done', 'cancel'],
  setup(props, { emit }) {
    const e = props.editing;
    const first = (list) => (list.length ? list[0].id : null);
    const form = reactive({
      kind: 'weekly',
      operatorId: e ? e.operator.id : first(props.choices.operators),
      queueId: e ? e.queue.id : first(props.choices.queues),
      weekday: e ? e.weekday : isoWeekday(props.date),
      date: props.date,
      starts: e ? e.starts : '09:00',
      ends: e ? e.ends : '13:00',
      validFrom: e ? e.validFrom : props.date,
      validTo: e && e.validTo ? e.validTo : '',
      note: '',
    });
    const error = ref('');
    const busy = ref(false);
    const firstField = ref(null);

    async function submit() {
      busy.value = true;
      error.value = '';
      const body = form.kind === 'weekly'
        ? {
          operatorId: form.operatorId, queueId: form.queueId, weekday: Number(form.weekday), starts: form.starts, ends: form.ends,
          validFrom: form.validFrom || undefined, validTo: form.validTo || undefined,
        }
        : {
          kind: 'extra', operatorId: form.operatorId, queueId: form.queueId, date: form.date, starts: form.starts, ends: form.ends,
          note: form.note || undefined,
        };
      const answer = await props.save(form.kind, body);
      busy.value = false;
      if (answer.ok) emit('done');
      else error.value = answer.error.message;
    }

    onMounted(() => {
      const field = firstField.value && firstField.value.querySelector('input, select');
      if (field) field.focus();
    });

    return { form, error, busy, firstField, submit, weekdayName, WEEKDAYS: [1, 2, 3, 4, 5, 6, 7] };
  },
  template: `
    <form ref="firstField" class="rota-form" data-test="shift-form" @submit.prevent="submit" @keydown.esc="$emit('cancel')">
      <h3 class="rota-form-title">{{ editing ? t('rota.editShift') : t('rota.addShift') }}</h3>
      <p v-if="error" class="error" role="alert" data-test="shift-form-error"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
      <fieldset v-if="!editing" class="rota-kind">
        <legend>{{ t('rota.kindLegend') }}</legend>
        <label class="check-row"><input v-model="form.kind" type="radio" value="weekly" data-test="shift-kind-weekly"> {{ t('rota.kindWeekly') }}</label>
        <label class="check-row"><input v-model="form.kind" type="radio" value="extra" data-test="shift-kind-extra"> {{ t('rota.kindExtra') }}</label>
      </fieldset>
      <div class="rota-fields">
        <label for="shift-operator">{{ t('rota.operator') }}</label>
        <select id="shift-operator" v-model="form.operatorId" data-test="shift-operator">
          <option v-for="o in choices.operators" :key="o.id" :value="o.id">{{ o.name }}</option>
        </select>
        <label for="shift-queue">{{ t('rota.queue') }}</label>
        <select id="shift-queue" v-model="form.queueId" data-test="shift-queue">
          <option v-for="q in choices.queues" :key="q.id" :value="q.id">{{ q.name }}</option>
        </select>
        <template v-if="form.kind === 'weekly'">
          <label for="shift-weekday">{{ t('rota.weekday') }}</label>
          <select id="shift-weekday" v-model="form.weekday" data-test="shift-weekday">
            <option v-for="d in WEEKDAYS" :key="d" :value="d">{{ weekdayName(d) }}</option>
          </select>
        </template>
        <template v-else>
          <label for="shift-date">{{ t('rota.date') }}</label>
          <input id="shift-date" v-model="form.date" type="date" required data-test="shift-date">
        </template>
        <label for="shift-starts">{{ t('rota.starts') }}</label>
        <input id="shift-starts" v-model="form.starts" type="time" required data-test="shift-starts">
        <label for="shift-ends">{{ t('rota.ends') }}</label>
        <input id="shift-ends" v-model="form.ends" type="time" required data-test="shift-ends">
        <template v-if="form.kind === 'weekly'">
          <label for="shift-from">{{ t('rota.validFrom') }}</label>
          <input id="shift-from" v-model="form.validFrom" type="date" data-test="shift-valid-from">
          <label for="shift-to">{{ t('rota.validTo') }}</label>
          <input id="shift-to" v-model="form.validTo" type="date" aria-describedby="shift-to-hint" data-test="shift-valid-to">
          <p id="shift-to-hint" class="hint">{{ t('rota.validToHint') }}</p>
        </template>
        <template v-else>
          <label for="shift-note">{{ t('rota.note') }}</label>
          <input id="shift-note" v-model="form.note" maxlength="500" data-test="shift-note">
        </template>
      </div>
      <div class="button-row">
        <button type="submit" class="primary-inline" data-test="shift-save" :disabled="busy">{{ busy ? t('common.saving') : t('rota.save') }}</button>
        <button type="button" class="secondary" data-test="shift-cancel" @click="$emit('cancel')">{{ t('rota.cancel') }}</button>
      </div>
    </form>
  `,
};

function isoWeekday(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}
