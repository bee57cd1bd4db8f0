// Waiting chats of every monitored queue, oldest first, each a button (Enter and Space work) that opens
// its preview; the choice of queues above them and this operator's recent chats below.
import { useDesk } from '../desk/desk-store.js';
import MonitorChoice from './MonitorChoice.js';
import RecentChats from '../history/RecentChats.js';
import SwampedButton from '../surge/SwampedButton.js';
import WaitingItem from './WaitingItem.js';
import CoopBadge from '../coop/CoopBadge.js';

export default {
  components: { CoopBadge, MonitorChoice, RecentChats, WaitingItem, SwampedButton },
  setup() {
    const desk = useDesk();
    const waitingIn = (q) => q.waiting.filter((c) => !c.claimedBy).length;
    return { state: desk.state, queues: desk.queues.state, waitingIn };
  },
  template: `
    <div class="queue-panel">
      <h2 id="queue-title" class="pane-title" tabindex="-1">{{ t('queues.title') }}</h2>
      <SwampedButton v-if="state.me.queues.length" />
      <p v-if="state.me.queues.length === 0" class="muted">{{ t('queues.noneOfYours') }}</p>
      <template v-else>
        <MonitorChoice />
        <p v-if="queues.queues.length === 0" class="muted" data-test="no-monitored">{{ t('queues.noneMonitored') }}</p>
      </template>
      <section v-for="q in queues.queues" :key="q.id" class="queue" :aria-labelledby="'queue-' + q.id" data-test="queue" :data-queue-id="q.id">
        <h3 :id="'queue-' + q.id" class="queue-name">
          {{ q.name }} <CoopBadge v-if="q.coopId" :name="q.coopName" /> <span class="queue-count">{{ t('queues.waitingCount', { count: waitingIn(q) }) }}</span>
        </h3>
        <p v-if="q.error" class="error" role="alert"><span aria-hidden="true">&#9888;</span> {{ q.error }}</p>
        <p v-else-if="!q.loaded" class="muted">{{ t('common.loading') }}</p>
        <p v-else-if="q.waiting.length === 0" class="muted">{{ t('queues.nobodyWaiting') }}</p>
        <ul class="waiting-list">
          <li v-for="c in q.waiting" :key="c.chatId"><WaitingItem :chat="c" /></li>
        </ul>
      </section>
      <RecentChats />
    </div>
  `,
};
