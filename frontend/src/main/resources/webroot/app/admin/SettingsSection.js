// The library's thresholds for a shift (in seconds), the rule that a chat needs a tag before it
// ends, and when a patron who leaves a question may expect the answer. Canned messages, tags and FAQs
// keep their own managers in the header's Tools menu.
import { nextTick, onMounted, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { createAdminApi } from './admin-api.js';
import { t } from '../messages/t.js';

const NUMBERS = [
  { name: 'firstMinuteSeconds', label: 'adminSettings.firstMinute', min: 10, max: 600 },
  { name: 'waitUpdateSeconds', label: 'adminSettings.waitUpdate', min: 30, max: 1800 },
  { name: 'deadAirSeconds', label: 'adminSettings.deadAir', min: 10, max: 1800 },
  { name: 'idleWarnSeconds', label: 'adminSettings.idleWarn', min: 10, max: 7200 },
  { name: 'idleEndSeconds', label: 'adminSettings.idleEnd', min: 10, max: 3600 },
  { name: 'awayAfterSeconds', label: 'adminSettings.awayAfter', min: 60, max: 14400 },
];

export default {
  setup() {
    const admin = createAdminApi({ call: useDesk().call });
    const form = ref(null);
    const error = ref('');
    const done = ref('');
    const busy = ref(false);
    const status = ref(null);

    async function reload() {
      try {
        const s = await admin.settings();
        form.value = {
          ...Object.fromEntries(NUMBERS.map((n) => [n.name, s[n.name]])),
          requireTag: Boolean(s.requireTag),
          offlineAnswerTime: s.offlineAnswerTime || '',
        };
      } catch (e) {
        error.value = e.message;
      }
    }

    async function save() {
      busy.value = true;
      error.value = '';
      done.value = '';
      try {
        const change = { ...form.value, offlineAnswerTime: form.value.offlineAnswerTime.trim() || null };
        for (const n of NUMBERS) change[n.name] = Number(change[n.name]);
        await admin.saveSettings(change);
        done.value = t('adminSettings.saved');
      } catch (e) {
        error.value = e.message;
      } finally {
        busy.value = false;
        await nextTick();
        if (status.value) status.value.focus();
      }
    }

    onMounted(reload);
    return { form, error, done, busy, status, save, NUMBERS };
  },
  template: `
    <section class="admin-section" aria-labelledby="admin-settings-title" data-test="admin-settings">
      <h3 id="admin-settings-title" tabindex="-1">{{ t('adminSettings.title') }}</h3>
      <p class="hint">{{ t('adminSettings.toolsHint') }}</p>
      <p v-if="form === null && !error">{{ t('common.loading') }}</p>
      <form v-if="form" class="admin-form" @submit.prevent="save">
        <div v-for="n in NUMBERS" :key="n.name" class="number-row">
          <label :for="'setting-' + n.name">{{ t(n.label) }}</label>
          <input :id="'setting-' + n.name" v-model.number="form[n.name]" type="number" :min="n.min" :max="n.max" required>
        </div>
        <label class="check"><input type="checkbox" v-model="form.requireTag"> {{ t('adminSettings.requireTag') }}</label>
        <label for="setting-answer-time">{{ t('adminSettings.answerTime') }}</label>
        <input id="setting-answer-time" v-model="form.offlineAnswerTime" maxlength="200" aria-describedby="setting-answer-hint">
        <p id="setting-answer-hint" class="hint">{{ t('adminSettings.answerTimeHint') }}</p>
        <div class="form-actions">
          <button type="submit" class="primary" :disabled="busy">{{ busy ? t('common.saving') : t('common.save') }}</button>
        </div>
      </form>
      <p ref="status" tabindex="-1" class="status-line">
        <span v-if="done" class="done" role="status">{{ done }}</span>
        <span v-if="error" class="error" role="alert"><span aria-hidden="true">&#9888;</span> {{ error }}</span>
      </p>
    </section>
  `,
};
