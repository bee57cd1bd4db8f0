// An FAQ sent into a chat, as the operator sees it in the conversation: the question as a link to the
// library's public FAQ page, which opens in a new tab.
import { computed } from 'vue';
import { safeHref } from '/shared/linkify.js';

export default {
  props: { card: { type: Object, required: true } },
  setup(props) {
    const href = computed(() => safeHref(props.card.url));
    return { href };
  },
  template: `
    <span class="faq-card" data-test="faq-card">
      <span class="faq-card-kind">{{ t('faq.cardKind') }}</span>
      <a v-if="href" :href="href" target="_blank" rel="noopener noreferrer">{{ card.title }}<span class="visually-hidden">{{ ' ' + t('faq.newTab') }}</span></a>
      <template v-else>{{ card.title }}</template>
    </span>
  `,
};
