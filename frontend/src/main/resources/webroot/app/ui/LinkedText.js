// User text with its http(s) links clickable. Every part is rendered through interpolation, so the
// text can never become markup; linkify() decides which parts are links.
import { computed } from 'vue';
import { linkify } from '/shared/linkify.js';

export default {
  props: { text: { type: String, default: '' } },
  setup(props) {
    const parts = computed(() => linkify(props.text));
    return { parts };
  },
  template: `<span class="linked-text"><template v-for="(part, i) in parts" :key="i"><a v-if="part.href"
    :href="part.href" rel="noopener noreferrer" target="_blank">{{ part.text }}</a><template
    v-else>{{ part.text }}</template></template></span>`,
};
