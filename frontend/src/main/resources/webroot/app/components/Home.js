import { ref, onMounted } from 'vue';
import { api } from '/shared/api.js';
import { session, signOut } from '../session.js';

export default {
  setup() {
    const me = ref(null);
    const error = ref('');

    onMounted(async () => {
      try {
        me.value = await api('/api/me', { token: session.token });
      } catch (e) {
        if (e.status === 401) {
          signOut();
        } else {
          error.value = e.message;
        }
      }
    });

    return { me, error, session, signOut };
  },
  template: `
    <section class="card" aria-labelledby="home-title">
      <h1 id="home-title">Hello, {{ session.operator.name }}</h1>
      <p v-if="error" class="error" role="alert"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
      <template v-if="me">
        <p>You are signed in to <strong>{{ me.library.name }}</strong> as {{ me.operator.role }}.</p>
        <h2>Queues you may monitor</h2>
        <ul class="queues">
          <li v-for="queue in me.queues" :key="queue.id">{{ queue.name }} <span class="muted">({{ queue.slug }})</span></li>
          <li v-if="me.queues.length === 0" class="muted">None yet: ask an admin to add you to a queue.</li>
        </ul>
      </template>
      <p v-else-if="!error" aria-live="polite">Loading…</p>
      <button type="button" class="secondary" @click="signOut">Sign out</button>
    </section>
  `,
};
