// "Who's online": each enabled operator of the library with their status in words, the chats in their
// hands (of their capacity), their last heartbeat and a scheduled sign-off. Read again every 15 s
// while open, and at once with the Refresh button.
import { onMounted, onUnmounted, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { createAdminApi } from './admin-api.js';
import { t } from '../messages/t.js';

export const REFRESH_MS = 15000;

const STATUS_WORDS = {
  online: 'status.online', internal: 'status.internal', away: 'status.away', offline: 'status.offline',
};

export default {
  setup() {
    const admin = createAdminApi({ call: useDesk().call });
    const operators = ref(null);
    const error = ref('');
    const readAt = ref(null);
    let timer = null;

    async function reload() {
      try {
        operators.value = await admin.online();
        readAt.value = new Date();
        error.value = '';
      } catch (e) {
        error.value = e.message;
      }
    }

    const time = (iso) => (iso ? new Date(iso).toLocaleTimeString() : t('adminOnline.never'));
    const chats = (o) => (o.maxChats == null ? String(o.chats) : t('adminOnline.chatsOf', { count: o.chats, max: o.maxChats }));

    onMounted(() => {
      reload();
      timer = setInterval(reload, REFRESH_MS);
    });
    onUnmounted(() => clearInterval(timer));
    return { operators, error, readAt, reload, time, chats, STATUS_WORDS };
  },
  template: `
    <section class="admin-section" aria-labelledby="admin-online-title" data-test="admin-online">
      <h3 id="admin-online-title" tabindex="-1">{{ t('adminOnline.title') }}</h3>
      <p class="hint">{{ t('adminOnline.hint') }}
        <button type="button" @click="reload" data-test="online-refresh">{{ t('adminOnline.refresh') }}</button></p>
      <p v-if="error" class="error" role="alert"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
      <p v-if="operators === null">{{ t('common.loading') }}</p>
      <div v-else class="table-scroll" tabindex="0" role="region" :aria-label="t('adminOnline.title')">
        <table>
          <thead><tr>
            <th scope="col">{{ t('adminOnline.name') }}</th>
            <th scope="col">{{ t('adminOnline.status') }}</th>
            <th scope="col">{{ t('adminOnline.chats') }}</th>
            <th scope="col">{{ t('adminOnline.heartbeat') }}</th>
            <th scope="col">{{ t('adminOnline.signOff') }}</th>
          </tr></thead>
          <tbody>
            <tr v-for="o in operators" :key="o.id" data-test="online-row">
              <th scope="row">{{ o.name }}</th>
              <td><span :class="'dot dot-' + o.status" aria-hidden="true"></span> {{ t(STATUS_WORDS[o.status] || 'status.offline') }}</td>
              <td>{{ chats(o) }}</td>
              <td>{{ o.signedIn ? time(o.lastHeartbeat) : t('adminOnline.notSignedIn') }}</td>
              <td>{{ o.signOffAt ? time(o.signOffAt) : '—' }}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  `,
};
