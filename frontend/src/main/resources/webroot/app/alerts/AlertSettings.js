// How this operator wants to be alerted, saved to their account so it follows them to another desk:
// which sound and how loud, the patron's-reply sound, the louder repeat for overdue chats, the title flash and desktop
// notifications, plus the one place that asks for permission to show those: a button, never a prompt
// on load.
import { computed } from 'vue';
import { SOUNDS } from './alerts-store.js';
import { useDesk } from '../desk/desk-store.js';
import ModalDialog from '../ui/ModalDialog.js';
import { t } from '../messages/t.js';

export default {
  components: { ModalDialog },
  emits: ['close'],
  setup() {
    const desk = useDesk();
    const alertSettings = desk.alerts.state;
    const permissionWords = computed(() => ({
      granted: t('alerts.permissionGranted'),
      denied: t('alerts.permissionDenied'),
      default: t('alerts.permissionDefault'),
      unsupported: t('alerts.permissionUnsupported'),
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

    function testInternalSound() {
      desk.alerts.unlockAudio();
      desk.alerts.play({ name: 'internal' });
    }

    return {
      testInternalSound,
      settings: alertSettings, choose: desk.alerts.choose, SOUNDS, permissionWords, percent, status, askNotificationPermission: desk.alerts.askPermission,
      testSound, testMessageSound,
    };
  },
  template: `
    <ModalDialog :title="t('alerts.title')" test="alert-settings-panel" @close="$emit('close')">
      <form class="settings-form" @submit.prevent>
        <fieldset>
          <legend>{{ t('alerts.newChatLegend') }}</legend>
          <label class="check-row"><input type="checkbox" :checked="settings.sound" @change="choose('sound', $event.target.checked)" data-test="alert-sound"> {{ t('alerts.playSound') }}</label>
          <div class="field-row">
            <label for="alert-sound-name">{{ t('alerts.sound') }}</label>
            <select id="alert-sound-name" :value="settings.soundName" @change="choose('soundName', $event.target.value)" data-test="alert-sound-name">
              <option v-for="s in SOUNDS" :key="s.value" :value="s.value">{{ t(s.label) }}</option>
            </select>
          </div>
          <div class="field-row">
            <label for="alert-volume">{{ t('alerts.volume') }}</label>
            <input id="alert-volume" type="range" min="0" max="1" step="0.05" :value="settings.volume"
                   @input="choose('volume', Number($event.target.value))"
                   data-test="alert-volume" :aria-valuetext="percent">
            <output for="alert-volume" class="volume-value">{{ percent }}</output>
          </div>
          <label class="check-row"><input type="checkbox" :checked="settings.titleFlash" @change="choose('titleFlash', $event.target.checked)" data-test="alert-title"> {{ t('alerts.flashTab') }}</label>
          <label class="check-row"><input type="checkbox" :checked="settings.desktop" @change="choose('desktop', $event.target.checked)" data-test="alert-desktop"> {{ t('alerts.desktop') }}</label>
        </fieldset>
        <fieldset>
          <legend>{{ t('alerts.messageLegend') }}</legend>
          <label class="check-row"><input type="checkbox" :checked="settings.messageSound" @change="choose('messageSound', $event.target.checked)" data-test="alert-message-sound">
            {{ t('alerts.messageSound') }}</label>
          <p class="muted small">{{ t('alerts.messageFollows') }}</p>
        </fieldset>
        <fieldset>
          <legend>{{ t('staffchat.alertLegend') }}</legend>
          <label class="check-row"><input type="checkbox" :checked="settings.internalSound" @change="choose('internalSound', $event.target.checked)" data-test="alert-internal-sound">
            {{ t('staffchat.alertSound') }}</label>
          <button type="button" class="secondary" data-test="test-internal-sound" @click="testInternalSound">{{ t('staffchat.alertTest') }}</button>
        </fieldset>
        <fieldset>
          <legend>{{ t('alerts.overdueLegend') }}</legend>
          <label class="check-row"><input type="checkbox" :checked="settings.escalationSound" @change="choose('escalationSound', $event.target.checked)" data-test="alert-escalation">
            {{ t('alerts.overdueSound') }}</label>
        </fieldset>
        <fieldset>
          <legend>{{ t('surge.onCallLegend') }}</legend>
          <label class="check-row"><input type="checkbox" :checked="settings.onCall" @change="choose('onCall', $event.target.checked)" data-test="alert-on-call">
            {{ t('surge.onCall') }}</label>
        </fieldset>
        <p class="muted small">{{ permissionWords }}</p>
        <div class="button-row">
          <button v-if="settings.permission === 'default'" type="button" class="secondary" data-test="allow-notifications"
                  @click="askNotificationPermission">{{ t('alerts.allow') }}</button>
          <button type="button" class="secondary" data-test="test-sound" @click="testSound(false)">{{ t('alerts.testSound') }}</button>
          <button type="button" class="secondary" @click="testSound(true)">{{ t('alerts.testOverdue') }}</button>
          <button type="button" class="secondary" data-test="test-message-sound" @click="testMessageSound">{{ t('alerts.testMessage') }}</button>
        </div>
        <p class="save-state small" role="status" data-test="settings-status">
          <template v-if="status.error"><span aria-hidden="true">&#9888;</span> {{ status.error }}</template>
          <template v-else-if="status.saving">{{ t('common.saving') }}</template>
          <template v-else>{{ t('alerts.savedToAccount') }}</template>
        </p>
      </form>
    </ModalDialog>
  `,
};
