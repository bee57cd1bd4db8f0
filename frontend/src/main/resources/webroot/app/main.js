import { createApp } from 'vue';
import App from './desk/App.js';

createApp(App).mount('#app');
