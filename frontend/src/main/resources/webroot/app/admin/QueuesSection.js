// The library's queues for its admin: the list (archived ones marked in words), a form to add or edit
// one with what the widget shows, its opening hours and its pre-chat questions; delete (a queue with
// chats is archived instead, and can be restored). Focus goes to the form's first field when it opens,
// and back to the heading with the outcome in words when it closes.
import { nextTick, onMounted, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { createAdminApi } from './admin-api.js';
import { DAYS, fromQueueForm, toQueueForm } from './queue-form.js';
import { t } from '../messages/t.js';

const DAY_WORDS = {
  mon: 'adminQueues.mon', tue: 'adminQueues.tue', wed: 'adminQueues.wed', thu: 'adminQueues.thu',
  fri: 'adminQueues.fri', sat: 'adminQueues.sat', sun: 'adminQueues.sun',
};

export default {
  setup() {
    const admin = createAdminApi({ call: useDesk().call });
    const queues = ref(null);
    const editing = ref(null);
    const form = ref(toQueueForm(null));
    const error = ref('');
    const done = ref('');
    const busy = ref(false);
    const heading = ref(null);
    const firstField = ref(null);

    async function reload() {
      try {
        queues.value = await admin.queues();
      } catch (e) {
        error.value = e.message;
      }
    }

    async function open(queue) {
      editing.value = queue ? queue.id : 'new';
      form.value = toQueueForm(queue);
      error.value = '';
      done.value = '';
      await nextTick();
      if (firstField.value) firstField.value.focus();
    }

    async function close(words) {
      editing.value = null;
      done.value = words || '';
      await nextTick();
      if (heading.value) heading.value.focus();
    }

    async function save() {
      const read = fromQueueForm(form.value);
      if (read.problem) {
        const where = read.problem.field === 'closed' ? t('adminQueues.closedDays') : t(DAY_WORDS[read.problem.field]);
        error.value = t('adminQueues.unreadable', { where, value: read.problem.value });
        await nextTick();
        const input = document.getElementById(`queue-${read.problem.field}`);
        if (input) input.focus();
        return;
      }
      busy.value = true;
      error.value = '';
      try {
        if (editing.value === 'new') await admin.createQueue(read.body);
        else await admin.editQueue(editing.value, read.body);
        await reload();
        await close(t('adminQueues.saved', { name: read.body.name }));
      } catch (e) {
        error.value = e.message;
      } finally {
        busy.value = false;
      }
    }

    async function remove(queue) {
      error.value = '';
      try {
        const answer = await admin.removeQueue(queue.id);
        await reload();
        await close(t(answer.archived ? 'adminQueues.archivedDone' : 'adminQueues.deletedDone', { name: queue.name }));
      } catch (e) {
        error.value = e.message;
      }
    }

    async function restore(queue) {
      try {
        await admin.restoreQueue(queue.id);
        await reload();
        await close(t('adminQueues.restoredDone', { name: queue.name }));
      } catch (e) {
        error.value = e.message;
      }
    }

    const addField = () => form.value.fields.push({ label: '', required: false, maxChars: 100 });
    const removeField = (index) => form.value.fields.splice(index, 1);

    onMounted(reload);
    return { queues, editing, form, error, done, busy, heading, firstField, open, close, save, remove, restore, addField, removeField, DAYS, DAY_WORDS };
  },
  template: `
    <section class="admin-section" aria-labelledby="admin-queues-title" data-test="admin-queues">
      <h3 id="admin-queues-title" ref="heading" tabindex="-1">{{ t('adminQueues.title') }}</h3>
      <p v-if="done" class="done" role="status" data-test="admin-queues-done">{{ done }}</p>
      <p v-if="error" class="error" role="alert" data-test="admin-queues-error"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
      <template v-if="editing === null">
        <p><button type="button" data-test="queue-new" @click="open(null)">{{ t('adminQueues.new') }}</button></p>
        <p v-if="queues === null">{{ t('common.loading') }}</p>
        <p v-else-if="!queues.length">{{ t('adminQueues.none') }}</p>
        <ul v-else class="admin-list">
          <li v-for="q in queues" :key="q.id" data-test="queue-row">
            <span class="swatch" :style="{ background: (q.settings && q.settings.color) || '#1d5fa8' }" aria-hidden="true"></span>
            <strong>{{ q.name }}</strong> <code>{{ q.slug }}</code>
            <span v-if="q.archived" class="tag-word">{{ t('adminQueues.archived') }}</span>
            <span class="muted">{{ t('adminQueues.counts', { chats: q.chats, operators: q.operators }) }}</span>
            <span class="row-actions">
              <button type="button" @click="open(q)" :aria-label="t('adminQueues.editNamed', { name: q.name })">{{ t('common.edit') }}</button>
              <button v-if="q.archived" type="button" @click="restore(q)" :aria-label="t('adminQueues.restoreNamed', { name: q.name })">{{ t('adminQueues.restore') }}</button>
              <button v-else type="button" @click="remove(q)" :aria-label="t('adminQueues.removeNamed', { name: q.name })">{{ t('adminQueues.remove') }}</button>
            </span>
          </li>
        </ul>
      </template>
      <form v-else class="admin-form" data-test="queue-form" @submit.prevent="save">
        <h4>{{ editing === 'new' ? t('adminQueues.new') : t('adminQueues.edit') }}</h4>
        <label for="queue-name">{{ t('adminQueues.name') }}</label>
        <input id="queue-name" ref="firstField" v-model="form.name" required maxlength="200" data-test="queue-name">
        <label for="queue-slug">{{ t('adminQueues.slug') }}</label>
        <input id="queue-slug" v-model="form.slug" required maxlength="63" aria-describedby="queue-slug-hint" data-test="queue-slug">
        <p id="queue-slug-hint" class="hint">{{ t('adminQueues.slugHint') }}</p>
        <label for="queue-label">{{ t('adminQueues.launcherLabel') }}</label>
        <input id="queue-label" v-model="form.launcherLabel" maxlength="60">
        <label for="queue-color">{{ t('adminQueues.color') }}</label>
        <input id="queue-color" v-model="form.color" type="color" aria-describedby="queue-color-hint">
        <p id="queue-color-hint" class="hint">{{ t('adminQueues.colorHint') }}</p>
        <label for="queue-greeting">{{ t('adminQueues.greeting') }}</label>
        <textarea id="queue-greeting" v-model="form.greeting" rows="2" maxlength="500"></textarea>
        <label for="queue-offline">{{ t('adminQueues.offlineMessage') }}</label>
        <textarea id="queue-offline" v-model="form.offlineMessage" rows="2" maxlength="1000"></textarea>
        <label for="queue-notice">{{ t('adminQueues.transcriptNotice') }}</label>
        <textarea id="queue-notice" v-model="form.transcriptNotice" rows="2" maxlength="500"></textarea>
        <fieldset>
          <legend>{{ t('adminQueues.openingHours') }}</legend>
          <p class="hint" id="queue-hours-hint">{{ t('adminQueues.hoursHint') }}</p>
          <div v-for="day in DAYS" :key="day" class="day-row">
            <label :for="'queue-' + day">{{ t(DAY_WORDS[day]) }}</label>
            <input :id="'queue-' + day" v-model="form.days[day]" aria-describedby="queue-hours-hint" :data-test="'queue-day-' + day">
          </div>
          <label for="queue-closed">{{ t('adminQueues.closedDays') }}</label>
          <input id="queue-closed" v-model="form.closed" aria-describedby="queue-closed-hint" data-test="queue-closed">
          <p class="hint" id="queue-closed-hint">{{ t('adminQueues.closedHint') }}</p>
          <label for="queue-hours">{{ t('adminQueues.hoursText') }}</label>
          <input id="queue-hours" v-model="form.hours" maxlength="300" aria-describedby="queue-hours-text-hint">
          <p class="hint" id="queue-hours-text-hint">{{ t('adminQueues.hoursTextHint') }}</p>
        </fieldset>
        <fieldset>
          <legend>{{ t('adminQueues.prechat') }}</legend>
          <p v-if="!form.fields.length" class="hint">{{ t('adminQueues.prechatNone') }}</p>
          <div v-for="(field, i) in form.fields" :key="i" class="field-row">
            <label :for="'prechat-label-' + i">{{ t('adminQueues.fieldLabel') }}</label>
            <input :id="'prechat-label-' + i" v-model="field.label" maxlength="80">
            <label :for="'prechat-max-' + i">{{ t('adminQueues.fieldMax') }}</label>
            <input :id="'prechat-max-' + i" v-model.number="field.maxChars" type="number" min="1" max="500">
            <label class="check"><input type="checkbox" v-model="field.required"> {{ t('adminQueues.fieldRequired') }}</label>
            <button type="button" @click="removeField(i)">{{ t('adminQueues.fieldRemove') }}</button>
          </div>
          <button type="button" @click="addField">{{ t('adminQueues.fieldAdd') }}</button>
        </fieldset>
        <div class="form-actions">
          <button type="submit" class="primary" :disabled="busy" data-test="queue-save">{{ busy ? t('common.saving') : t('common.save') }}</button>
          <button type="button" @click="close('')">{{ t('common.cancel') }}</button>
        </div>
      </form>
    </section>
  `,
};
