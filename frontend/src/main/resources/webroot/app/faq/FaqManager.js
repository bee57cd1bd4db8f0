// The library's FAQs, for admins: drafts first (made from chats, waiting for review), then the
// published ones; write a new one, edit, publish a draft, delete (asked once more, in place).
import { nextTick, onMounted, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import ModalDialog from '../ui/ModalDialog.js';
import { fromForm, toForm } from './faq-form.js';
import { t } from '../messages/t.js';

export default {
  components: { ModalDialog },
  emits: ['close'],
  setup() {
    const desk = useDesk();
    const limits = desk.state.me.limits;
    const list = ref(null);
    const editing = ref(null);
    const form = ref(toForm(null));
    const busy = ref(false);
    const error = ref('');
    const done = ref('');
    const deleting = ref(null);
    const questionField = ref(null);
    const newButton = ref(null);

    async function reload() {
      try {
        list.value = await desk.faq.all();
      } catch (e) {
        error.value = e.message;
      }
    }

    async function run(action, words) {
      busy.value = true;
      error.value = '';
      done.value = '';
      try {
        await action();
        done.value = words;
        await reload();
        return true;
      } catch (e) {
        error.value = e.message;
        return false;
      } finally {
        busy.value = false;
      }
    }

    async function edit(faq) {
      editing.value = faq ? faq.id : 'new';
      form.value = toForm(faq);
      done.value = '';
      await nextTick();
      if (questionField.value) questionField.value.focus();
    }

    async function backToList() {
      editing.value = null;
      await nextTick();
      if (newButton.value) newButton.value.focus();
    }

    async function save() {
      const body = fromForm(form.value);
      const id = editing.value;
      const ok = await run(
        () => (id === 'new' ? desk.faq.create({ ...body, status: form.value.draft ? 'draft' : 'published' }) : desk.faq.update(id, body)),
        t('faq.saved', { question: body.question }));
      if (ok) await backToList();
    }

    const publish = (faq) => run(() => desk.faq.publish(faq.id), t('faq.published', { question: faq.question }));

    async function destroy(faq) {
      if (await run(() => desk.faq.remove(faq.id), t('faq.deleted', { question: faq.question }))) {
        deleting.value = null;
        await backToList();
      }
    }

    onMounted(reload);
    return { limits, list, editing, form, busy, error, done, deleting, questionField, newButton, edit, backToList, save, publish, destroy };
  },
  template: `
    <ModalDialog :title="t('faq.manageTitle')" test="faq-manager" wide @close="$emit('close')">
      <p v-if="error" class="error" role="alert"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
      <p class="muted small" role="status">{{ done }}</p>
      <form v-if="editing !== null" class="faq-form" data-test="faq-form" @submit.prevent="save">
        <label for="faq-question">{{ t('faq.question') }}</label>
        <input id="faq-question" ref="questionField" v-model="form.question" required :maxlength="limits.faqQuestionChars" data-test="faq-question">
        <label for="faq-answer">{{ t('faq.answer') }}</label>
        <textarea id="faq-answer" v-model="form.answerMarkdown" rows="8" required :maxlength="limits.faqAnswerChars"
                  aria-describedby="faq-answer-hint" data-test="faq-answer"></textarea>
        <p id="faq-answer-hint" class="hint">{{ t('faq.answerHint') }}</p>
        <label for="faq-topics">{{ t('faq.topicsLabel') }}</label>
        <input id="faq-topics" v-model="form.topics" aria-describedby="faq-topics-hint" data-test="faq-topics">
        <p id="faq-topics-hint" class="hint">{{ t('faq.topicsHint', { count: limits.faqTopics }) }}</p>
        <label for="faq-links">{{ t('faq.linksLabel') }}</label>
        <textarea id="faq-links" v-model="form.links" rows="3" aria-describedby="faq-links-hint" data-test="faq-links"></textarea>
        <p id="faq-links-hint" class="hint">{{ t('faq.linksHint', { count: limits.faqLinks }) }}</p>
        <label for="faq-visibility">{{ t('faq.visibility') }}</label>
        <select id="faq-visibility" v-model="form.visibility" data-test="faq-visibility">
          <option value="public">{{ t('faq.public') }}</option>
          <option value="internal">{{ t('faq.internal') }}</option>
        </select>
        <label for="faq-language">{{ t('faq.language') }}</label>
        <select id="faq-language" v-model="form.language" data-test="faq-language">
          <option value="en">{{ t('faq.english') }}</option>
          <option value="es">{{ t('faq.spanishLanguage') }}</option>
        </select>
        <label v-if="editing === 'new'" class="check-row">
          <input type="checkbox" v-model="form.draft"> {{ t('faq.keepDraft') }}</label>
        <div class="button-row">
          <button type="submit" class="primary-inline" data-test="faq-save" :disabled="busy">{{ busy ? t('common.saving') : t('faq.save') }}</button>
          <button type="button" class="secondary" @click="backToList">{{ t('faq.cancel') }}</button>
        </div>
      </form>
      <template v-else>
        <button ref="newButton" type="button" class="primary-inline" data-test="faq-new" @click="edit(null)">{{ t('faq.new') }}</button>
        <p v-if="!list" class="muted">{{ t('common.loading') }}</p>
        <p v-else-if="!list.length" class="muted">{{ t('faq.noFaqs') }}</p>
        <ul v-else class="faq-admin-list">
          <li v-for="faq in list" :key="faq.id" class="faq-admin-item" data-test="faq-admin-item">
            <p class="faq-question">{{ faq.question }}
              <span class="faq-badge" :class="{ draft: faq.status === 'draft' }">{{ faq.status === 'draft' ? t('faq.draft') : t('faq.publishedWord') }}</span>
              <span v-if="faq.visibility === 'internal'" class="faq-badge">{{ t('faq.staffOnly') }}</span>
              <span v-if="faq.sourceChatId" class="faq-badge">{{ t('faq.fromChat', { id: faq.sourceChatId }) }}</span></p>
            <p class="muted small">{{ faq.excerpt }}</p>
            <div class="button-row">
              <button type="button" class="secondary" data-test="faq-edit" @click="edit(faq)">
                {{ faq.status === 'draft' ? t('faq.review') : t('faq.edit') }}<span class="visually-hidden">{{ ' ' + faq.question }}</span></button>
              <button v-if="faq.status === 'draft'" type="button" class="primary-inline" data-test="faq-publish" :disabled="busy" @click="publish(faq)">
                {{ t('faq.publish') }}<span class="visually-hidden">{{ ' ' + faq.question }}</span></button>
              <span v-if="deleting === faq.id" class="button-row" role="group" :aria-label="t('faq.deleteQuestion', { question: faq.question })">
                <button type="button" class="danger" data-test="faq-delete-confirm" :disabled="busy" @click="destroy(faq)">{{ t('common.yesDelete') }}</button>
                <button type="button" class="secondary" @click="deleting = null">{{ t('common.keepIt') }}</button>
              </span>
              <button v-else type="button" class="danger-outline" data-test="faq-delete" @click="deleting = faq.id">
                {{ t('common.delete') }}<span class="visually-hidden">{{ ' ' + faq.question }}</span></button>
            </div>
          </li>
        </ul>
      </template>
    </ModalDialog>
  `,
};
