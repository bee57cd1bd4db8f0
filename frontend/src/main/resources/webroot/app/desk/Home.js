// The signed-in screen's gate: who the operator is, which queues they chose to monitor and the
// library's thresholds must be known before the desk can subscribe to anything or start a timer.
// All three are read once per sign-in (and page load).
import { ref, onMounted } from 'vue';
import { api } from '/shared/api.js';
import { session, signOut } from '../session/session-store.js';
import Desk from './Desk.js';

export default {
  components: { Desk },
  setup() {
    const loaded = ref(null);
    const error = ref('');

    async function load() {
      error.value = '';
      const get = (path) => api(path, { token: session.token });
      try {
        const [me, settings] = await Promise.all([get('/api/me'), get('/api/me/settings')]);
        // The library's thresholds come with the operator, over the server's defaults.
        loaded.value = { me, settings, library: me.library.settings };
      } catch (e) {
        if (e.status === 401) signOut();
        else error.value = e.message;
      }
    }

    onMounted(load);
    return { loaded, error, load, signOut };
  },
  template: `
    <Desk v-if="loaded" :me="loaded.me" :settings="loaded.settings" :library="loaded.library" />
    <main v-else id="main" class="content">
      <section class="card" aria-labelledby="home-title">
        <h1 id="home-title">{{ t('home.opening') }}</h1>
        <template v-if="error">
          <p class="error" role="alert"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
          <button type="button" class="primary" @click="load">{{ t('common.tryAgain') }}</button>
          <button type="button" class="secondary" @click="signOut">{{ t('common.signOut') }}</button>
        </template>
        <p v-else aria-live="polite">{{ t('common.loading') }}</p>
      </section>
    </main>
  `,
};
