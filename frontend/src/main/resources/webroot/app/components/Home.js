// The signed-in screen's gate: who the operator is and which queues they monitor must be known before
// the desk can subscribe to anything.
import { ref, onMounted } from 'vue';
import { api } from '/shared/api.js';
import { session, signOut } from '../session.js';
import Desk from './Desk.js';

export default {
  components: { Desk },
  setup() {
    const me = ref(null);
    const error = ref('');

    async function load() {
      error.value = '';
      try {
        me.value = await api('/api/me', { token: session.token });
      } catch (e) {
        if (e.status === 401) signOut();
        else error.value = e.message;
      }
    }

    onMounted(load);
    return { me, error, load, signOut };
  },
  template: `
    <Desk v-if="me" :me="me" />
    <main v-else id="main" class="content">
      <section class="card" aria-labelledby="home-title">
        <h1 id="home-title">Opening your desk</h1>
        <template v-if="error">
          <p class="error" role="alert"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
          <button type="button" class="primary" @click="load">Try again</button>
          <button type="button" class="secondary" @click="signOut">Sign out</button>
        </template>
        <p v-else aria-live="polite">Loading…</p>
      </section>
    </main>
  `,
};
