// The three new-chat alerts, each switchable, plus the one place that asks for permission to show
// desktop notifications: a button the operator presses, never a prompt on load.
import { computed, onMounted, onUnmounted, ref } from 'vue';
import { alertSettings, askNotificationPermission } from '../alerts.js';
import { useDesk } from '../desk.js';

export default {
  setup() {
    const desk = useDesk();
    const open = ref(false);
    const root = ref(null);
    const toggle = ref(null);

    const permissionWords = computed(() => ({
      granted: 'Desktop notifications are allowed.',
      denied: 'Desktop notifications are blocked in this browser’s site settings.',
      default: 'Desktop notifications need your permission.',
      unsupported: 'This browser cannot show desktop notifications.',
    })[alertSettings.permission]);

    function testSound() {
      desk.alerts.unlockAudio();
      desk.alerts.chime();
    }

    function close(refocus) {
      if (!open.value) return;
      open.value = false;
      if (refocus && toggle.value) toggle.value.focus();
    }

    function onOutside(event) {
      if (root.value && !root.value.contains(event.target)) close(false);
    }

    onMounted(() => document.addEventListener('pointerdown', onOutside));
    onUnmounted(() => document.removeEventListener('pointerdown', onOutside));

    return { settings: alertSettings, open, root, toggle, permissionWords, askNotificationPermission, testSound, close };
  },
  template: `
    <div class="settings-menu" ref="root" @keydown.esc="close(true)">
      <button ref="toggle" type="button" class="ghost" data-test="alert-settings" aria-controls="alert-settings-panel"
              :aria-expanded="open ? 'true' : 'false'" @click="open = !open">
        Alerts
      </button>
      <div v-if="open" id="alert-settings-panel" class="menu settings-panel">
        <fieldset>
          <legend>When a new chat arrives</legend>
          <label class="check-row"><input type="checkbox" v-model="settings.sound" data-test="alert-sound"> Play a sound</label>
          <label class="check-row"><input type="checkbox" v-model="settings.title" data-test="alert-title"> Flash the tab title</label>
          <label class="check-row"><input type="checkbox" v-model="settings.desktop" data-test="alert-desktop"> Show a desktop notification</label>
        </fieldset>
        <p class="muted small">{{ permissionWords }}</p>
        <button v-if="settings.permission === 'default'" type="button" class="secondary" data-test="allow-notifications"
                @click="askNotificationPermission">Allow desktop notifications</button>
        <button type="button" class="secondary" @click="testSound">Play the sound now</button>
      </div>
    </div>
  `,
};
