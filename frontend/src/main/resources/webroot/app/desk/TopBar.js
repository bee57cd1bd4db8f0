// The desk's header: who is signed in and in which state, what is happening in the library, whether
// the connection holds, the settings menu (alerts, canned messages, tags) and the way out.
import { computed } from 'vue';
import { useDesk } from './desk-store.js';
import StatusMenu from '../presence/StatusMenu.js';
import ToolsMenu from '../settings/ToolsMenu.js';

const CONNECTION_WORDS = {
  connected: 'Connected',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
  closed: 'Offline',
};

export default {
  components: { StatusMenu, ToolsMenu },
  setup() {
    const desk = useDesk();
    const { state, counters } = desk;
    const connection = computed(() => CONNECTION_WORDS[state.connection] || state.connection);
    const shown = (n) => (n === null ? '–' : n);
    return { state, counters, connection, shown, leave: desk.leave };
  },
  template: `
    <header class="topbar desk-top">
      <div class="brand-block">
        <span class="brand" aria-hidden="true">&#9742;</span>
        <h1 class="brand-name">Refdesk</h1>
        <span class="operator-name" data-test="operator-name">{{ state.me.operator.name }}</span>
      </div>
      <StatusMenu />
      <ul class="counters" aria-label="Chats in the library">
        <li data-test="counter-waiting"><span class="counter-label">Waiting</span> <span class="counter-value">{{ counters.waiting }}</span></li>
        <li data-test="counter-progress"><span class="counter-label">In progress</span> <span class="counter-value">{{ shown(counters.progress) }}</span></li>
        <li data-test="counter-mine"><span class="counter-label">Mine</span> <span class="counter-value">{{ shown(counters.mine) }}</span></li>
      </ul>
      <p class="connection" :class="'connection-' + state.connection" data-test="connection">
        <span class="dot" aria-hidden="true"></span>{{ connection }}
      </p>
      <div class="top-actions">
        <ToolsMenu />
        <button type="button" class="ghost" data-test="sign-out" @click="leave">Sign out</button>
      </div>
    </header>
  `,
};
