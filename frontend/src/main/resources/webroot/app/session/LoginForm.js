import { ref, onMounted } from 'vue';
import { api } from '/shared/api.js';
import { signIn } from './session-store.js';

export default {
  setup() {
    const username = ref('');
    const password = ref('');
    const error = ref('');
    const busy = ref(false);
    const usernameInput = ref(null);

    onMounted(() => usernameInput.value && usernameInput.value.focus());

    async function submit() {
      error.value = '';
      busy.value = true;
      try {
        const result = await api('/api/auth/login', {
          method: 'POST',
          body: { username: username.value, password: password.value },
        });
        password.value = '';
        signIn(result.token, result.operator);
      } catch (e) {
        error.value = e.message;
      } finally {
        busy.value = false;
      }
    }

    return { username, password, error, busy, usernameInput, submit };
  },
  template: `
    <section class="card login" aria-labelledby="login-title">
      <h1 id="login-title">{{ t('login.title') }}</h1>
      <form @submit.prevent="submit" novalidate>
        <label for="username">{{ t('login.username') }}</label>
        <input id="username" ref="usernameInput" v-model="username" name="username"
               autocomplete="username" autocapitalize="none" spellcheck="false" required>
        <label for="password">{{ t('login.password') }}</label>
        <input id="password" v-model="password" name="password" type="password"
               autocomplete="current-password" required>
        <p v-if="error" class="error" role="alert"><span aria-hidden="true">&#9888;</span> {{ error }}</p>
        <button type="submit" class="primary" :disabled="busy || !username || !password">
          {{ busy ? t('login.signingIn') : t('login.signIn') }}
        </button>
      </form>
    </section>
  `,
};
