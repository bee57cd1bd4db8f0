// Libraries: a system admin sees every library of the installation, creates one with its first
// admin, and renames any; a library admin sees and edits their own library's name and time zone.
import { computed, nextTick, onMounted, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { isSystemAdmin } from '../session/roles.js';
import { createAdminApi } from './admin-api.js';
import { t } from '../messages/t.js';

const blank = () => ({ name: '', timezone: 'UTC', username: '', displayName: '', password: '' });

export default {
  setup() {
    const desk = useDesk();
    const admin = createAdminApi({ call: desk.call });
    const system = computed(() => isSystemAdmin(desk.state.me.operator.role));
    const libraries = ref(null);
    const editing = ref(null);
    const form = ref(blank());
    const error = ref('');
    const done = ref('');
    const busy = ref(false);
    const heading = ref(null);
    const firstField = ref(null);

    async function reload() {
      try {
        libraries.value = await admin.libraries();
      } catch (e) {
        error.value = e.message;
      }
    }

    async function open(library) {
      editing.value = library ? library.id : 'new';
      form.value = { ...blank(), ...(library ? { name: library.name, timezone: library.timezone } : {}) };
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
      busy.value = true;
      error.value = '';
      const f = form.value;
      try {
        if (editing.value === 'new') {
          await admin.createLibrary({ name: f.name, timezone: f.timezone, admin: { username: f.username, displayName: f.displayName, password: f.password } });
        } else {
          await admin.editLibrary(editing.value, { name: f.name, timezone: f.timezone });
        }
        await reload();
        await close(t('adminLibraries.saved', { name: f.name }));
      } catch (e) {
        error.value = e.message;
      } finally {
        busy.value = false;
      }
    }

    onMounted(reload);
    return { system, libraries, editing, form, error, done, busy, heading, firstField, open, close, save };
  },
  template: `
    <section class="admin-section" aria-labelledby="admin-libraries-title" data-test="admin-libraries">
      <h3 id="admin-libraries-title" ref="heading" tabindex="-1">{{ system ? t('adminLibraries.title') : t('adminLibraries.own') }}</h3>
      <p v-if="done" class="done" role="status">{{ done }}</p>
      <p v-if="error" class="error" role="alert"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
      <template v-if="editing === null">
        <p v-if="system"><button type="button" @click="open(null)" data-test="library-new">{{ t('adminLibraries.new') }}</button></p>
        <p v-if="libraries === null">{{ t('common.loading') }}</p>
        <ul v-else class="admin-list">
          <li v-for="l in libraries" :key="l.id" data-test="library-row">
            <strong>{{ l.name }}</strong> <span class="muted">{{ l.timezone }}</span>
            <span class="row-actions"><button type="button" @click="open(l)" :aria-label="t('adminLibraries.editNamed', { name: l.name })">{{ t('common.edit') }}</button></span>
          </li>
        </ul>
      </template>
      <form v-else class="admin-form" @submit.prevent="save">
        <h4>{{ editing === 'new' ? t('adminLibraries.new') : t('adminLibraries.edit') }}</h4>
        <label for="library-name">{{ t('adminLibraries.name') }}</label>
        <input id="library-name" ref="firstField" v-model="form.name" required maxlength="200">
        <label for="library-zone">{{ t('adminLibraries.timezone') }}</label>
        <input id="library-zone" v-model="form.timezone" required aria-describedby="library-zone-hint">
        <p id="library-zone-hint" class="hint">{{ t('adminLibraries.timezoneHint') }}</p>
        <fieldset v-if="editing === 'new'">
          <legend>{{ t('adminLibraries.firstAdmin') }}</legend>
          <label for="library-username">{{ t('adminLibraries.username') }}</label>
          <input id="library-username" v-model="form.username" required autocomplete="off">
          <label for="library-display">{{ t('adminLibraries.displayName') }}</label>
          <input id="library-display" v-model="form.displayName" required maxlength="80">
          <label for="library-password">{{ t('adminLibraries.password') }}</label>
          <input id="library-password" v-model="form.password" type="password" required autocomplete="new-password">
        </fieldset>
        <div class="form-actions">
          <button type="submit" class="primary" :disabled="busy">{{ busy ? t('common.saving') : t('common.save') }}</button>
          <button type="button" @click="close('')">{{ t('common.cancel') }}</button>
        </div>
      </form>
    </section>
  `,
};
