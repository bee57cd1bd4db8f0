// A page of results: each a button that opens the chat's transcript or the ticket, with its date,
// queue, who answered, state, tags and rating in words, and the snippet with the hits marked. The
// snippet comes as pieces of plain text; Vue writes each as text, a hit inside <mark>.
import { statusWord } from '../tickets/ticket-words.js';
import { dayAndTime } from '../ui/format.js';
import { t } from '../messages/t.js';

export default {
  props: { search: { type: Object, required: true } },
  emits: ['open'],
  setup(props) {
    const state = props.search.state;
    const stateWord = (s) => (s === 'missed' ? t('search.stateMissed') : t('search.stateEnded'));
    return { state, statusWord, stateWord, dayAndTime };
  },
  template: `
    <ol class="search-results" data-test="search-results">
      <li v-for="result in state.results" :key="result.chatId || result.ticketId">
        <button type="button" class="search-result" data-test="search-result"
                :data-chat-id="result.chatId || null" :data-ticket-id="result.ticketId || null" @click="$emit('open', result)">
          <span class="search-result-head">
            <span v-if="result.chatId" class="search-result-title">{{ t('search.chatTitle', { id: result.chatId, name: result.patronName || t('common.guest') }) }}</span>
            <span v-else class="search-result-title">{{ t('search.ticketTitle', { id: result.ticketId, subject: result.subject }) }}</span>
            <time :datetime="result.createdAt">{{ dayAndTime(result.createdAt) }}</time>
          </span>
          <span class="search-snippet" data-test="search-snippet"><template v-for="(piece, i) in result.snippet" :key="i"><mark v-if="piece.hit">{{ piece.text }}</mark><template v-else>{{ piece.text }}</template></template></span>
          <span class="ticket-meta">
            <span>{{ result.queue.name }}</span>
            <template v-if="result.chatId">
              <span>{{ result.operator ? result.operator.name : t('search.nobody') }}</span>
              <span class="ticket-status" :class="'status-' + result.state">{{ stateWord(result.state) }}</span>
              <span v-if="result.tags.length" data-test="search-result-tags">{{ t('search.tags', { tags: result.tags.join(', ') }) }}</span>
              <span v-if="result.rating" data-test="search-result-rating">{{ t('search.ratingValue', { score: result.rating.score }) }}</span>
            </template>
            <template v-else>
              <span class="ticket-status" :class="'status-' + result.status">{{ statusWord(result.status) }}</span>
              <span>{{ result.assignee ? result.assignee.name : t('tickets.unassigned') }}</span>
            </template>
          </span>
        </button>
      </li>
    </ol>
  `,
};
