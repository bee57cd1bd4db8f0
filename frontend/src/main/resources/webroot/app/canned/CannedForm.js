// Adding or changing one canned message. The shortcut rule is the server's (lower-case letters, digits
// and dashes); the browser checks it first so the operator hears of a typo before saving.
import { computed, onMounted, reactive, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { isLibraryAdmin } from '../session/roles.js';
import { t } from '../messages/t.js';

const SHORTCUT = '[a-z0-9][a-z0-9\\-]{0,31}';

export default {
  props: { item: { type: Object, default: null } },
  emits: ['done'],
  setup(props, { emit }) {
    const desk = useDesk();
    const limits = desk.state.me.limits;
    const isAdmin = isLibraryAdmin(desk.state.me.operator.role);
    const draft = reactive({
      title: props.item ? props.item.title : '',
      shortcut: props.item ? props.item.shortcut : '',
      body: props.item ? props.item.body : '',
      scope: props.item ? props.item.scope : 'personal',
    });
    const busy = ref(false);
    const error = ref('');
    const first = ref(null);
    const heading = computed(() => (props.item ? t('canned.editHeading', { shortcut: props.item.shortcut }) : t('canned.new')));

    // The server refuses a shortcut taken in the same scope (409); saying so before asking is quicker.
    function taken(shortcut) {
      const scope = props.item ? props.item.scope : (isAdmin ? draft.scope : 'personal');
      return desk.canned.state.list.some((c) => c.shortcut === shortcut && c.scope === scope && (!props.item || c.id !== props.item.id));
    }

    async function save() {
      error.value = '';
      const body = { title: draft.title.trim(), shortcut: draft.shortcut.trim(), body: draft.body };
      if (taken(body.shortcut)) {
        error.value = t('canned.shortcutTaken', { shortcut: body.shortcut });
        return;
      }
      busy.value = true;
      // The scope is chosen once, when the message is made; the server keeps it on edits.
      if (!props.item && isAdmin) body.scope = draft.scope;
      try {
        await desk.canned.save(body, props.item ? props.item.id : null);
        emit('done');
      } catch (e) {
        error.value = e.message;
      } finally {
        busy.value = false;
      }
    }

    onMounted(() => first.value && first.value.focus());

    return { limits, draft, busy, error, first, heading, isAdmin, SHORTCUT, save };
  },
  template: `
    <form class="canned-form" data-test="canned-form" @submit.prevent="save">
      <h3 class="section-title">{{ heading }}</h3>
      <label for="canned-title">{{ t('canned.fieldTitle') }}</label>
      <input id="canned-title" ref="first" v-model="draft.title" :maxlength="limits.cannedTitleChars" required data-test="canned-title">
      <label for="canned-shortcut">{{ t('canned.fieldShortcut') }}</label>
      <div class="shortcut-field">
        <span aria-hidden="true">/</span>
        <input id="canned-shortcut" v-model="draft.shortcut" :maxlength="limits.cannedShortcutChars" required :pattern="SHORTCUT"
               aria-describedby="canned-shortcut-hint" autocapitalize="off" spellcheck="false" data-test="canned-shortcut">
      </div>
      <p id="canned-shortcut-hint" class="muted small">{{ t('canned.shortcutHint') }} <code>{{ t('canned.shortcutExample') }}</code>.</p>
      <label for="canned-body">{{ t('canned.fieldBody') }}</label>
      <textarea id="canned-body" v-model="draft.body" rows="4" :maxlength="limits.messageChars" required data-test="canned-body"
                aria-describedby="canned-body-hint"></textarea>
      <p id="canned-body-hint" class="muted small">{{ t('canned.bodyHint') }}</p>
      <fieldset v-if="isAdmin && !item" class="scope-choice">
        <legend>{{ t('canned.whoCanUse') }}</legend>
        <label class="check-row"><input type="radio" value="personal" v-model="draft.scope" data-test="canned-scope-personal"> {{ t('canned.onlyMe') }}</label>
        <label class="check-row"><input type="radio" value="library" v-model="draft.scope" data-test="canned-scope-library"> {{ t('canned.everyone') }}</label>
      </fieldset>
      <p v-if="error" class="error" role="alert"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
      <div class="button-row">
        <button type="submit" class="primary-inline" data-test="canned-save" :disabled="busy">{{ busy ? t('common.saving') : t('common.save') }}</button>
        <button type="button" class="secondary" @click="$emit('done')">{{ t('common.cancel') }}</button>
      </div>
    </form>
  `,
};
