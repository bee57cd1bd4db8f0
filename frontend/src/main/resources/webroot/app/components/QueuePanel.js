// Waiting chats of every monitored queue, oldest first, each a button (Enter and Space work) that opens
// its preview. A chat someone else has just claimed stays a moment, saying who took it.
import { useDesk } from '../desk.js';
import { firstLine, waitedFor } from '../format.js';

export default {
  setup() {
    const desk = useDesk();
    const { state } = desk;
    const waitingIn = (q) => q.waiting.filter((c) => !c.claimedBy).length;
    const isSelected = (chatId) => Boolean(state.focus) && state.focus.chatId === chatId;
    return { state, waitingIn, isSelected, select: desk.select, firstLine, waitedFor };
  },
  template: `
    <div class="queue-panel">
      <h2 id="queue-title" class="pane-title">Waiting chats</h2>
      <p v-if="state.queues.length === 0" class="muted">You do not monitor any queue yet. An admin can add you to one.</p>
      <section v-for="q in state.queues" :key="q.id" class="queue" :aria-labelledby="'queue-' + q.id" data-test="queue" :data-queue-id="q.id">
        <h3 :id="'queue-' + q.id" class="queue-name">
          {{ q.name }} <span class="queue-count">{{ waitingIn(q) }} waiting</span>
        </h3>
        <p v-if="q.error" class="error" role="alert"><span aria-hidden="true">&#9888;</span> {{ q.error }}</p>
        <p v-else-if="!q.loaded" class="muted">Loading…</p>
        <p v-else-if="q.waiting.length === 0" class="muted">Nobody is waiting.</p>
        <ul class="waiting-list">
          <li v-for="c in q.waiting" :key="c.chatId">
            <button type="button" class="waiting-item" :class="{ claimed: c.claimedBy, selected: isSelected(c.chatId) }"
                    data-test="waiting-item" :data-chat-id="c.chatId" :aria-current="isSelected(c.chatId) ? 'true' : null"
                    @click="select(c.chatId)">
              <span class="waiting-head">
                <span class="patron-name">{{ c.patronName || 'Guest' }}</span>
                <span class="waited" data-test="waited"><span class="visually-hidden">waiting </span>{{ waitedFor(c.createdAt, state.now) }}</span>
              </span>
              <span class="waiting-question">{{ firstLine(c.question) }}</span>
              <span v-if="c.claimedBy" class="claimed-by" data-test="claimed-by">Claimed by {{ c.claimedBy.name }}</span>
            </button>
          </li>
        </ul>
      </section>
    </div>
  `,
};
