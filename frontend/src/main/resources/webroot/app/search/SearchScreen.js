// The search screen of the Records menu: the library's transcripts or its tickets searched by words
// and filters, a page of results with their snippets, and the pages. A chat result opens its
// read-only transcript; a ticket result opens the ticket in the tickets screen. After each search or
// page turn focus moves to the results' heading, which says how many were found.
import { nextTick, onMounted, ref } from 'vue';
import { useDesk } from '../desk/desk-store.js';
import TranscriptDialog from '../history/TranscriptDialog.js';
import { t } from '../messages/t.js';
import SearchForm from './SearchForm.js';
import SearchResults from './SearchResults.js';
import { createSearch } from './search-store.js';

export default {
  components: { SearchForm, SearchResults, TranscriptDialog },
  setup() {
    const desk = useDesk();
    const search = createSearch({ call: desk.call });
    const state = search.state;
    const title = ref(null);
    const found = ref(null);
    const reading = ref(null);
    let opener = null;

    async function focusResults() {
      await nextTick();
      if (found.value) found.value.focus();
    }

    async function submit() {
      await search.search();
      await focusResults();
    }

    async function turnTo(page) {
      await search.turnTo(page);
      await focusResults();
    }

    function setKind(kind) {
      search.setKind(kind);
    }

    function open(result) {
      if (result.ticketId) {
        desk.openTicket(result.ticketId);
        return;
      }
      opener = document.activeElement;
      reading.value = result;
    }

    async function closeTranscript() {
      reading.value = null;
      await nextTick();
      if (opener && opener.isConnected) opener.focus();
    }

    function foundWords() {
      if (!state.total) return t('search.noneFound');
      return state.totalCapped ? t('search.foundMany', { count: state.total }) : t('search.found', { count: state.total });
    }

    onMounted(() => {
      search.loadChoices();
      if (title.value) title.value.focus();
    });

    return { search, state, title, found, reading, submit, turnTo, setKind, open, closeTranscript, foundWords };
  },
  template: `
    <main class="search-screen" data-test="search-screen">
      <h2 id="search-title" ref="title" class="pane-title" tabindex="-1">{{ t('search.title') }}</h2>
      <fieldset class="search-kind">
        <legend>{{ t('search.kind') }}</legend>
        <label><input type="radio" name="search-kind" value="chats" data-test="search-kind-chats"
                      :checked="state.kind === 'chats'" @change="setKind('chats')"> {{ t('search.kindChats') }}</label>
        <label><input type="radio" name="search-kind" value="tickets" data-test="search-kind-tickets"
                      :checked="state.kind === 'tickets'" @change="setKind('tickets')"> {{ t('search.kindTickets') }}</label>
      </fieldset>
      <SearchForm :search="search" @submit="submit" />
      <p v-if="state.error" class="error" role="alert" data-test="search-error"><span aria-hidden="true">&#9888;</span> {{ state.error }}</p>
      <p class="visually-hidden" role="status">{{ state.loading ? t('common.loading') : '' }}</p>
      <section v-if="state.shown" class="search-found" aria-labelledby="search-found">
        <h3 id="search-found" ref="found" tabindex="-1" data-test="search-found">{{ foundWords() }}</h3>
        <SearchResults :search="search" @open="open" />
        <nav v-if="state.pages > 1" class="search-pages" :aria-label="t('search.pages')">
          <button type="button" data-test="search-previous" :disabled="state.page <= 1 || state.loading" @click="turnTo(state.page - 1)">{{ t('search.previous') }}</button>
          <span data-test="search-page">{{ t('search.page', { page: state.page, pages: state.pages }) }}</span>
          <button type="button" data-test="search-next" :disabled="state.page >= state.pages || state.loading" @click="turnTo(state.page + 1)">{{ t('search.next') }}</button>
        </nav>
      </section>
      <TranscriptDialog v-if="reading" :chat="reading" @close="closeTranscript" />
    </main>
  `,
};
