// The library's operators for its admin: each with role, queues, capacity and state in words; an
// edit form for name, role, capacity and queues (after creation too); disable or enable, sign off
// now, and a sign-off at a set time (for one operator, or everyone at once).
import { computed, nextTick, onMounted, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { isSystemAdmin } from '../session/roles.js';
import { createAdminApi } from './admin-api.js';
import { fromLocalInput, toLocalInput } from './sign-off-time.js';
import { t } from '../messages/t.js';

const ROLE_WORDS = {
  operator: 'adminOperators.roleOperator', admin: 'adminOperators.roleAdmin',
  coordinator: 'adminOperators.roleCoordinator', system: 'adminOperators.roleSystem',
};

export default {
  setup() {
    const desk = useDesk();
    const admin = createAdminApi({ call: desk.call });
    const me = desk.state.me.operator;
    const operators = ref(null);
    const queues = ref([]);
    const editing = ref(null);
    const form = ref(null);
    const error = ref('');
    const done = ref('');
    const busy = ref(false);
    const everyoneAt = ref('');
    const heading = ref(null);
    const firstField = ref(null);
    const roles = computed(() => Object.keys(ROLE_WORDS).filter((r) => r !== 'system' || isSystemAdmin(me.role)));

    async function reload() {
      try {
        const [list, all] = await Promise.all([admin.operators(), admin.queues()]);
        operators.value = list;
        queues.value = all.filter((q) => !q.archived);
      } catch (e) {
        error.value = e.message;
      }
    }

    async function say(words) {
      done.value = words;
      error.value = '';
      await nextTick();
      if (heading.value) heading.value.focus();
    }

    async function open(operator) {
      editing.value = operator ? operator.id : 'new';
      form.value = operator ? {
        displayName: operator.name,
        role: operator.role,
        maxChats: operator.maxChats == null ? '' : String(operator.maxChats),
        queues: operator.queues.map((q) => q.slug),
        signOffAt: toLocalInput(operator.signOffAt),
      } : { username: '', password: '', displayName: '', role: 'operator', maxChats: '', queues: [], signOffAt: '' };
      done.value = '';
      error.value = '';
      await nextTick();
      if (firstField.value) firstField.value.focus();
    }

    async function close(words) {
      editing.value = null;
      await say(words || '');
    }

    async function create() {
      const f = form.value;
      const created = await admin.createOperator({ username: f.username, displayName: f.displayName, password: f.password, role: f.role, queues: f.queues });
      if (f.maxChats !== '') await admin.editOperator(created.id, { maxChats: Number(f.maxChats) });
      if (f.signOffAt) await admin.scheduleSignOff(created.id, fromLocalInput(f.signOffAt));
    }

    async function save() {
      if (editing.value === 'new') {
        busy.value = true;
        try {
          await create();
          await reload();
          await close(t('adminOperators.saved', { name: form.value.displayName }));
        } catch (e) {
          error.value = e.message;
        } finally {
          busy.value = false;
        }
        return;
      }
      const operator = operators.value.find((o) => o.id === editing.value);
      busy.value = true;
      try {
        const change = {
          displayName: form.value.displayName,
          maxChats: form.value.maxChats === '' ? null : Number(form.value.maxChats),
          queues: form.value.queues,
        };
        if (form.value.role !== operator.role) change.role = form.value.role;
        await admin.editOperator(operator.id, change);
        if (form.value.signOffAt !== toLocalInput(operator.signOffAt)) {
          await admin.scheduleSignOff(operator.id, fromLocalInput(form.value.signOffAt));
        }
        await reload();
        await close(t('adminOperators.saved', { name: form.value.displayName }));
      } catch (e) {
        error.value = e.message;
      } finally {
        busy.value = false;
      }
    }

    async function act(action, words) {
      try {
        await action();
        await reload();
        await say(words);
      } catch (e) {
        error.value = e.message;
      }
    }

    const toggle = (o) => (o.disabled
      ? act(() => admin.enableOperator(o.id), t('adminOperators.enabledDone', { name: o.name }))
      : act(() => admin.disableOperator(o.id), t('adminOperators.disabledDone', { name: o.name })));
    const signOff = (o) => act(() => admin.signOffNow(o.id), t('adminOperators.signedOffDone', { name: o.name }));
    const scheduleEveryone = () => act(() => admin.scheduleEveryone(fromLocalInput(everyoneAt.value)),
      everyoneAt.value ? t('adminOperators.everyoneScheduled') : t('adminOperators.everyoneCleared'));

    const queueNames = (o) => (o.queues.length ? o.queues.map((q) => q.name).join(', ') : t('adminOperators.noQueues'));
    const capacity = (o) => (o.maxChats == null ? t('adminOperators.noLimit') : t('adminOperators.atOnce', { count: o.maxChats }));
    const when = (iso) => (iso ? new Date(iso).toLocaleString() : '');

    onMounted(reload);
    return {
      me, operators, queues, editing, form, error, done, busy, everyoneAt, heading, firstField, roles, ROLE_WORDS,
      open, close, save, toggle, signOff, scheduleEveryone, queueNames, capacity, when,
    };
  },
  template: `
    <section class="admin-section" aria-labelledby="admin-operators-title" data-test="admin-operators">
      <h3 id="admin-operators-title" ref="heading" tabindex="-1">{{ t('adminOperators.title') }}</h3>
      <p v-if="done" class="done" role="status" data-test="admin-operators-done">{{ done }}</p>
      <p v-if="error" class="error" role="alert"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
      <template v-if="editing === null">
        <p><button type="button" data-test="operator-new" @click="open(null)">{{ t('adminOperators.new') }}</button></p>
        <p v-if="operators === null">{{ t('common.loading') }}</p>
        <ul v-else class="admin-list">
          <li v-for="o in operators" :key="o.id" data-test="operator-row">
            <strong>{{ o.name }}</strong> <code>{{ o.username }}</code>
            <span class="tag-word">{{ t(ROLE_WORDS[o.role]) }}</span>
            <span v-if="o.disabled" class="tag-word warn">{{ t('adminOperators.disabled') }}</span>
            <span class="muted" data-test="operator-queues">{{ queueNames(o) }} · {{ capacity(o) }}</span>
            <span v-if="o.signOffAt" class="muted">{{ t('adminOperators.signOffAtWords', { time: when(o.signOffAt) }) }}</span>
            <span class="row-actions">
              <button type="button" :data-test="'operator-edit-' + o.username" @click="open(o)" :aria-label="t('adminOperators.editNamed', { name: o.name })">{{ t('common.edit') }}</button>
              <template v-if="o.id !== me.id">
                <button type="button" @click="toggle(o)" :aria-label="t(o.disabled ? 'adminOperators.enableNamed' : 'adminOperators.disableNamed', { name: o.name })">{{ o.disabled ? t('adminOperators.enable') : t('adminOperators.disable') }}</button>
                <button v-if="!o.disabled" type="button" @click="signOff(o)" :aria-label="t('adminOperators.signOffNamed', { name: o.name })">{{ t('adminOperators.signOff') }}</button>
              </template>
            </span>
          </li>
        </ul>
        <form class="admin-form inline" @submit.prevent="scheduleEveryone">
          <label for="everyone-at">{{ t('adminOperators.everyoneAt') }}</label>
          <input id="everyone-at" v-model="everyoneAt" type="datetime-local" aria-describedby="everyone-at-hint">
          <p id="everyone-at-hint" class="hint">{{ t('adminOperators.everyoneHint') }}</p>
          <button type="submit">{{ t('adminOperators.everyoneSet') }}</button>
        </form>
      </template>
      <form v-else class="admin-form" data-test="operator-form" @submit.prevent="save">
        <h4>{{ editing === 'new' ? t('adminOperators.new') : t('adminOperators.edit') }}</h4>
        <template v-if="editing === 'new'">
          <label for="operator-username">{{ t('adminOperators.username') }}</label>
          <input id="operator-username" ref="firstField" v-model="form.username" required maxlength="40" autocomplete="off">
          <label for="operator-password">{{ t('adminOperators.password') }}</label>
          <input id="operator-password" v-model="form.password" type="password" required autocomplete="new-password">
        </template>
        <label for="operator-name">{{ t('adminOperators.displayName') }}</label>
        <input id="operator-name" :ref="editing === 'new' ? null : 'firstField'" v-model="form.displayName" required maxlength="80">
        <label for="operator-role">{{ t('adminOperators.role') }}</label>
        <select id="operator-role" v-model="form.role" :disabled="editing === me.id">
          <option v-for="r in roles" :key="r" :value="r">{{ t(ROLE_WORDS[r]) }}</option>
        </select>
        <label for="operator-max">{{ t('adminOperators.maxChats') }}</label>
        <input id="operator-max" v-model="form.maxChats" type="number" min="1" max="20" aria-describedby="operator-max-hint">
        <p id="operator-max-hint" class="hint">{{ t('adminOperators.maxChatsHint') }}</p>
        <fieldset data-test="operator-queue-choices">
          <legend>{{ t('adminOperators.queues') }}</legend>
          <label v-for="q in queues" :key="q.id" class="check"><input type="checkbox" :value="q.slug" v-model="form.queues" :data-test="'operator-queue-' + q.slug"> {{ q.name }}</label>
        </fieldset>
        <label for="operator-sign-off">{{ t('adminOperators.signOffAt') }}</label>
        <input id="operator-sign-off" v-model="form.signOffAt" type="datetime-local" aria-describedby="operator-sign-off-hint">
        <p id="operator-sign-off-hint" class="hint">{{ t('adminOperators.signOffHint') }}</p>
        <div class="form-actions">
          <button type="submit" class="primary" :disabled="busy" data-test="operator-save">{{ busy ? t('common.saving') : t('common.save') }}</button>
          <button type="button" @click="close('')">{{ t('common.cancel') }}</button>
        </div>
      </form>
    </section>
  `,
};
