// The tickets screen: the list with its filters beside the ticket that is open. On a phone the list
// and the ticket take turns; leaving a ticket brings focus back to its line in the list.
import { nextTick, onMounted, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import TicketList from './TicketList.js';
import TicketDetail from './TicketDetail.js';

export default {
  components: { TicketList, TicketDetail },
  setup() {
    const desk = useDesk();
    const tickets = desk.tickets;
    const title = ref(null);

    async function openTicket(id) {
      await tickets.open(id);
      await nextTick();
      const heading = document.getElementById('ticket-title');
      if (heading) heading.focus();
    }

    async function back() {
      const id = tickets.state.current && tickets.state.current.id;
      tickets.close();
      await nextTick();
      const line = id && document.querySelector(`[data-test="ticket-row"][data-ticket-id="${id}"]`);
      if (line) line.focus();
      else if (title.value) title.value.focus();
    }

    onMounted(() => {
      tickets.load();
      if (title.value) title.value.focus();
    });
    return { state: tickets.state, title, openTicket, back };
  },
  template: `
    <main class="tickets-screen" :class="{ 'has-current': state.current || state.opening }" data-test="tickets-screen">
      <section class="tickets-list-pane" aria-labelledby="tickets-title">
        <h2 id="tickets-title" ref="title" class="pane-title" tabindex="-1">{{ t('tickets.title') }}</h2>
        <TicketList @open="openTicket" />
      </section>
      <section class="tickets-detail-pane" :aria-label="t('tickets.detail')">
        <p v-if="state.opening && !state.current" class="muted">{{ t('common.loading') }}</p>
        <p v-else-if="state.openError" class="error" role="alert"><span aria-hidden="true">&#9888;</span> {{ state.openError }}</p>
        <TicketDetail v-else-if="state.current" :key="state.current.id" @back="back" />
        <p v-else class="muted empty-state">{{ t('tickets.noneOpen') }}</p>
      </section>
    </main>
  `,
};
