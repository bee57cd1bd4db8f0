// The Admin screen: a list of sections (what the caller's role may run), and the chosen one beside it
// (below it on a phone). Choosing a section moves focus to its heading, the first thing a screen
// reader should hear; each section's own heading is an h3 with tabindex="-1".
import { computed, nextTick, onMounted, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { sectionsFor } from './sections.js';

export default {
  setup() {
    const desk = useDesk();
    const sections = computed(() => sectionsFor(desk.state.me.operator.role));
    const chosen = ref(sections.value.length ? sections.value[0].key : null);
    const section = computed(() => sections.value.find((s) => s.key === chosen.value) || null);
    const title = ref(null);
    const body = ref(null);

    async function choose(key) {
      chosen.value = key;
      // The section's module may still be loading; its heading takes focus once it is there.
      for (let i = 0; i < 50; i++) {
        await nextTick();
        const heading = body.value && body.value.querySelector('h3');
        if (heading) {
          heading.focus();
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }

    onMounted(() => {
      if (title.value) title.value.focus();
    });

    return { sections, chosen, section, title, body, choose };
  },
  template: `
    <main class="admin-screen" data-test="admin-screen">
      <h2 ref="title" class="pane-title" tabindex="-1">{{ t('admin.title') }}</h2>
      <p v-if="!sections.length">{{ t('admin.nothing') }}</p>
      <div class="admin-layout">
        <nav class="admin-nav" :aria-label="t('admin.sections')">
          <ul>
            <li v-for="s in sections" :key="s.key">
              <button type="button" :data-test="s.test" :aria-current="chosen === s.key ? 'page' : null"
                      @click="choose(s.key)">{{ t(s.label) }}</button>
            </li>
          </ul>
        </nav>
        <div ref="body" class="admin-body">
          <component :is="section.component" v-if="section" :key="section.key" />
        </div>
      </div>
    </main>
  `,
};
