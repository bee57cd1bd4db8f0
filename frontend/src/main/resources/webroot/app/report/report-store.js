// The reports screen's state: the filters, the figures the server last answered for them, how long
// they took to come, and the CSV downloads. The server computes every number; this only asks.
import { reactive } from 'vue';

/** The query string of the filters, as every report address takes it. */
export function reportQuery({ from, to, queue }) {
  const params = new URLSearchParams();
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  if (queue) params.set('queue', queue);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** `fetchText(path)` answers { text, filename } for a CSV; `save(name, text)` hands it to the browser. */
export function createReport({ call, fetchText, save, now = () => performance.now() }) {
  const state = reactive({
    filters: { from: '', to: '', queue: '' },
    report: null, loading: false, error: '',
    // Milliseconds from asking to having the figures, and the database's share of them.
    tookMs: null, queryMs: null,
    // Every queue seen in an answer for all queues, for the queue filter.
    queues: [],
    downloading: '', downloaded: '', downloadError: '',
  });
  let asked = 0;

  async function load() {
    const mine = ++asked;
    state.loading = true;
    state.error = '';
    const started = now();
    try {
      const report = await call(`/api/reports${reportQuery(state.filters)}`);
      if (mine !== asked) return;
      state.report = report;
      state.tookMs = Math.round(now() - started);
      state.queryMs = report.queryMillis;
      state.filters.from = report.from;
      state.filters.to = report.to;
      if (!report.queueId) {
        state.queues = report.figures.queues.map((q) => ({ id: q.queueId, name: q.queue }));
      }
    } catch (error) {
      if (mine === asked) state.error = error.message;
    } finally {
      if (mine === asked) state.loading = false;
    }
  }

  /** The address of a figure's CSV (or of the statistics entries) for the figures shown. */
  function csvPath(file) {
    const shown = state.report;
    const filters = shown ? { from: shown.from, to: shown.to, queue: shown.queueId || '' } : state.filters;
    return `/api/reports/${file}.csv${reportQuery(filters)}`;
  }

  async function download(file) {
    state.downloading = file;
    state.downloaded = '';
    state.downloadError = '';
    try {
      const { text, filename } = await fetchText(csvPath(file));
      save(filename || `${file}.csv`, text);
      state.downloaded = filename || `${file}.csv`;
    } catch (error) {
      state.downloadError = error.message;
    } finally {
      state.downloading = '';
    }
  }

  return { state, load, csvPath, download };
}
