// The library's own settings as an open app knows them: the thresholds and the required-tag rule, and
// (through tags.js) its list of tags. An admin's change is announced on the library's presence address
// (`library-changed`, saying what changed) and read again here, so nobody has to reload; since the bus
// may drop an announcement, both are read again after every reconnect too.
import { reactive } from 'vue';
import { alerts as alertsAddress } from '/shared/addresses.js';

// What the library's thresholds are until GET /api/library/settings says otherwise.
export const LIBRARY_DEFAULTS = Object.freeze({
  firstMinuteSeconds: 60, deadAirSeconds: 120, awayAfterSeconds: 900, requireTag: false,
});

/** `initial` is what GET /api/library/settings answered before the desk opened (or null). */
export function createLibrary({ connector, call, tags, initial }) {
  // The thresholds and rules themselves: firstMinuteSeconds, deadAirSeconds, awayAfterSeconds, requireTag.
  const state = reactive({ ...LIBRARY_DEFAULTS, ...(initial || {}) });
  let off = null;

  async function loadSettings() {
    try {
      Object.assign(state, await call('/api/library/settings'));
    } catch (error) {
      // The thresholds in use stay; the next change or reconnect reads them again.
    }
  }

  function heard(event) {
    if (!event || event.type !== 'library-changed') return;
    if (event.what === 'settings') loadSettings();
    else if (event.what === 'tags') tags.load();
  }

  /** After a break: announcements may have been lost while the socket was down. */
  function reload() {
    loadSettings();
    tags.load();
  }

  function start(libraryId) {
    off = connector.subscribe(alertsAddress(libraryId), heard);
  }

  function stop() {
    if (off) off();
    off = null;
  }

  return { state, start, stop, reload };
}
