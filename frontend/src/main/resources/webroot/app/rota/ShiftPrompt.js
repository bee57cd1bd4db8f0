// The shift prompts under the header: at my shift's start, while I am not online, "Your shift on
// <queue> starts now" with Go online and the count of missed chats since my last shift (the missed
// review opens itself once I am online); in its last minutes, "wrap up" with my open chats, my
// statistics still to record and Go offline. Each is dismissed for that shift only. A new prompt takes
// focus unless the operator is typing, when it is announced instead. Admins also see, here, each
// shift the gateway found running with nobody online on its queue.
import { computed, nextTick, ref, watch } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { isLibraryAdmin } from '../session/roles.js';
import { shiftPrompt } from './rota-store.js';
import { t } from '../messages/t.js';

const isTyping = (element) => element && (element.tagName === 'TEXTAREA' || element.tagName === 'INPUT'
  || element.tagName === 'SELECT' || element.isContentEditable);

export default {
  setup() {
    const desk = useDesk();
    const rota = desk.rota;
    const heading = ref(null);
    let returnTo = null;

    const prompt = computed(() => shiftPrompt(rota.state.now, desk.presence.state.status, rota.state.dismissed));
    const isAdmin = computed(() => isLibraryAdmin(desk.state.me.operator.role));
    const openChats = computed(() => desk.counters.mine);
    const title = computed(() => {
      const p = prompt.value;
      if (!p) return '';
      return p.kind === 'start'
        ? t('rota.startTitle', { queue: p.shift.queue.name })
        : t('rota.endTitle', { queue: p.shift.queue.name, time: p.shift.ends });
    });

    watch(() => prompt.value && `${prompt.value.kind}:${prompt.value.shift.key}`, async (now) => {
      if (!now) return;
      rota.loadCounts(prompt.value.kind);
      const active = document.activeElement;
      if (isTyping(active)) {
        desk.announce(title.value);
        return;
      }
      returnTo = active && active !== document.body ? active : null;
      await nextTick();
      if (heading.value) heading.value.focus();
    }, { immediate: true });

    async function putFocusBack() {
      await nextTick();
      const target = (returnTo && document.body.contains(returnTo) ? returnTo : null)
        || document.getElementById('missed-title') || document.getElementById('queue-title');
      returnTo = null;
      if (target) target.focus();
    }

    async function goOnline() {
      await desk.presence.set('online');
      putFocusBack();
    }

    async function goOffline() {
      await desk.presence.set('offline');
      putFocusBack();
    }

    function dismiss() {
      rota.dismiss(prompt.value.kind, prompt.value.shift.key);
      putFocusBack();
    }

    function recordStatistics() {
      desk.showScreen('to-record');
    }

    return {
      prompt, title, heading, isAdmin, openChats, rota: rota.state, goOnline, goOffline, dismiss, recordStatistics,
      dismissAlert: rota.dismissAlert,
    };
  },
  template: `
    <section v-if="prompt" class="shift-prompt" :class="'shift-prompt-' + prompt.kind" data-test="shift-prompt"
             :data-kind="prompt.kind" aria-labelledby="shift-prompt-title">
      <h2 id="shift-prompt-title" ref="heading" class="shift-prompt-title" tabindex="-1">{{ title }}</h2>
      <p class="shift-prompt-when">{{ t('rota.shiftTimes', { starts: prompt.shift.starts, ends: prompt.shift.ends }) }}</p>
      <template v-if="prompt.kind === 'start'">
        <p v-if="rota.missedCount !== null" data-test="shift-prompt-missed">{{ t('rota.missedSinceShift', { count: rota.missedCount }) }}</p>
        <div class="shift-prompt-actions">
          <button type="button" data-test="shift-go-online" @click="goOnline">{{ t('rota.goOnline') }}</button>
          <button type="button" class="secondary" data-test="shift-prompt-dismiss" @click="dismiss">{{ t('common.dismiss') }}</button>
        </div>
      </template>
      <template v-else>
        <ul class="shift-prompt-list">
          <li v-if="openChats !== null" data-test="shift-open-chats">{{ t('rota.openChats', { count: openChats }) }}</li>
          <li v-if="rota.toRecordCount !== null" data-test="shift-to-record">{{ t('rota.toRecord', { count: rota.toRecordCount }) }}
            <button v-if="rota.toRecordCount" type="button" class="link-button" data-test="shift-record" @click="recordStatistics">{{ t('rota.recordNow') }}</button></li>
        </ul>
        <div class="shift-prompt-actions">
          <button type="button" data-test="shift-go-offline" @click="goOffline">{{ t('rota.goOffline') }}</button>
          <button type="button" class="secondary" data-test="shift-prompt-dismiss" @click="dismiss">{{ t('common.dismiss') }}</button>
        </div>
      </template>
    </section>
    <template v-if="isAdmin">
      <p v-for="alert in rota.emptyShifts" :key="alert.occurrence" class="notice empty-shift" role="alert" data-test="empty-shift-alert">
        <span><span aria-hidden="true">&#9888;</span> {{ t('rota.emptyShift', { queue: alert.queue.name, name: alert.operator.name, starts: alert.starts, ends: alert.ends }) }}</span>
        <button type="button" class="link-button" @click="dismissAlert(alert.occurrence)">{{ t('common.dismiss') }}<span
          class="visually-hidden">{{ ' ' + t('rota.emptyShiftWhich', { queue: alert.queue.name }) }}</span></button>
      </p>
    </template>
  `,
};
