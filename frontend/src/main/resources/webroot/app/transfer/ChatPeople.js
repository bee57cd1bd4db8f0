// The chat header's people and hand-off actions: who is in the chat now (the owner and any colleague
// sharing it), Transfer, Invite colleague and Leave chat, and what became of the operator's last
// transfer (waiting for an answer, which can be taken back, or declined with the colleague's reason).
import { computed, nextTick, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import InviteDialog from './InviteDialog.js';
import TransferDialog from './TransferDialog.js';
import { t } from '../messages/t.js';

export default {
  components: { InviteDialog, TransferDialog },
  props: { tab: { type: Object, required: true }, open: { type: Boolean, default: false } },
  setup(props) {
    const desk = useDesk();
    const dialog = ref(null);
    const root = ref(null);
    const error = ref('');
    const meId = desk.state.me.operator.id;
    const people = computed(() => ((desk.chats.detailsOf(props.tab.chatId) || {}).participants) || []);
    const owner = computed(() => people.value.find((p) => p.role === 'owner'));
    const iOwn = computed(() => Boolean(owner.value) && owner.value.id === meId);
    const outgoing = computed(() => desk.transfers.outgoingOf(props.tab.chatId));
    const answer = computed(() => desk.transfers.answerOf(props.tab.chatId));
    const names = computed(() => people.value.map((p) => (p.id === meId ? t('chat.you') : p.name)
      + (p.role === 'owner' ? ` ${t('share.ownerMark')}` : '')).join(', '));

    async function focusStatus() {
      await nextTick();
      const target = root.value && (root.value.querySelector('[data-test=transfer-status]') || root.value.querySelector('button'));
      if (target) target.focus();
    }

    async function cancel() {
      await desk.transfers.cancel(props.tab.chatId);
      await focusStatus();
    }

    async function leave() {
      error.value = '';
      try {
        await desk.transfers.leave(props.tab);
        await nextTick();
        const close = document.querySelector(`[data-chat-id="${props.tab.chatId}"] [data-test=dismiss-chat]`);
        if (close) close.focus();
      } catch (e) {
        error.value = e.message;
      }
    }

    return { dialog, root, error, people, names, iOwn, outgoing, answer, cancel, leave, focusStatus, forget: () => desk.transfers.forgetAnswer(props.tab.chatId) };
  },
  template: `
    <div ref="root" :id="'chat-people-' + tab.chatId" class="chat-people" data-test="chat-people">
      <p v-if="people.length > 1 || open" class="muted small participants" data-test="participants">{{ t('share.inChat', { names }) }}</p>
      <div v-if="open && !tab.ended" class="button-row small-buttons">
        <button v-if="iOwn && !outgoing" type="button" class="secondary" data-test="transfer-open" @click="dialog = 'transfer'">{{ t('transfer.open') }}</button>
        <button type="button" class="secondary" data-test="invite-open" @click="dialog = 'invite'">{{ t('share.invite') }}</button>
        <button v-if="people.length > 1" type="button" class="secondary" data-test="leave-chat" @click="leave">{{ t('share.leave') }}</button>
      </div>
      <p v-if="outgoing" class="notice small" role="status" tabindex="-1" data-test="transfer-status">
        {{ outgoing.toOperator ? t('transfer.waitingFor', { name: outgoing.toOperator.name }) : t('transfer.waitingForQueue', { queue: outgoing.toQueue.name }) }}
        <button type="button" class="link-button" data-test="transfer-cancel" @click="cancel">{{ t('transfer.takeBack') }}</button>
      </p>
      <p v-else-if="answer && answer.state === 'declined'" class="notice small" role="alert" tabindex="-1" data-test="transfer-status">
        <span aria-hidden="true">&#9888;</span> {{ answer.kind === 'invite' ? t('share.declined', { name: answer.by, reason: answer.reason }) : t('transfer.declined', { name: answer.by, reason: answer.reason }) }}
        <button type="button" class="link-button" @click="forget">{{ t('common.dismiss') }}</button>
      </p>
      <p v-if="error" class="error small" role="alert"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
      <TransferDialog v-if="dialog === 'transfer'" :tab="tab" @close="dialog = null; focusStatus()" />
      <InviteDialog v-if="dialog === 'invite'" :tab="tab" @close="dialog = null" />
    </div>
  `,
};
