import { createApp } from 'vue';
import App from './desk/App.js';
import { t } from './messages/t.js';

const app = createApp(App);
// Every template takes its words from the app's catalogue through t().
app.config.globalProperties.t = t;
app.mount('#app');
