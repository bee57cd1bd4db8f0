// Invite a colleague who is online into this chat: they share it once they accept.
import { nextTick, onMounted, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import ModalDialog from '../ui/ModalDialog.js';
import { t } from '../messages/t.js';

export default {
  components: { ModalDialog },
  props: { tab: { type: Object, required: true } },
  emits: ['close', 'sent'],
  setup(props, { emit }) {
    const desk = useDesk();
    const operators = ref(null);
    const choice = ref('');
    const error = ref('');
    const form = ref(null);

    onMounted(async () => {
      try {
        const inChat = new Set(((desk.chats.detailsOf(props.tab.chatId) || {}).participants || []).map((p) => p.id));
        operators.value = (await desk.transfers.targets(props.tab.chatId)).operators.filter((op) => !inChat.has(op.id));
      } catch (e) {
        error.value = e.message;
      }
      await nextTick();
      const select = form.value && form.value.querySelector('select');
      if (select) select.focus();
    });

    async function send(close) {
      error.value = '';
      if (!choice.value) {
        error.value = t('transfer.chooseColleague');
        return;
      }
      try {
        await desk.transfers.invite(props.tab.chatId, Number(choice.value));
        emit('sent');
        close();
      } catch (e) {
        error.value = e.message;
      }
    }

    return { operators, choice, error, form, send, titleText: t('share.title', { name: props.tab.patronName }) };
  },
  template: `
    <ModalDialog :title="titleText" test="invite-dialog" @close="$emit('close')" v-slot="{ close }">
      <form ref="form" @submit.prevent="send(close)">
        <p v-if="!operators && !error" class="muted">{{ t('common.loading') }}</p>
        <label v-if="operators" class="field"><span>{{ t('transfer.colleague') }}</span>
          <select v-model="choice" data-test="invite-target">
            <option value="">{{ t('transfer.pick') }}</option>
            <option v-for="op in operators" :key="op.id" :value="String(op.id)">{{ t('transfer.colleagueOnline', { name: op.name }) }}</option>
          </select>
          <span v-if="!operators.length" class="muted small">{{ t('transfer.nobodyOnline') }}</span>
        </label>
        <p v-if="error" class="error" role="alert"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
        <div class="button-row">
          <button type="submit" class="primary-inline" data-test="invite-send">{{ t('share.send') }}</button>
          <button type="button" class="secondary" @click="close">{{ t('common.cancel') }}</button>
        </div>
      </form>
    </ModalDialog>
  `,
};
