// The operator's own settings, kept on the server so they follow the operator to another desk: which of
// their queues they monitor, and how they are alerted. Both go out together in one PUT (the server
// replaces both parts), one at a time, so a quick run of changes ends with the last one saved.
import { reactive, watch } from 'vue';
import { ALERT_DEFAULTS } from '../alerts/alert-choices.js';
import { alertChoices, alertSettings, applyAlertChoices } from '../alerts/alerts-store.js';
import { t } from '../messages/t.js';

// A volume slider moves in many small steps; one save when it settles is enough.
const SAVE_AFTER_MS = 600;

export function createSettings({ me, call, initial, onMonitoredChange }) {
  // `monitored`: the queue ids chosen, or null for "all of mine"; `saving`/`error`: the last save.
  const state = reactive({
    monitored: Array.isArray(initial.monitoredQueues) ? [...initial.monitoredQueues] : null, saving: false, error: '',
  });
  // An operator who has never saved alert choices on the server may still have made them on this desk,
  // when they lived in localStorage only: those are kept, and sent up once the desk starts.
  const serverHasAlerts = Boolean(initial.alerts) && Object.keys(initial.alerts).length > 0;
  if (serverHasAlerts) applyAlertChoices(initial.alerts);

  let timer = null;
  let inFlight = null;
  let again = false;
  let off = null;

  const isMonitored = (queueId) => state.monitored === null || state.monitored.includes(queueId);

  function body() {
    return { monitoredQueues: state.monitored, alerts: alertChoices(alertSettings) };
  }

  function save() {
    if (inFlight) {
      again = true;
      return inFlight;
    }
    Object.assign(state, { saving: true, error: '' });
    inFlight = (async () => {
      try {
        do {
          again = false;
          await call('/api/me/settings', { method: 'PUT', body: body() });
        } while (again);
        Object.assign(state, { saving: false, error: '' });
      } catch (error) {
        Object.assign(state, { saving: false, error: t('settings.notSaved', { reason: error.message }) });
        throw error;
      } finally {
        inFlight = null;
      }
    })();
    return inFlight;
  }

  function saveSoon() {
    clearTimeout(timer);
    timer = setTimeout(() => save().catch(() => {}), SAVE_AFTER_MS);
  }

  /**
   * Monitors exactly `ids` (of the queues the operator may monitor). Every queue ticked is saved as
   * null, "all of mine", so a queue an admin adds later is monitored too, as it was before any choice.
   */
  async function setMonitored(ids) {
    const mine = me.queues.map((q) => q.id);
    const chosen = mine.filter((id) => ids.includes(id));
    const previous = state.monitored;
    state.monitored = chosen.length === mine.length ? null : chosen;
    onMonitoredChange();
    try {
      await save();
    } catch (error) {
      state.monitored = previous;
      onMonitoredChange();
      throw error;
    }
  }

  function start() {
    off = watch(() => alertChoices(alertSettings), saveSoon);
    const cached = alertChoices(alertSettings);
    if (!serverHasAlerts && Object.keys(ALERT_DEFAULTS).some((name) => cached[name] !== ALERT_DEFAULTS[name])) saveSoon();
  }

  /** Sends a change still waiting for its debounce; called before signing out, while the token holds. */
  async function flush() {
    if (!timer) return;
    clearTimeout(timer);
    timer = null;
    await save().catch(() => {});
  }

  function stop() {
    if (off) off();
    clearTimeout(timer);
  }

  return { state, start, stop, flush, isMonitored, setMonitored };
}
