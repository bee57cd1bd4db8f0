// The library's own settings as an open app knows them: the thresholds and the required-tag rule, and
// (through tags.js) its list of tags. An admin's change is announced on the library's alerts address
// (`library-changed`, saying what changed) and read again here, so nobody has to reload; since the bus
// may drop an announcement, both are read again after every reconnect too.
import { reactive } from 'vue';
import { alerts as alertsAddress } from '/shared/addresses.js';

/**
 * `initial` is the library's settings as GET /api/me gave them, the server's defaults filled in: the
 * defaults are declared once, on the server, and no number is written here.
 */
export function createLibrary({ connector, call, tags, initial }) {
  // The thresholds and rules themselves: firstMinuteSeconds, deadAirSeconds, awayAfterSeconds, requireTag.
  const state = reactive({ ...initial });
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
