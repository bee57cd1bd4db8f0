import { createApp } from 'vue';
import App from './components/App.js';

createApp(App).mount('#app');
