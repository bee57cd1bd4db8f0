// "Library notes" in the Admin screen: the notes the library's card shows whoever answers its patrons
// (write, edit, delete, asked once more in place), after how many days a note is shown as possibly out
// of date, and which topics only the library's own staff answer, with the words that flag them.
import { computed, nextTick, onMounted, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { noteFromForm, noteToForm, policyFromForm, policyToForm, noteDate, sectionsOf, topicKey } from './notes-store.js';
import { t } from '../messages/t.js';

export default {
  setup() {
    const desk = useDesk();
    const ours = computed(() => desk.notes.state.ours);
    const limits = computed(() => (ours.value ? ours.value.limits : {}));
    const sections = computed(() => (ours.value ? sectionsOf(ours.value.notes, ours.value.topics) : []));
    const editing = ref(null);
    const form = ref(noteToForm(null));
    const policy = ref(null);
    const busy = ref(false);
    const error = ref('');
    const done = ref('');
    const deleting = ref(null);
    const titleField = ref(null);
    const newButton = ref(null);
    const heading = ref(null);

    async function reload() {
      const loaded = await desk.notes.loadOurs();
      if (loaded) policy.value = policyToForm(loaded);
      error.value = desk.notes.state.oursError;
    }

    async function run(action, words) {
      busy.value = true;
      error.value = '';
      done.value = '';
      try {
        await action();
        done.value = words;
        return true;
      } catch (e) {
        error.value = e.message;
        return false;
      } finally {
        busy.value = false;
      }
    }

    async function edit(note) {
      editing.value = note ? note.id : 'new';
      form.value = noteToForm(note);
      done.value = '';
      await nextTick();
      if (titleField.value) titleField.value.focus();
    }

    async function backToList() {
      editing.value = null;
      await nextTick();
      if (newButton.value) newButton.value.focus();
    }

    async function save() {
      const body = noteFromForm(form.value);
      const id = editing.value === 'new' ? null : editing.value;
      if (await run(() => desk.notes.saveNote(body, id), t('notes.saved', { title: body.title }))) await backToList();
    }

    async function destroy(note) {
      if (await run(() => desk.notes.removeNote(note.id), t('notes.deleted', { title: note.title }))) {
        deleting.value = null;
        await backToList();
      }
    }

    async function savePolicy() {
      await run(async () => {
        const saved = await desk.notes.savePolicy(policyFromForm(policy.value, ours.value.topics));
        policy.value = policyToForm(saved);
      }, t('notes.policySaved'));
    }

    onMounted(reload);
    return {
      ours, limits, sections, editing, form, policy, busy, error, done, deleting, titleField, newButton, heading, edit, backToList, save, destroy, savePolicy, noteDate, topicKey,
    };
  },
  template: `
    <section class="notes-admin" data-test="notes-admin" aria-labelledby="notes-admin-title">
      <h3 id="notes-admin-title" ref="heading" tabindex="-1">{{ t('notes.adminTitle') }}</h3>
      <p class="hint">{{ t('notes.adminHelp') }}</p>
      <p v-if="error" class="error" role="alert"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
      <p class="muted small" role="status" data-test="notes-admin-status">{{ done }}</p>
      <p v-if="!ours && !error" class="muted">{{ t('common.loading') }}</p>
      <form v-if="ours && editing !== null" class="notes-form" data-test="note-form" @submit.prevent="save">
        <label for="note-topic">{{ t('notes.topicLabel') }}</label>
        <select id="note-topic" v-model="form.topic" data-test="note-topic">
          <option v-for="name in ours.topics" :key="name" :value="name">{{ t(topicKey(name)) }}</option>
        </select>
        <label for="note-title">{{ t('notes.titleLabel') }}</label>
        <input id="note-title" ref="titleField" v-model="form.title" required :maxlength="limits.noteTitleChars" data-test="note-title">
        <label for="note-body">{{ t('notes.bodyLabel') }}</label>
        <textarea id="note-body" v-model="form.body" rows="5" required :maxlength="limits.noteBodyChars"
                  aria-describedby="note-body-hint" data-test="note-body"></textarea>
        <p id="note-body-hint" class="hint">{{ t('notes.bodyHint') }}</p>
        <label for="note-links">{{ t('notes.linksLabel') }}</label>
        <textarea id="note-links" v-model="form.links" rows="3" aria-describedby="note-links-hint" data-test="note-links"></textarea>
        <p id="note-links-hint" class="hint">{{ t('notes.linksHint', { count: limits.noteLinks }) }}</p>
        <div class="button-row">
          <button type="submit" class="primary-inline" data-test="note-save" :disabled="busy">{{ busy ? t('common.saving') : t('notes.save') }}</button>
          <button type="button" class="secondary" @click="backToList">{{ t('notes.cancel') }}</button>
        </div>
      </form>
      <template v-else-if="ours">
        <button ref="newButton" type="button" class="primary-inline" data-test="note-new" @click="edit(null)">{{ t('notes.new') }}</button>
        <p v-if="!sections.length" class="muted">{{ t('notes.noNotes') }}</p>
        <div v-for="section in sections" :key="section.topic" class="notes-admin-topic">
          <h4>{{ t(topicKey(section.topic)) }}</h4>
          <ul class="notes-admin-list">
            <li v-for="note in section.notes" :key="note.id" class="notes-admin-item" data-test="note-admin-item">
              <p class="note-title">{{ note.title }}</p>
              <p v-if="note.stale" class="note-stale"><span aria-hidden="true">&#8635;</span>
                {{ t('notes.stale', { when: noteDate(note.updatedAt), days: ours.staleAfterDays }) }}</p>
              <p v-else class="muted small">{{ t('notes.updated', { when: noteDate(note.updatedAt) }) }}</p>
              <p class="note-body">{{ note.body }}</p>
              <div class="button-row">
                <button type="button" class="secondary" data-test="note-edit" @click="edit(note)">
                  {{ t('notes.edit') }}<span class="visually-hidden">{{ ' ' + note.title }}</span></button>
                <span v-if="deleting === note.id" class="button-row" role="group" :aria-label="t('notes.deleteQuestion', { title: note.title })">
                  <button type="button" class="danger" data-test="note-delete-confirm" :disabled="busy" @click="destroy(note)">{{ t('common.yesDelete') }}</button>
                  <button type="button" class="secondary" @click="deleting = null">{{ t('common.keepIt') }}</button>
                </span>
                <button v-else type="button" class="danger-outline" data-test="note-delete" @click="deleting = note.id">
                  {{ t('common.delete') }}<span class="visually-hidden">{{ ' ' + note.title }}</span></button>
              </div>
            </li>
          </ul>
        </div>
        <form v-if="policy" class="notes-policy" data-test="notes-policy" @submit.prevent="savePolicy">
          <h4>{{ t('notes.policyTitle') }}</h4>
          <label for="notes-stale-days">{{ t('notes.staleDaysLabel') }}</label>
          <input id="notes-stale-days" v-model.number="policy.staleAfterDays" type="number" required
                 :min="limits.noteStaleDaysMin" :max="limits.noteStaleDaysMax" aria-describedby="notes-stale-days-hint" data-test="notes-stale-days">
          <p id="notes-stale-days-hint" class="hint">{{ t('notes.staleDaysHint') }}</p>
          <fieldset class="notes-local">
            <legend>{{ t('notes.localLegend') }}</legend>
            <p class="hint">{{ t('notes.localHint') }}</p>
            <div v-for="name in ours.topics" :key="name" class="notes-local-topic">
              <label class="check-row">
                <input type="checkbox" v-model="policy.local[name].on" :data-test="'local-' + name"> {{ t(topicKey(name)) }}</label>
              <template v-if="policy.local[name].on">
                <label :for="'local-words-' + name">{{ t('notes.keywordsLabel', { topic: t(topicKey(name)) }) }}</label>
                <input :id="'local-words-' + name" v-model="policy.local[name].keywords" :data-test="'local-words-' + name"
                       aria-describedby="notes-keywords-hint">
              </template>
            </div>
            <p id="notes-keywords-hint" class="hint">{{ t('notes.keywordsHint', { count: limits.noteKeywords }) }}</p>
          </fieldset>
          <button type="submit" class="primary-inline" data-test="notes-policy-save" :disabled="busy">{{ busy ? t('common.saving') : t('notes.policySave') }}</button>
        </form>
      </template>
    </section>
  `,
};
