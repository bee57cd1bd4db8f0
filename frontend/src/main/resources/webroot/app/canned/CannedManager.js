// The canned messages this operator can use, theirs and the library's, with a form to add or change
// them: their own always, the library's if they are an admin. Deleting asks once more, in place.
import { computed, nextTick, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import CannedForm from './CannedForm.js';
import ModalDialog from '../ui/ModalDialog.js';
import { t } from '../messages/t.js';

export default {
  components: { CannedForm, ModalDialog },
  emits: ['close'],
  setup() {
    const desk = useDesk();
    const canned = desk.canned.state;
    // null: the list; {}: a new message; a message: editing it.
    const editing = ref(null);
    const deleting = ref(null);
    const error = ref('');
    const newButton = ref(null);
    const groups = computed(() => [
      { key: 'personal', title: t('canned.scopeYours'), items: canned.list.filter((c) => c.scope === 'personal') },
      { key: 'library', title: t('canned.groupLibrary'), items: canned.list.filter((c) => c.scope === 'library') },
    ]);

    async function backToList() {
      editing.value = null;
      await nextTick();
      if (newButton.value) newButton.value.focus();
    }

    async function remove(item) {
      error.value = '';
      try {
        await desk.canned.remove(item.id);
        deleting.value = null;
        await backToList();
      } catch (e) {
        error.value = e.message;
      }
    }

    return { canned, groups, editing, deleting, error, newButton, backToList, remove, editable: desk.canned.editable };
  },
  template: `
    <ModalDialog :title="t('canned.title')" test="canned-manager" wide @close="$emit('close')">
      <CannedForm v-if="editing" :item="editing.id ? editing : null" @done="backToList" />
      <template v-else>
        <p class="muted small">{{ t('canned.helpBefore') }} <kbd>/</kbd> {{ t('canned.helpAfter') }}</p>
        <button ref="newButton" type="button" class="secondary" data-test="canned-new" @click="editing = {}">{{ t('canned.new') }}</button>
        <p v-if="error" class="error" role="alert"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
        <p v-if="canned.error" class="error" role="alert"><span aria-hidden="true">&#9888;</span> {{ canned.error }}</p>
        <section v-for="group in groups" :key="group.key" class="canned-group" :aria-labelledby="'canned-group-' + group.key">
          <h3 :id="'canned-group-' + group.key" class="section-title">{{ group.title }}</h3>
          <p v-if="!group.items.length" class="muted small">{{ t('canned.noneYet') }}</p>
          <ul class="canned-list">
            <li v-for="item in group.items" :key="item.id" class="canned-item" data-test="canned-item" :data-shortcut="item.shortcut">
              <div class="canned-item-head">
                <code class="shortcut">/{{ item.shortcut }}</code> <strong>{{ item.title }}</strong>
              </div>
              <p class="canned-body">{{ item.body }}</p>
              <div v-if="deleting === item.id" class="button-row" role="group" :aria-label="t('canned.deleteQuestion', { shortcut: item.shortcut })">
                <span class="confirm-words">{{ t('canned.deleteQuestion', { shortcut: item.shortcut }) }}</span>
                <button type="button" class="danger" data-test="canned-delete-confirm" @click="remove(item)">{{ t('common.yesDelete') }}</button>
                <button type="button" class="secondary" @click="deleting = null">{{ t('common.keepIt') }}</button>
              </div>
              <div v-else-if="editable(item)" class="button-row">
                <button type="button" class="secondary" data-test="canned-edit" @click="editing = item">
                  {{ t('common.edit') }}<span class="visually-hidden"> /{{ item.shortcut }}</span></button>
                <button type="button" class="danger-outline" data-test="canned-delete" @click="deleting = item.id">
                  {{ t('common.delete') }}<span class="visually-hidden"> /{{ item.shortcut }}</span></button>
              </div>
            </li>
          </ul>
        </section>
      </template>
    </ModalDialog>
  `,
};
