// The Co-ops section of the Admin screen. A system admin makes co-ops and chooses their member
// libraries; a coordinator (and the system admin) keeps a co-op's queues; a library admin gives their
// own operators the co-op queues of their library's co-ops. The gateway decides; this offers.
import { computed, nextTick, onMounted, reactive, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { coordinatesCoops, isLibraryAdmin, isSystemAdmin } from '../session/roles.js';
import { t } from '../messages/t.js';
import CoopBadge from './CoopBadge.js';
import { coopApi } from './coop-api.js';

export default {
  components: { CoopBadge },
  setup() {
    const desk = useDesk();
    const coops = coopApi(desk.call);
    const role = desk.state.me.operator.role;
    const system = isSystemAdmin(role);
    const coordinator = coordinatesCoops(role);
    const libraryAdmin = isLibraryAdmin(role);
    const list = ref([]);
    const queuesOf = reactive({});
    const assignments = ref(null);
    const error = ref('');
    const done = ref('');
    const busy = ref(false);
    const heading = ref(null);
    const newCoop = reactive({ name: '', hostLibraryId: '' });
    const newMember = reactive({});
    const newQueue = reactive({});
    // The installation's libraries, for the system admin's choices of host and members by name.
    const libraries = ref([]);

    async function reload() {
      list.value = await coops.coops();
      if (system) libraries.value = (await desk.call('/api/admin/libraries')).libraries;
      if (coordinator) {
        for (const coop of list.value) queuesOf[coop.id] = await coops.queues(coop.id);
      }
      if (libraryAdmin) assignments.value = await coops.assignments();
      for (const coop of list.value) {
        if (!newMember[coop.id]) newMember[coop.id] = '';
        if (!newQueue[coop.id]) newQueue[coop.id] = { slug: '', name: '', language: 'en', label: '', colour: '#7a3e9d' };
      }
    }

    async function run(action, words) {
      busy.value = true;
      error.value = '';
      done.value = '';
      try {
        await action();
        await reload();
        done.value = words;
      } catch (e) {
        error.value = e.message;
      } finally {
        busy.value = false;
        await nextTick();
      }
    }

    const createCoop = () => run(() => coops.createCoop(newCoop.name.trim(), Number(newCoop.hostLibraryId)),
      t('coop.created', { name: newCoop.name.trim() })).then(() => { if (!error.value) { newCoop.name = ''; newCoop.hostLibraryId = ''; } });
    const addMember = (coop) => run(() => coops.addMember(coop.id, Number(newMember[coop.id])), t('coop.memberAdded', { coop: coop.name }));
    const removeMember = (coop, library) => run(() => coops.removeMember(coop.id, library.id),
      t('coop.memberRemoved', { library: library.name, coop: coop.name }));
    function createQueue(coop) {
      const q = newQueue[coop.id];
      const body = { slug: q.slug.trim(), name: q.name.trim(), language: q.language, colour: q.colour };
      if (q.label.trim()) body.label = q.label.trim();
      return run(() => coops.createQueue(coop.id, body), t('coop.queueCreated', { name: body.name }));
    }
    const gives = (person, queue) => person.coopQueueIds.includes(queue.id);
    const toggle = (person, queue) => run(() => coops.assign(queue.id, person.operatorId, !gives(person, queue)),
      gives(person, queue) ? t('coop.unassigned', { name: person.name, queue: queue.name }) : t('coop.assigned', { name: person.name, queue: queue.name }));

    const LANGUAGE_WORDS = { en: 'coop.languageEn', es: 'coop.languageEs' };
    const languageName = (code) => t(LANGUAGE_WORDS[code] || 'coop.languageEn');
    const empty = computed(() => list.value.length === 0);

    onMounted(async () => {
      try {
        await reload();
      } catch (e) {
        error.value = e.message;
      }
    });

    return {
      list, libraries, queuesOf, assignments, error, done, busy, heading, newCoop, newMember, newQueue, system, coordinator, libraryAdmin, empty,
      createCoop, addMember, removeMember, createQueue, gives, toggle, languageName,
    };
  },
  template: `
    <section class="coop-admin" data-test="coop-admin" aria-labelledby="coop-admin-title">
      <h3 id="coop-admin-title" ref="heading" tabindex="-1">{{ t('coop.title') }}</h3>
      <p class="error" role="alert" v-if="error"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
      <p class="done" role="status" v-if="done">{{ done }}</p>
      <p v-if="empty" class="muted">{{ t('coop.none') }}</p>

      <form v-if="system" class="coop-form" data-test="coop-create" @submit.prevent="createCoop">
        <h4>{{ t('coop.newCoop') }}</h4>
        <label>{{ t('coop.name') }} <input v-model="newCoop.name" required maxlength="200" data-test="coop-name"></label>
        <label>{{ t('coop.hostLibrary') }}
          <select v-model="newCoop.hostLibraryId" required data-test="coop-host">
            <option value="" disabled>{{ t('coop.chooseLibrary') }}</option>
            <option v-for="library in libraries" :key="library.id" :value="String(library.id)">{{ library.name }}</option>
          </select>
        </label>
        <button type="submit" :disabled="busy">{{ t('coop.create') }}</button>
      </form>

      <article v-for="coop in list" :key="coop.id" class="coop-card" :data-coop-id="coop.id" data-test="coop">
        <h4>{{ coop.name }}</h4>
        <p class="muted">{{ t('coop.hostedBy', { library: coop.host.name }) }}</p>
        <h5>{{ t('coop.members') }}</h5>
        <ul class="coop-members">
          <li v-for="library in coop.members" :key="library.id">
            {{ library.name }}
            <button v-if="system && library.id !== coop.host.id" type="button" class="link" :disabled="busy"
                    @click="removeMember(coop, library)">{{ t('coop.remove') }}<span class="visually-hidden"> {{ library.name }}</span></button>
          </li>
        </ul>
        <form v-if="system" class="coop-form inline" @submit.prevent="addMember(coop)">
          <label>{{ t('coop.libraryToAdd') }}
            <select v-model="newMember[coop.id]" required>
              <option value="" disabled>{{ t('coop.chooseLibrary') }}</option>
              <option v-for="library in libraries.filter((l) => !coop.members.some((m) => m.id === l.id))" :key="library.id"
                      :value="String(library.id)">{{ library.name }}</option>
            </select>
          </label>
          <button type="submit" :disabled="busy">{{ t('coop.addMember') }}</button>
        </form>

        <template v-if="coordinator">
          <h5>{{ t('coop.queues') }}</h5>
          <ul class="coop-queues">
            <li v-for="q in queuesOf[coop.id] || []" :key="q.id" data-test="coop-queue">
              <span class="coop-swatch" :style="{ background: q.colour || 'transparent' }" aria-hidden="true"></span>
              {{ q.name }} <CoopBadge :name="coop.name" /> <span class="muted">{{ languageName(q.language) }}<template v-if="q.label">, {{ q.label }}</template>, {{ q.slug }}</span>
            </li>
          </ul>
          <form v-if="newQueue[coop.id]" class="coop-form" @submit.prevent="createQueue(coop)">
            <h5>{{ t('coop.newQueue') }}</h5>
            <label>{{ t('coop.queueName') }} <input v-model="newQueue[coop.id].name" required maxlength="200"></label>
            <label>{{ t('coop.slug') }} <input v-model="newQueue[coop.id].slug" required maxlength="63" pattern="[a-z0-9][a-z0-9-]*"></label>
            <label>{{ t('coop.language') }}
              <select v-model="newQueue[coop.id].language">
                <option value="en">{{ languageName('en') }}</option>
                <option value="es">{{ languageName('es') }}</option>
              </select>
            </label>
            <label>{{ t('coop.label') }} <input v-model="newQueue[coop.id].label" maxlength="40"></label>
            <label>{{ t('coop.colour') }} <input v-model="newQueue[coop.id].colour" type="color"></label>
            <button type="submit" :disabled="busy">{{ t('coop.addQueue') }}</button>
          </form>
        </template>
      </article>

      <section v-if="libraryAdmin && assignments && assignments.queues.length" class="coop-assign" data-test="coop-assign">
        <h4>{{ t('coop.assignTitle') }}</h4>
        <p class="muted">{{ t('coop.assignHelp') }}</p>
        <fieldset v-for="person in assignments.operators" :key="person.operatorId">
          <legend>{{ person.name }}</legend>
          <label v-for="q in assignments.queues" :key="q.id" class="check">
            <input type="checkbox" :checked="gives(person, q)" :disabled="busy" @change="toggle(person, q)">
            {{ q.name }} ({{ q.coopName }})
          </label>
        </fieldset>
      </section>
    </section>
  `,
};
