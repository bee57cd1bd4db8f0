// The library's tickets, latest change first, narrowed by status, queue and who has them. Each line
// is one button: the subject, the patron's e-mail, and the status and assignee in words.
import { useDesk } from '../desk/desk-store.js';
import { dayAndTime } from '../ui/format.js';
import { ASSIGNEES, STATUSES } from './tickets-store.js';
import { statusWord } from './ticket-words.js';

export default {
  emits: ['open'],
  setup() {
    const desk = useDesk();
    const tickets = desk.tickets;
    const change = (name, event) => tickets.setFilter(name, event.target.value);
    return {
      state: tickets.state, queues: desk.state.me.queues, now: () => desk.state.now, STATUSES, ASSIGNEES, statusWord, change, dayAndTime,
    };
  },
  template: `
    <form class="ticket-filters" data-test="ticket-filters" @submit.prevent>
      <div>
        <label for="ticket-filter-status">{{ t('tickets.filterStatus') }}</label>
        <select id="ticket-filter-status" data-test="filter-status" :value="state.filters.status" @change="change('status', $event)">
          <option value="">{{ t('tickets.statusAny') }}</option>
          <option v-for="s in STATUSES" :key="s" :value="s">{{ statusWord(s) }}</option>
        </select>
      </div>
      <div>
        <label for="ticket-filter-queue">{{ t('tickets.filterQueue') }}</label>
        <select id="ticket-filter-queue" data-test="filter-queue" :value="state.filters.queue" @change="change('queue', $event)">
          <option value="">{{ t('tickets.queueAny') }}</option>
          <option v-for="q in queues" :key="q.id" :value="String(q.id)">{{ q.name }}</option>
        </select>
      </div>
      <div>
        <label for="ticket-filter-assignee">{{ t('tickets.filterAssignee') }}</label>
        <select id="ticket-filter-assignee" data-test="filter-assignee" :value="state.filters.assignee" @change="change('assignee', $event)">
          <option value="any">{{ t('tickets.assigneeAny') }}</option>
          <option value="me">{{ t('tickets.assigneeMe') }}</option>
          <option value="none">{{ t('tickets.assigneeNone') }}</option>
        </select>
      </div>
    </form>
    <p v-if="state.error" class="error" role="alert"><span aria-hidden="true">&#9888;</span> {{ state.error }}</p>
    <p class="visually-hidden" role="status">{{ state.loading ? t('common.loading') : t('tickets.count', { count: state.list.length }) }}</p>
    <p v-if="!state.loading && !state.error && !state.list.length" class="muted" data-test="tickets-empty">{{ t('tickets.none') }}</p>
    <ul class="ticket-list" data-test="ticket-list">
      <li v-for="ticket in state.list" :key="ticket.id">
        <button type="button" class="ticket-row" data-test="ticket-row" :data-ticket-id="ticket.id"
                :aria-current="state.current && state.current.id === ticket.id ? 'true' : null" @click="$emit('open', ticket.id)">
          <span class="ticket-subject">{{ ticket.subject }}</span>
          <span class="ticket-meta">
            <span class="ticket-status" :class="'status-' + ticket.status">{{ statusWord(ticket.status) }}</span>
            <span>{{ ticket.assignee ? ticket.assignee.name : t('tickets.unassigned') }}</span>
            <span>{{ ticket.email }}</span>
            <time :datetime="ticket.updatedAt">{{ dayAndTime(ticket.updatedAt, now()) }}</time>
          </span>
        </button>
      </li>
    </ul>
  `,
};
