// The operator's working screen: header, then queues | chat | patron info. Wide screens show the three
// columns; narrow ones show one pane at a time, chosen with the pane switcher.
import { computed, nextTick, onMounted, onUnmounted } from 'vue';
import { provideDesk } from './desk-store.js';
import TopBar from './TopBar.js';
import QueuePanel from '../queues/QueuePanel.js';
import ChatPane from './ChatPane.js';
import PatronInfo from '../patron/PatronInfo.js';
import AwayBanner from '../presence/AwayBanner.js';
import EscalationNotice from '../alerts/EscalationNotice.js';
import MissedChats from '../missed/MissedChats.js';
import TicketsScreen from '../tickets/TicketsScreen.js';
import StaffChatPanel from '../staffchat/StaffChatPanel.js';
import HandoffAlerts from '../transfer/HandoffAlerts.js';
import ShiftPrompt from '../rota/ShiftPrompt.js';
import SurgeBanner from '../surge/SurgeBanner.js';
import PauseNotice from '../surge/PauseNotice.js';
import { screenNamed } from './screens.js';
import { t } from '../messages/t.js';

const PANES = [
  { name: 'queue', label: 'desk.paneQueue' },
  { name: 'chat', label: 'desk.paneChat' },
  { name: 'info', label: 'desk.panePatron' },
];

export default {
  components: { TopBar, QueuePanel, ChatPane, PatronInfo, AwayBanner, EscalationNotice, MissedChats, TicketsScreen, StaffChatPanel, HandoffAlerts,
    ShiftPrompt, SurgeBanner, PauseNotice,
  },
  props: {
    me: { type: Object, required: true },
    settings: { type: Object, required: true },
    library: { type: Object, default: null },
  },
  setup(props) {
    const desk = provideDesk(props);
    const { state, counters } = desk;

    const unread = computed(() => desk.chats.state.tabs.reduce((sum, tab) => sum + tab.unread, 0));
    // The first connection is not announced: it takes a moment on every load and nothing is lost meanwhile.
    const banner = computed(() => ({
      reconnecting: t('desk.bannerReconnecting'),
      offline: t('desk.bannerOffline'),
      closed: t('desk.bannerClosed'),
    })[state.connection] || '');

    function badge(name) {
      if (name === 'queue') return counters.waiting;
      if (name === 'chat') return unread.value;
      return 0;
    }

    // Skip links: past the header and the queue lists (a week of recent chats) straight to the work.
    async function skipTo(pane, id) {
      desk.showPane(pane);
      await nextTick();
      const target = document.getElementById(id);
      if (target) target.focus();
    }

    // A screen of the Records menu, when one is shown instead of the desk.
    const screen = computed(() => screenNamed(state.view));

    onMounted(desk.start);
    onUnmounted(desk.stop);

    return {
      state, screen, presence: desk.presence.state, staffPanel: desk.staffchat.state.panel, PANES, banner, badge, skipTo, showPane: desk.showPane, showTickets: desk.showTickets, dismissNotice: desk.presence.dismissNotice,
    };
  },
  template: `
    <div class="desk" :class="['show-' + state.pane, 'view-' + state.view, { wide: state.wide }]">
      <nav class="skip-links" :aria-label="t('desk.skipLinks')">
        <a href="#chat-pane" class="skip-link" data-test="skip-link" @click.prevent="skipTo('chat', 'chat-pane')">{{ t('desk.skipToChat') }}</a>
        <a href="#queue-title" class="skip-link" data-test="skip-queue" @click.prevent="skipTo('queue', 'queue-title')">{{ t('desk.skipToQueue') }}</a>
      </nav>
      <TopBar />
      <p v-if="banner" class="banner" role="status" data-test="connection-banner">
        <span aria-hidden="true">&#9888;</span> {{ banner }}
      </p>
      <p v-if="presence.notice" class="notice" role="alert">
        <span>{{ presence.notice }}</span>
        <button type="button" class="link-button" @click="dismissNotice">{{ t('common.dismiss') }}</button>
      </p>
      <AwayBanner />
      <ShiftPrompt />
      <PauseNotice />
      <SurgeBanner />
      <EscalationNotice />
      <MissedChats v-if="state.view === 'desk'" />
      <HandoffAlerts />
      <nav class="pane-switcher" :aria-label="t('desk.panes')">
        <button v-for="pane in PANES" :key="pane.name" type="button" :data-test="'show-' + pane.name"
                :aria-pressed="state.view === 'desk' && state.pane === pane.name ? 'true' : 'false'" @click="showPane(pane.name)">
          {{ t(pane.label) }}<span v-if="badge(pane.name)" class="badge">{{ badge(pane.name) }}<span
            class="visually-hidden">{{ ' ' + (pane.name === 'queue' ? t('desk.badgeWaiting') : t('desk.badgeUnread')) }}</span></span>
        </button>
        <button type="button" data-test="show-tickets" :aria-pressed="state.view === 'tickets' ? 'true' : 'false'" @click="showTickets">{{ t('tickets.title') }}</button>
      </nav>
      <TicketsScreen v-if="state.view === 'tickets'" />
      <component :is="screen.component" v-if="screen" />
      <main v-show="state.view === 'desk'" id="main" class="columns">
        <section class="pane pane-queue" data-test="pane-queue" aria-labelledby="queue-title">
          <QueuePanel />
        </section>
        <section id="chat-pane" class="pane pane-chat" data-test="pane-chat" :aria-label="t('desk.paneChat')" tabindex="-1">
          <ChatPane />
        </section>
        <aside class="pane pane-info" data-test="pane-info" aria-labelledby="info-title">
          <PatronInfo />
        </aside>
      </main>
      <StaffChatPanel v-if="staffPanel.open" />
      <div class="visually-hidden" aria-live="polite" data-test="announcer">{{ state.announcement }}</div>
    </div>
  `,
};
