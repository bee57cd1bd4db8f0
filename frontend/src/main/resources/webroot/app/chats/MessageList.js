// A chat's stored events in seq order, then this operator's messages still on their way. Keeps the
// newest in view unless the operator has scrolled up to read, also when the list itself gets shorter
// (the dead-air nudge or the end panel appearing below or above it).
import { nextTick, onMounted, onUnmounted, ref, watch } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { clockTime } from '../ui/format.js';
import LinkedText from '../ui/LinkedText.js';
import FaqCard from '../faq/FaqCard.js';
import { eventLine } from '../transfer/event-line.js';
import { t } from '../messages/t.js';

export default {
  components: { LinkedText, FaqCard },
  props: { tab: { type: Object, required: true } },
  setup(props) {
    const desk = useDesk();
    const list = ref(null);
    const meId = desk.state.me.operator.id;
    const own = (event) => Boolean(event.from) && event.from.kind === 'operator' && event.from.id === meId;

    const line = (event) => eventLine(event, t);

    function nearBottom() {
      const el = list.value;
      return !el || el.scrollHeight - el.scrollTop - el.clientHeight < 80;
    }

    async function follow(force) {
      if (!force && !nearBottom()) return;
      await nextTick();
      if (list.value) list.value.scrollTop = list.value.scrollHeight;
    }

    // Whether the newest was in view before the list changed size; read on scroll, since a resize
    // is only seen after the browser has already cut the list short.
    let atBottom = true;
    let resized = null;

    function scrolled() {
      atBottom = nearBottom();
    }

    watch(() => props.tab.events.length + props.tab.pending.length, () => follow(false), { flush: 'pre' });
    onMounted(() => {
      follow(true);
      resized = new ResizeObserver(() => {
        if (atBottom && list.value) list.value.scrollTop = list.value.scrollHeight;
      });
      resized.observe(list.value);
    });
    onUnmounted(() => {
      if (resized) resized.disconnect();
    });

    return { list, own, line, clockTime, scrolled, retry: (item) => desk.chats.retry(props.tab, item) };
  },
  template: `
    <ol class="messages" ref="list" tabindex="0" :aria-label="t('chat.conversation')" data-test="messages" @scroll.passive="scrolled">
      <template v-for="event in tab.events" :key="event.seq">
        <li v-if="event.type === 'message'" class="message" :class="{ own: own(event), patron: event.from && event.from.kind === 'patron' }"
            data-test="message" :data-seq="event.seq">
          <span class="meta">
            <span class="sender">{{ own(event) ? t('chat.you') : (event.from && event.from.name) || t('common.guest') }}</span>
            <time :datetime="event.at">{{ clockTime(event.at) }}</time>
          </span>
          <p class="text"><FaqCard v-if="event.card && event.card.kind === 'faq'" :card="event.card" /><LinkedText v-else :text="event.text" /></p>
        </li>
        <li v-else class="event-line" :class="'event-' + event.type" data-test="event" :data-seq="event.seq">
          <span>{{ line(event) }}</span> <time :datetime="event.at">{{ clockTime(event.at) }}</time>
        </li>
      </template>
      <li v-for="item in tab.pending" :key="item.clientMsgId" class="message own pending" data-test="pending-message">
        <span class="meta"><span class="sender">{{ t('chat.you') }}</span></span>
        <p class="text"><LinkedText :text="item.text" /></p>
        <p v-if="!item.failed" class="delivery">{{ t('chat.sending') }}</p>
        <p v-else class="delivery failed" role="alert">
          <span aria-hidden="true">&#9888;</span> {{ t('chat.notSent') }} <span class="reason">({{ item.reason }})</span>
          <template v-if="!tab.ended"> — <button type="button" class="link-button" data-test="retry" @click="retry(item)">{{ t('chat.retry') }}</button></template>
        </p>
      </li>
    </ol>
  `,
};
