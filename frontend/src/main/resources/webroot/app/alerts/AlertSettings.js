// How this operator wants to be alerted, saved to their account so it follows them to another desk:
// which sound and how loud, the patron's-reply sound, the louder repeat for overdue chats, the title flash and desktop
// notifications, plus the one place that asks for permission to show those: a button, never a prompt
// on load.
import { computed } from 'vue';
import { SOUNDS } from './alerts-store.js';
import { useDesk } from '../desk/desk-store.js';
import ModalDialog from '../ui/ModalDialog.js';

export default {
  components: { ModalDialog },
  emits: ['close'],
  setup() {
    const desk = useDesk();
    const alertSettings = desk.alerts.state;
    const permissionWords = computed(() => ({
      granted: 'Desktop notifications are allowed.',
      denied: 'Desktop notifications are blocked in this browser’s site settings.',
      default: 'Desktop notifications need your permission.',
      unsupported: 'This browser cannot show desktop notifications.',
    })[alertSettings.permission]);
    const percent = computed(() => `${Math.round(alertSettings.volume * 100)}%`);
    const status = computed(() => desk.settings.state);

    function testSound(loud) {
      desk.alerts.unlockAudio();
      desk.alerts.play({ loud });
    }

    function testMessageSound() {
      desk.alerts.unlockAudio();
      desk.alerts.play({ name: 'message' });
    }

    return {
      settings: alertSettings, choose: desk.alerts.choose, SOUNDS, permissionWords, percent, status, askNotificationPermission: desk.alerts.askPermission,
      testSound, testMessageSound,
    };
  },
  template: `
    <ModalDialog title="Alerts and sounds" test="alert-settings-panel" @close="$emit('close')">
      <form class="settings-form" @submit.prevent>
        <fieldset>
          <legend>When a new chat arrives</legend>
          <label class="check-row"><input type="checkbox" :checked="settings.sound" @change="choose('sound', $event.target.checked)" data-test="alert-sound"> Play a sound</label>
          <div class="field-row">
            <label for="alert-sound-name">Sound</label>
            <select id="alert-sound-name" :value="settings.soundName" @change="choose('soundName', $event.target.value)" data-test="alert-sound-name">
              <option v-for="s in SOUNDS" :key="s.value" :value="s.value">{{ s.label }}</option>
            </select>
          </div>
          <div class="field-row">
            <label for="alert-volume">Volume</label>
            <input id="alert-volume" type="range" min="0" max="1" step="0.05" :value="settings.volume"
                   @input="choose('volume', Number($event.target.value))"
                   data-test="alert-volume" :aria-valuetext="percent">
            <output for="alert-volume" class="volume-value">{{ percent }}</output>
          </div>
          <label class="check-row"><input type="checkbox" :checked="settings.titleFlash" @change="choose('titleFlash', $event.target.checked)" data-test="alert-title"> Flash the tab title</label>
          <label class="check-row"><input type="checkbox" :checked="settings.desktop" @change="choose('desktop', $event.target.checked)" data-test="alert-desktop"> Show a desktop notification</label>
        </fieldset>
        <fieldset>
          <legend>When a patron writes in one of your chats</legend>
          <label class="check-row"><input type="checkbox" :checked="settings.messageSound" @change="choose('messageSound', $event.target.checked)" data-test="alert-message-sound">
            Play a short high sound (not the new-chat sound) unless the chat is in front of you</label>
          <p class="muted small">The tab title and desktop notification follow the choices above.</p>
        </fieldset>
        <fieldset>
          <legend>When a chat is overdue</legend>
          <label class="check-row"><input type="checkbox" :checked="settings.escalationSound" @change="choose('escalationSound', $event.target.checked)" data-test="alert-escalation">
            Play a louder sound, again every 15 seconds</label>
        </fieldset>
        <p class="muted small">{{ permissionWords }}</p>
        <div class="button-row">
          <button v-if="settings.permission === 'default'" type="button" class="secondary" data-test="allow-notifications"
                  @click="askNotificationPermission">Allow desktop notifications</button>
          <button type="button" class="secondary" data-test="test-sound" @click="testSound(false)">Play the sound</button>
          <button type="button" class="secondary" @click="testSound(true)">Play the overdue sound</button>
          <button type="button" class="secondary" data-test="test-message-sound" @click="testMessageSound">Play the message sound</button>
        </div>
        <p class="save-state small" role="status" data-test="settings-status">
          <template v-if="status.error"><span aria-hidden="true">&#9888;</span> {{ status.error }}</template>
          <template v-else-if="status.saving">Saving…</template>
          <template v-else>Changes are saved to your account, so they follow you to any desk.</template>
        </p>
      </form>
    </ModalDialog>
  `,
};
