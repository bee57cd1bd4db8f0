// A search of the library's transcripts or tickets: the form, the page of results on screen, and
// what the filters offer (the library's queues, operators and tags). Created by the search screen
// and owned by it: nothing else reads or changes it.
import { reactive } from 'vue';
import { emptyForm, queryFor } from './search-query.js';

export function createSearch({ call }) {
  const state = reactive({
    kind: 'chats',
    form: emptyForm(),
    // The search whose results are shown: its kind and query string, so a page turn asks the same.
    shown: null,
    results: [], page: 1, pages: 0, total: 0, totalCapped: false,
    loading: false, error: '',
    choices: { queues: [], operators: [], tags: [] },
  });

  async function loadChoices() {
    try {
      state.choices = await call('/api/search/choices');
    } catch (error) {
      state.error = error.message;
    }
  }

  function setKind(kind) {
    state.kind = kind;
    state.shown = null;
    state.results = [];
    state.error = '';
  }

  /** Runs the form's search from its first page. */
  function search() {
    return run(state.kind, state.form, 1);
  }

  /** Another page of the search on screen. */
  function turnTo(page) {
    if (!state.shown || page < 1 || page > state.pages) return Promise.resolve();
    return run(state.shown.kind, state.shown.form, page);
  }

  async function run(kind, form, page) {
    state.loading = true;
    state.error = '';
    const query = queryFor(kind, form, page);
    try {
      const answer = await call(`/api/search/${kind}${query ? '?' + query : ''}`);
      state.shown = { kind, form: { ...form } };
      state.results = answer.results;
      state.page = answer.page;
      state.pages = answer.pages;
      state.total = answer.total;
      state.totalCapped = answer.totalCapped;
    } catch (error) {
      state.error = error.message;
    } finally {
      state.loading = false;
    }
  }

  return { state, loadChoices, setKind, search, turnTo };
}
