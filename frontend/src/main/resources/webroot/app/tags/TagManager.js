// The library's tags, for admins: add one, or delete one (which takes it off every chat). Deleting
// asks once more, in place.
import { ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import ModalDialog from '../ui/ModalDialog.js';
import { t } from '../messages/t.js';

export default {
  components: { ModalDialog },
  emits: ['close'],
  setup() {
    const desk = useDesk();
    const limits = desk.state.me.limits;
    const name = ref('');
    const busy = ref(false);
    const error = ref('');
    const deleting = ref(null);
    const field = ref(null);

    async function run(action) {
      busy.value = true;
      error.value = '';
      try {
        await action();
        return true;
      } catch (e) {
        error.value = e.message;
        return false;
      } finally {
        busy.value = false;
      }
    }

    async function create() {
      const wanted = name.value.trim();
      if (!wanted) return;
      // The server refuses a name the library has in any case (409); saying so before asking is quicker.
      if (desk.tags.state.list.some((t) => t.name.toLowerCase() === wanted.toLowerCase())) {
        error.value = t('tags.exists', { name: wanted });
      } else if (await run(() => desk.tags.create(wanted))) {
        name.value = '';
      }
      if (field.value) field.value.focus();
    }

    async function destroy(tag) {
      if (await run(() => desk.tags.destroy(tag.id))) deleting.value = null;
      if (field.value) field.value.focus();
    }

    return { limits, tags: desk.tags.state, name, busy, error, deleting, field, create, destroy };
  },
  template: `
    <ModalDialog :title="t('tags.title')" test="tag-manager" @close="$emit('close')">
      <p class="muted small">{{ t('tags.help') }}</p>
      <form class="inline-form" @submit.prevent="create">
        <label for="new-tag-name">{{ t('tags.new') }}</label>
        <div class="input-with-button">
          <input id="new-tag-name" ref="field" v-model="name" :maxlength="limits.tagNameChars" autocomplete="off" data-test="tag-new-name">
          <button type="submit" class="primary-inline" data-test="tag-create" :disabled="busy || !name.trim()">{{ t('tags.create') }}</button>
        </div>
      </form>
      <p v-if="error" class="error" role="alert"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
      <p v-if="!tags.list.length" class="muted">{{ t('tags.none') }}</p>
      <ul class="tag-admin-list">
        <li v-for="tag in tags.list" :key="tag.id" data-test="tag-admin-item">
          <span class="tag-name">{{ tag.name }}</span>
          <span v-if="deleting === tag.id" class="button-row" role="group" :aria-label="t('tags.deleteQuestion', { name: tag.name })">
            <button type="button" class="danger" data-test="tag-delete-confirm" :disabled="busy" @click="destroy(tag)">{{ t('common.yesDelete') }}</button>
            <button type="button" class="secondary" @click="deleting = null">{{ t('common.keepIt') }}</button>
          </span>
          <button v-else type="button" class="danger-outline" data-test="tag-delete" @click="deleting = tag.id">
            {{ t('common.delete') }}<span class="visually-hidden">{{ ' ' + t('tags.theTag', { name: tag.name }) }}</span></button>
        </li>
      </ul>
    </ModalDialog>
  `,
};
