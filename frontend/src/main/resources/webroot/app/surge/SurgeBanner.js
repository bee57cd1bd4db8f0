// A colleague's (or the gateway's) call for help: who asks, how many chats wait and where, and the
// three things to do about it. Read out at once (role=alert); its buttons move focus where the work is.
import { computed, nextTick } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { t } from '../messages/t.js';

export default {
  setup() {
    const desk = useDesk();
    const surge = desk.surge.state;
    const page = computed(() => surge.page);
    const online = computed(() => desk.presence.state.status === 'online');

    const headline = computed(() => {
      const p = page.value;
      if (!p) return '';
      return p.automatic
        ? t('surge.bannerAutomatic', { arrived: p.arrived, minutes: p.minutes, count: p.waiting })
        : t('surge.bannerFrom', { name: p.from, count: p.waiting });
    });
    const where = computed(() => {
      const queues = (page.value && page.value.queues || []).filter((q) => q.waiting > 0);
      if (!queues.length) return '';
      return t('surge.bannerQueues', { list: queues.map((q) => t('surge.bannerQueue', { name: q.name, count: q.waiting })).join(', ') });
    });

    async function focus(selector) {
      await nextTick();
      const target = document.querySelector(selector);
      if (target) target.focus();
    }

    async function goOnline() {
      const going = desk.presence.set('online');
      focus('[data-test=surge-open-queue]');
      await going;
    }

    function openQueue() {
      desk.surge.dismissPage();
      desk.showPane('queue');
      focus('#queue-title');
    }

    function dismiss() {
      desk.surge.dismissPage();
      focus('#queue-title');
    }

    return { page, online, headline, where, goOnline, openQueue, dismiss };
  },
  template: `
    <div v-if="page" class="notice surge-banner" role="alert" data-test="surge-banner">
      <p class="surge-text">
        <span class="surge-mark" aria-hidden="true">&#9888;</span>{{ " " }}
        <strong>{{ t('surge.bannerLabel') }}</strong> {{ headline }} <span v-if="where">{{ where }}</span>
      </p>
      <div class="surge-actions">
        <button v-if="!online" type="button" class="primary-inline" data-test="surge-go-online" @click="goOnline">{{ t('surge.goOnline') }}</button>
        <button type="button" class="secondary" data-test="surge-open-queue" @click="openQueue">{{ t('surge.openQueue') }}</button>
        <button type="button" class="link-button" data-test="surge-dismiss" @click="dismiss">{{ t('common.dismiss') }}</button>
      </div>
    </div>
  `,
};
