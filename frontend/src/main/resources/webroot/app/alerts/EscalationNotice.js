// Chats nobody has answered in the library's first minute, from any queue of the library, including
// ones this operator does not monitor: each with who, where and how long, and Preview and Claim. The
// list empties itself as colleagues take them. On a phone it starts folded to one line, so the chat
// below keeps its composer in view; the count and the sound still say what is going on.
import { ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { firstLine } from '../ui/format.js';
import { formatCountdown } from '../chats/timing.js';
import { t } from '../messages/t.js';

export default {
  setup() {
    const desk = useDesk();
    const { state } = desk;
    const error = ref('');
    const expanded = ref(state.wide);
    const waited = (item) => formatCountdown((state.now - item.since) / 1000);

    async function claim(item) {
      error.value = '';
      try {
        await desk.claim(item.chatId);
      } catch (e) {
        if (e.code === 'already_claimed' && e.details.holder) error.value = t('overdue.justClaimed', { name: e.details.holder.name });
        else error.value = e.code === 'chat_ended' ? t('overdue.ended') : e.message;
      }
    }

    return { state, overdue: desk.escalations.state, error, expanded, waited, claim, firstLine, preview: desk.select };
  },
  template: `
    <section v-if="overdue.overdue.length" class="escalation" data-test="escalation-notice" aria-labelledby="escalation-title">
      <div class="escalation-head">
        <h2 id="escalation-title" class="escalation-title"><span aria-hidden="true">&#9888;</span>
          {{ t('overdue.count', { count: overdue.overdue.length }) }}<span class="why">{{ t('overdue.why') }}</span></h2>
        <button type="button" class="link-button" data-test="escalation-toggle" aria-controls="escalation-list"
                :aria-expanded="expanded ? 'true' : 'false'" @click="expanded = !expanded">{{ expanded ? t('overdue.hide') : t('overdue.show') }}</button>
      </div>
      <ul v-show="expanded" id="escalation-list" class="escalation-list">
        <li v-for="item in overdue.overdue" :key="item.chatId" data-test="overdue-chat" :data-chat-id="item.chatId">
          <span class="escalation-who"><strong>{{ item.patronName || t('common.guest') }}</strong>
            {{ t('overdue.where', { queue: item.queueName, time: waited(item) }) }}</span>
          <span class="escalation-question">{{ firstLine(item.question) }}</span>
          <span class="escalation-actions">
            <button type="button" class="secondary" data-test="overdue-preview" @click="preview(item.chatId)">
              {{ t('overdue.preview') }}<span class="visually-hidden">{{ ' ' + t('overdue.theChatFrom', { name: item.patronName || t('common.guest') }) }}</span></button>
            <button type="button" class="primary-inline" data-test="overdue-claim" @click="claim(item)">
              {{ t('overdue.claim') }}<span class="visually-hidden">{{ ' ' + t('overdue.theChatFrom', { name: item.patronName || t('common.guest') }) }}</span></button>
          </span>
        </li>
      </ul>
      <p v-if="error" class="error small" role="alert"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
    </section>
  `,
};
