// The rota screen's state: the week on screen (from its Monday, in the library's calendar), the
// library's queues and operators for the admins' form, and the coverage beside the demand. Changes
// go to the gateway and the week is read again, so what is shown is what was stored.
import { reactive } from 'vue';

// The demand beside the coverage: chats that arrived in each hour over this many weeks.
export const DEMAND_WEEKS = 8;

/** "2026-03-02" moved by whole days, on the calendar (no time zone involved). */
export function addDays(iso, days) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * Coverage and demand as one row per hour with a cell per weekday (1 Monday … 7 Sunday):
 * `{ hour, cells: [{ weekday, rostered, arrivals, gap }] }`; a gap is an hour with chats and nobody.
 */
export function coverageRows(coverage, heatmap) {
  const arrivals = new Map((heatmap || []).map((c) => [`${c.weekday}:${c.hour}`, c.arrivals]));
  const rows = [];
  for (let hour = 0; hour < 24; hour++) {
    const cells = [];
    for (let weekday = 1; weekday <= 7; weekday++) {
      const cell = coverage.find((c) => c.weekday === weekday && c.hour === hour);
      const rostered = cell ? cell.rostered : 0;
      const demand = arrivals.get(`${weekday}:${hour}`) || 0;
      cells.push({ weekday, rostered, arrivals: demand, gap: rostered === 0 && demand > 0 });
    }
    rows.push({ hour, cells });
  }
  return rows;
}

export function createCalendar({ call }) {
  const state = reactive({
    from: null, today: null, timezone: '', days: [], choices: null, loading: false, error: '',
    coverage: null, heatmap: null, coverageError: '',
  });

  async function load(from = state.from) {
    state.loading = true;
    state.error = '';
    try {
      const answer = await call(from ? `/api/rota?from=${from}&days=7` : '/api/rota?days=7');
      Object.assign(state, { from: answer.from, today: answer.today, timezone: answer.timezone, days: answer.days, choices: answer.choices });
    } catch (error) {
      state.error = error.message;
    } finally {
      state.loading = false;
    }
  }

  const previousWeek = () => load(addDays(state.from, -7));
  const nextWeek = () => load(addDays(state.from, 7));
  const thisWeek = () => load(null);

  async function loadCoverage() {
    state.coverageError = '';
    try {
      const to = state.today;
      const [coverage, report] = await Promise.all([
        call(`/api/rota/coverage?from=${state.from}`),
        call(`/api/reports?from=${addDays(to, -7 * DEMAND_WEEKS + 1)}&to=${to}`),
      ]);
      state.coverage = coverage.cells;
      state.heatmap = report.figures.heatmap;
    } catch (error) {
      state.coverageError = error.message;
    }
  }

  /** Answers `{ok}` or `{error}` (the gateway's message); the week is read again after a change. */
  async function change(path, method, body) {
    try {
      await call(path, { method, body });
      await load();
      return { ok: true };
    } catch (error) {
      return { error };
    }
  }

  const saveShift = (id, shift) => change(id ? `/api/rota/shifts/${id}` : '/api/rota/shifts', id ? 'PUT' : 'POST', shift);
  const deleteShift = (id) => change(`/api/rota/shifts/${id}`, 'DELETE');
  const addException = (exception) => change('/api/rota/exceptions', 'POST', exception);
  const deleteException = (id) => change(`/api/rota/exceptions/${id}`, 'DELETE');

  return { state, load, previousWeek, nextWeek, thisWeek, loadCoverage, saveShift, deleteShift, addException, deleteException };
}
