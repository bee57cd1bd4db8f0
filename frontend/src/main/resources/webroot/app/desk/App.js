import { session } from '../session/session-store.js';
import LoginForm from '../session/LoginForm.js';
import Home from './Home.js';

export default {
  components: { LoginForm, Home },
  setup() {
    return { session };
  },
  template: `
    <Home v-if="session.token" />
    <template v-else>
      <header class="topbar">
        <span class="brand" aria-hidden="true">&#9742;</span>
        <span class="brand-name">{{ t('app.name') }}</span>
      </header>
      <main id="main" class="content">
        <LoginForm />
      </main>
    </template>
  `,
};
