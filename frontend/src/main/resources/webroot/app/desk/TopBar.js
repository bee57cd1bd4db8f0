// The desk's header: who is signed in and in which state, what is happening in the library, whether
// the connection holds, the records menu (desk/screens.js), the settings menu (alerts, canned messages, tags) and the way out.
import { computed } from 'vue';
import { useDesk } from './desk-store.js';
import StatusMenu from '../presence/StatusMenu.js';
import ToolsMenu from '../settings/ToolsMenu.js';
import StaffChatButton from '../staffchat/StaffChatButton.js';
import ScreensMenu from './ScreensMenu.js';
import { t } from '../messages/t.js';

const CONNECTION_WORDS = {
  connected: 'connection.connected',
  connecting: 'connection.connecting',
  reconnecting: 'connection.reconnecting',
  offline: 'connection.offline',
  closed: 'connection.offline',
};

export default {
  components: { StatusMenu, ToolsMenu, StaffChatButton, ScreensMenu },
  setup() {
    const desk = useDesk();
    const { state, counters } = desk;
    const connection = computed(() => (CONNECTION_WORDS[state.connection] ? t(CONNECTION_WORDS[state.connection]) : state.connection));
    const shown = (n) => (n === null ? '–' : n);
    const toggleTickets = () => (state.view === 'tickets' ? desk.showPane(state.pane) : desk.showTickets());
    return { state, counters, connection, shown, toggleTickets, leave: desk.leave };
  },
  template: `
    <header class="topbar desk-top">
      <div class="brand-block">
        <span class="brand" aria-hidden="true">&#9742;</span>
        <h1 class="brand-name">{{ t('app.name') }}</h1>
        <span class="operator-name" data-test="operator-name">{{ state.me.operator.name }}</span>
      </div>
      <StatusMenu />
      <ul class="counters" :aria-label="t('counters.label')">
        <li data-test="counter-waiting"><span class="counter-label">{{ t('counters.waiting') }}</span> <span class="counter-value">{{ counters.waiting }}</span></li>
        <li data-test="counter-progress"><span class="counter-label">{{ t('counters.progress') }}</span> <span class="counter-value">{{ shown(counters.progress) }}</span></li>
        <li data-test="counter-mine"><span class="counter-label">{{ t('counters.mine') }}</span> <span class="counter-value">{{ shown(counters.mine) }}</span></li>
      </ul>
      <p class="connection" :class="'connection-' + state.connection" data-test="connection">
        <span class="dot" aria-hidden="true"></span>{{ connection }}
      </p>
      <div class="top-actions">
        <button type="button" class="ghost wide-only" data-test="toggle-tickets" :aria-pressed="state.view === 'tickets' ? 'true' : 'false'"
                @click="toggleTickets">{{ t('tickets.title') }}</button>
        <ScreensMenu />
        <StaffChatButton />
        <ToolsMenu />
        <button type="button" class="ghost" data-test="sign-out" @click="leave">{{ t('common.signOut') }}</button>
      </div>
    </header>
  `,
};
