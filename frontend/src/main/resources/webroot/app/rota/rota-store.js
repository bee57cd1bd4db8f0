// The rota as the desk needs it: my current shift (GET /api/rota/me/now, read each minute, after an
// admin changed the rota and after a reconnect) for the shift prompts, and, for the library's admins,
// the empty-shift alerts heard on the library's alerts address. The server decides the shift and its
// phase in the library's time zone; this store only decides which prompt the operator's status calls
// for, and remembers (per browser) the prompts they dismissed, by the shift occurrence's key.
import { reactive } from 'vue';
import { alerts as alertsAddress } from '/shared/addresses.js';

const DISMISSED_KEY = 'refdesk.operator.rota-dismissed';
// Dismissals older than this many are dropped: a key names one shift on one date and is never shown again.
const REMEMBERED = 50;
const POLL_MS = 60000;

/**
 * Which prompt stands: `start` while I am on shift and not online, `end` in the shift's last minutes
 * (and a little after) while I am still not offline; none once dismissed for that shift.
 */
export function shiftPrompt(now, status, dismissed) {
  if (!now || !now.current) return null;
  const key = now.current.key;
  if (now.phase === 'on' && status !== 'online' && !dismissed.includes(`start:${key}`)) {
    return { kind: 'start', shift: now.current };
  }
  if (now.phase === 'wrap-up' && status !== 'offline' && !dismissed.includes(`end:${key}`)) {
    return { kind: 'end', shift: now.current };
  }
  return null;
}

export function createRota({ connector, call, isAdmin, storage = window.localStorage, pollMs = POLL_MS }) {
  const state = reactive({
    now: null, dismissed: readDismissed(storage), missedCount: null, toRecordCount: null, emptyShifts: [], changes: 0,
  });
  let off = null;
  let timer = null;

  async function refresh() {
    try {
      state.now = await call('/api/rota/me/now');
    } catch (error) {
      // The last answer stands; the next minute asks again.
    }
  }

  /** The counts a prompt shows: missed chats since my last shift, or my statistics still to record. */
  async function loadCounts(kind) {
    try {
      if (kind === 'start') state.missedCount = (await call('/api/chats/missed?since=shift')).chats.length;
      else state.toRecordCount = (await call('/api/statistics/to-record')).count;
    } catch (error) {
      // The prompt stands without the count.
    }
  }

  function dismiss(kind, key) {
    const entry = `${kind}:${key}`;
    if (state.dismissed.includes(entry)) return;
    state.dismissed = [...state.dismissed, entry].slice(-REMEMBERED);
    try {
      storage.setItem(DISMISSED_KEY, JSON.stringify(state.dismissed));
    } catch (error) {
      // Private mode: the dismissal holds until the page is reloaded.
    }
  }

  function heard(event) {
    if (!event) return;
    if (event.type === 'rota-changed') {
      state.changes += 1;
      refresh();
    } else if (event.type === 'empty-shift' && event.audience === 'admins' && isAdmin()
      && !state.emptyShifts.some((alert) => alert.occurrence === event.occurrence)) {
      state.emptyShifts = [...state.emptyShifts, event];
    }
  }

  function dismissAlert(occurrence) {
    state.emptyShifts = state.emptyShifts.filter((alert) => alert.occurrence !== occurrence);
  }

  function start(libraryId) {
    off = connector.subscribe(alertsAddress(libraryId), heard);
    refresh();
    timer = setInterval(refresh, pollMs);
  }

  function stop() {
    if (off) off();
    off = null;
    clearInterval(timer);
  }

  return { state, start, stop, refresh, loadCounts, dismiss, heard, dismissAlert };
}

function readDismissed(storage) {
  try {
    const saved = JSON.parse(storage.getItem(DISMISSED_KEY) || '[]');
    return Array.isArray(saved) ? saved.filter((entry) => typeof entry === 'string') : [];
  } catch (error) {
    return [];
  }
}
