// Ending a chat well: the panel asks for the chat's tags before the operator confirms. When the library
// requires a tag, Confirm stays disabled, saying why, until one is set; should the server still refuse
// (409 tag_required, e.g. a colleague removed the tag meanwhile), its words are shown here.
import { computed, nextTick, onMounted, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import TagInput from '../tags/TagInput.js';

export default {
  components: { TagInput },
  props: { tab: { type: Object, required: true } },
  emits: ['cancel', 'ended'],
  setup(props, { emit }) {
    const desk = useDesk();
    const ending = ref(false);
    const root = ref(null);
    const confirmButton = ref(null);
    const tags = computed(() => desk.tags.state.byChat[props.tab.chatId] || []);
    const needsTag = computed(() => desk.library.state.requireTag && tags.value.length === 0);
    const titleId = computed(() => `end-title-${props.tab.chatId}`);
    const tagNames = computed(() => tags.value.map((t) => t.name).join(', '));
    // The transcript can go to the patron only at an address the chat has.
    const patronEmail = computed(() => {
      const details = desk.chats.detailsOf(props.tab.chatId);
      return details && details.patron ? details.patron.email || null : null;
    });
    const sendTranscript = ref(false);

    async function end() {
      ending.value = true;
      // Asked for first: the gateway mails it once the chat has ended, and a refusal keeps the chat open.
      if (sendTranscript.value && patronEmail.value && !(await desk.chats.emailTranscript(props.tab))) {
        ending.value = false;
        return;
      }
      const done = await desk.chats.end(props.tab);
      ending.value = false;
      if (done) emit('ended');
      // Refused, most likely for a tag someone took off meanwhile: show the tags as they now are.
      else await desk.tags.loadFor(props.tab.chatId);
    }

    // Tags first when there are none yet: that is what the panel is asking for. They are read afresh,
    // since a colleague may have tagged the chat since it opened here.
    onMounted(async () => {
      await desk.tags.loadFor(props.tab.chatId);
      await nextTick();
      const input = root.value && root.value.querySelector('[data-test=tag-input]');
      if (tags.value.length === 0 && input) input.focus();
      else if (confirmButton.value) confirmButton.value.focus();
    });

    return { ending, root, confirmButton, needsTag, titleId, tagNames, patronEmail, sendTranscript, end };
  },
  template: `
    <div ref="root" class="end-panel" data-test="end-panel" role="group" :aria-labelledby="titleId" @keydown.esc="$emit('cancel')">
      <p :id="titleId" class="end-title">{{ t('end.question', { name: tab.patronName }) }}</p>
      <p class="muted small" data-test="end-words">
        <template v-if="tagNames">{{ t('end.tagged', { tags: tagNames }) }}</template>
        <template v-else>{{ t('end.tagFirst') }}</template></p>
      <TagInput :chat-id="tab.chatId" place="end" />
      <label v-if="patronEmail" class="check-row" data-test="end-transcript">
        <input type="checkbox" :checked="sendTranscript" @change="sendTranscript = $event.target.checked">
        {{ t('end.sendTranscript', { email: patronEmail }) }}</label>
      <p v-if="tab.error" class="error" role="alert" data-test="end-error"><span aria-hidden="true">&#9888;</span> {{ tab.error }}</p>
      <div class="button-row">
        <button ref="confirmButton" type="button" class="danger" data-test="confirm-end" :disabled="ending || needsTag"
                :aria-describedby="needsTag ? titleId + '-needs' : null" @click="end">
          {{ ending ? t('end.ending') : t('end.confirm') }}</button>
        <button type="button" class="secondary" data-test="keep-chatting" @click="$emit('cancel')">{{ t('end.keep') }}</button>
        <span v-if="needsTag" :id="titleId + '-needs'" class="needs-tag" data-test="needs-tag">{{ t('end.needsTag') }}</span>
      </div>
    </div>
  `,
};
