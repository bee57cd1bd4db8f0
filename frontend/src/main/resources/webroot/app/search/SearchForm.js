// The search form: the words, the days, and the filters that the kind of search has. Every field has
// its label; on a phone the fields stack one under another.
import { computed } from 'vue';
import { statusWord } from '../tickets/ticket-words.js';

const STATUSES = ['new', 'open', 'pending', 'closed'];
const RATINGS = [5, 4, 3, 2, 1];

export default {
  props: { search: { type: Object, required: true }, maxChars: { type: Number, default: 200 } },
  emits: ['submit'],
  setup(props) {
    const state = props.search.state;
    const chats = computed(() => state.kind === 'chats');
    return { state, chats, STATUSES, RATINGS, statusWord };
  },
  template: `
    <form class="search-form" data-test="search-form" role="search" @submit.prevent="$emit('submit')">
      <div class="search-words">
        <label for="search-q">{{ chats ? t('search.wordsChats') : t('search.wordsTickets') }}</label>
        <div class="input-with-button">
          <input id="search-q" type="search" data-test="search-q" v-model="state.form.q" :maxlength="maxChars" autocomplete="off">
          <button type="submit" data-test="search-submit" :disabled="state.loading">{{ t('search.submit') }}</button>
        </div>
      </div>
      <div class="search-filters">
        <div>
          <label for="search-from">{{ t('search.from') }}</label>
          <input id="search-from" type="date" data-test="search-from" v-model="state.form.from">
        </div>
        <div>
          <label for="search-to">{{ t('search.to') }}</label>
          <input id="search-to" type="date" data-test="search-to" v-model="state.form.to">
        </div>
        <div>
          <label for="search-queue">{{ t('search.queue') }}</label>
          <select id="search-queue" data-test="search-queue" v-model="state.form.queue">
            <option value="">{{ t('search.any') }}</option>
            <option v-for="q in state.choices.queues" :key="q.id" :value="String(q.id)">{{ q.name }}</option>
          </select>
        </div>
        <template v-if="chats">
          <div>
            <label for="search-operator">{{ t('search.operator') }}</label>
            <select id="search-operator" data-test="search-operator" v-model="state.form.operator">
              <option value="">{{ t('search.any') }}</option>
              <option v-for="o in state.choices.operators" :key="o.id" :value="String(o.id)">{{ o.name }}</option>
            </select>
          </div>
          <div>
            <label for="search-tag">{{ t('search.tag') }}</label>
            <select id="search-tag" data-test="search-tag" v-model="state.form.tag">
              <option value="">{{ t('search.any') }}</option>
              <option v-for="tag in state.choices.tags" :key="tag.id" :value="String(tag.id)">{{ tag.name }}</option>
            </select>
          </div>
          <div>
            <label for="search-rating">{{ t('search.rating') }}</label>
            <select id="search-rating" data-test="search-rating" v-model="state.form.rating">
              <option value="">{{ t('search.any') }}</option>
              <option v-for="r in RATINGS" :key="r" :value="String(r)">{{ t('search.ratingValue', { score: r }) }}</option>
            </select>
          </div>
          <div>
            <label for="search-state">{{ t('search.state') }}</label>
            <select id="search-state" data-test="search-state" v-model="state.form.state">
              <option value="">{{ t('search.any') }}</option>
              <option value="ended">{{ t('search.stateEnded') }}</option>
              <option value="missed">{{ t('search.stateMissed') }}</option>
            </select>
          </div>
        </template>
        <template v-else>
          <div>
            <label for="search-status">{{ t('search.status') }}</label>
            <select id="search-status" data-test="search-status" v-model="state.form.status">
              <option value="">{{ t('search.any') }}</option>
              <option v-for="s in STATUSES" :key="s" :value="s">{{ statusWord(s) }}</option>
            </select>
          </div>
          <div>
            <label for="search-assignee">{{ t('search.assignee') }}</label>
            <select id="search-assignee" data-test="search-assignee" v-model="state.form.assignee">
              <option value="">{{ t('search.any') }}</option>
              <option value="none">{{ t('search.unassigned') }}</option>
              <option v-for="o in state.choices.operators" :key="o.id" :value="String(o.id)">{{ o.name }}</option>
            </select>
          </div>
        </template>
      </div>
    </form>
  `,
};
