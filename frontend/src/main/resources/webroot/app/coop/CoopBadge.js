// A co-op queue's badge: the word "Co-op" and the co-op's name, so the colour is never the only sign.
export default {
  props: { name: { type: String, default: '' } },
  template: `
    <span class="coop-badge" data-test="coop-badge">{{ t('coop.badge') }}<span v-if="name" class="visually-hidden">: {{ name }}</span></span>
  `,
};
