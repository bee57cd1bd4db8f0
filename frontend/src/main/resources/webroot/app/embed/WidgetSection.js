// Admin → Widget: the sites that may show the library's chat (add, remove), and for each queue the
// snippet of each placement in a read-only box with a Copy button. A snippet works only on a site
// listed here (or in the installation's own list).
import { nextTick, onMounted, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import { createEmbed } from './embed-store.js';
import { t } from '../messages/t.js';

// Each placement's name and what it does, in the order the gateway lists them.
const PLACEMENT_WORDS = {
  floating: () => ({ name: t('embed.placementFloating'), about: t('embed.aboutFloating') }),
  tab: () => ({ name: t('embed.placementTab'), about: t('embed.aboutTab') }),
  embedded: () => ({ name: t('embed.placementEmbedded'), about: t('embed.aboutEmbedded') }),
  popout: () => ({ name: t('embed.placementPopout'), about: t('embed.aboutPopout') }),
  link: () => ({ name: t('embed.placementLink'), about: t('embed.aboutLink') }),
};
const wordsOf = (placement) => (PLACEMENT_WORDS[placement.placement] || (() => ({ name: placement.placement, about: '' })))();

export default {
  setup() {
    const desk = useDesk();
    const embed = createEmbed({ call: desk.call });
    const typed = ref('');
    const busy = ref(false);
    const problem = ref('');
    const said = ref('');
    const field = ref(null);
    const heading = ref(null);

    onMounted(embed.load);

    async function add() {
      if (!typed.value.trim()) {
        problem.value = t('embed.originMissing');
        field.value.focus();
        return;
      }
      busy.value = true;
      problem.value = '';
      said.value = '';
      try {
        const origin = await embed.add(typed.value);
        typed.value = '';
        said.value = t('embed.added', { origin });
      } catch (e) {
        problem.value = e.message;
      } finally {
        busy.value = false;
      }
      await nextTick();
      field.value.focus();
    }

    async function remove(origin) {
      busy.value = true;
      problem.value = '';
      said.value = '';
      try {
        await embed.remove(origin);
        said.value = t('embed.removed', { origin });
      } catch (e) {
        problem.value = e.message;
      } finally {
        busy.value = false;
      }
      await nextTick();
      field.value.focus();
    }

    async function copy(queue, placement, event) {
      const box = document.getElementById(boxId(queue, placement));
      const name = wordsOf(placement).name;
      try {
        await navigator.clipboard.writeText(placement.snippet);
      } catch (e) {
        // Without clipboard access (an insecure origin, a denied permission) the text is selected
        // for the admin to copy by hand.
        box.focus();
        box.select();
        said.value = t('embed.selected', { placement: name, queue: queue.name });
        return;
      }
      said.value = '';
      await nextTick();
      said.value = t('embed.copied', { placement: name, queue: queue.name });
      event.currentTarget && event.currentTarget.focus && event.currentTarget.focus();
    }

    const boxId = (queue, placement) => `snippet-${queue.slug}-${placement.placement}`;

    return { state: embed.state, typed, busy, problem, said, field, heading, add, remove, copy, boxId, wordsOf };
  },
  template: `
    <section class="embed-section" data-test="embed-section" aria-labelledby="embed-title">
      <h3 id="embed-title" ref="heading" tabindex="-1">{{ t('embed.title') }}</h3>
      <p role="status" class="embed-said" data-test="embed-said">{{ said }}</p>
      <p v-if="state.error" role="alert" class="embed-problem">{{ state.error }}</p>

      <h4>{{ t('embed.sitesTitle') }}</h4>
      <p class="embed-hint">{{ t('embed.sitesHint') }}</p>
      <p v-if="state.sites && !state.sites.length" data-test="embed-no-sites">{{ t('embed.noSites') }}</p>
      <ul v-if="state.sites && state.sites.length" class="embed-sites" data-test="embed-sites">
        <li v-for="site in state.sites" :key="site.origin">
          <span class="embed-origin">{{ site.origin }}</span>
          <button type="button" :disabled="busy" :data-test="'embed-remove-' + site.origin"
                  :aria-label="t('embed.removeSite', { origin: site.origin })" @click="remove(site.origin)">{{ t('embed.remove') }}</button>
        </li>
      </ul>
      <form class="embed-add" @submit.prevent="add">
        <label for="embed-origin">{{ t('embed.originLabel') }}</label>
        <div class="embed-add-row">
          <input id="embed-origin" ref="field" v-model="typed" type="url" inputmode="url" autocomplete="off"
                 :placeholder="t('embed.originPlaceholder')" data-test="embed-origin"
                 :aria-invalid="problem ? 'true' : null" :aria-describedby="problem ? 'embed-problem' : 'embed-limit'">
          <button type="submit" :disabled="busy" data-test="embed-add">{{ t('embed.add') }}</button>
        </div>
        <p v-if="problem" id="embed-problem" class="embed-problem" role="alert" data-test="embed-problem">{{ problem }}</p>
        <p v-else-if="state.limit" id="embed-limit" class="embed-hint">{{ t('embed.limit', { limit: state.limit }) }}</p>
      </form>

      <h4>{{ t('embed.snippetsTitle') }}</h4>
      <p class="embed-hint">{{ t('embed.snippetsHint') }}</p>
      <p v-if="state.queues && !state.queues.length">{{ t('embed.noQueues') }}</p>
      <div v-for="queue in state.queues || []" :key="queue.slug" class="embed-queue" :data-test="'embed-queue-' + queue.slug">
        <h5>{{ t('embed.queueTitle', { queue: queue.name, slug: queue.slug }) }}</h5>
        <div v-for="placement in queue.placements" :key="placement.placement" class="embed-snippet">
          <label :for="boxId(queue, placement)">{{ wordsOf(placement).name }}</label>
          <p class="embed-hint">{{ wordsOf(placement).about }}</p>
          <textarea :id="boxId(queue, placement)" readonly rows="4" spellcheck="false"
                    :data-test="'embed-snippet-' + queue.slug + '-' + placement.placement" :value="placement.snippet"></textarea>
          <button type="button" :data-test="'embed-copy-' + queue.slug + '-' + placement.placement"
                  :aria-label="t('embed.copyLabel', { placement: wordsOf(placement).name, queue: queue.name })"
                  @click="copy(queue, placement, $event)">{{ t('embed.copy') }}</button>
        </div>
      </div>
    </section>
  `,
};
