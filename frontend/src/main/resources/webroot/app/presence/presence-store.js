// The operator's own status: chosen in the header, kept alive by a heartbeat every 15 s (the gateway
// shows a silent page as away after 32 s and turns it offline after 45 s), and carried in each
// heartbeat so that a gateway which lost presence (a Redis restart) gets it back without the operator
// doing anything. A page the phone suspended beats as soon as it runs again (visible, resumed, or its
// own timer firing late); the gateway then gives back the chosen status and says since when it was
// silent, which `onPaused` hears.
import { reactive } from 'vue';
import { PRESENCE_HEARTBEAT, PRESENCE_SET } from '/shared/addresses.js';
import { t } from '../messages/t.js';

export const STATUSES = [
  { value: 'online', label: 'status.online', hint: 'status.onlineHint' },
  { value: 'internal', label: 'status.internal', hint: 'status.internalHint' },
  { value: 'away', label: 'status.away', hint: 'status.awayHint' },
  { value: 'offline', label: 'status.offline', hint: 'status.offlineHint' },
];

const HEARTBEAT_MS = 15000;

export function createPresence({ me, connector, call, onPaused = () => {} }) {
  // `notice`: why the last change of status failed, until the operator dismisses it.
  const state = reactive({ status: 'offline', notice: '' });
  let timer = null;
  // Bumped by every change the operator makes, so a heartbeat answer that left before the change
  // cannot put the old status back.
  let version = 0;
  // Whether this page has spoken to the gateway (a heartbeat answered, a status set): a pause the
  // gateway remembers is this page's own only then. A fresh sign-in (another device, a reloaded tab) was not paused, whatever an
  // earlier page of the same operator did, and is told nothing of it.
  let beatenBefore = false;

  async function load() {
    try {
      const { operators } = await call('/api/presence');
      const mine = operators.find((o) => o.id === me.operator.id);
      if (mine && version === 0) state.status = mine.status;
    } catch (error) {
      // The selector keeps showing "Offline" until the operator picks a status.
    }
  }

  async function set(status) {
    if (status === state.status) return;
    const previous = state.status;
    version += 1;
    state.status = status;
    try {
      await connector.send(PRESENCE_SET, { status });
      beatenBefore = true;
    } catch (error) {
      state.status = previous;
      state.notice = t('status.notChanged');
    }
  }

  function beat() {
    if (connector.state !== 'connected') return;
    const sentAt = version;
    connector.send(PRESENCE_HEARTBEAT, { status: state.status }).then((reply) => {
      // Another window of the same operator may have changed it; the gateway's word is the truth.
      if (reply && reply.status && sentAt === version) state.status = reply.status;
      if (reply && reply.pausedSince && beatenBefore) onPaused({ since: reply.pausedSince, offlineMeanwhile: reply.offlineMeanwhile, status: reply.status });
      if (reply) beatenBefore = true;
    }, () => {
      // A missed beat is retried by the next one; three in a row and the gateway says offline.
    });
  }

  function dismissNotice() {
    state.notice = '';
  }

  // Back on screen, or thawed by the browser: say so now rather than at the next tick.
  function awake() {
    if (!document.hidden) beat();
  }

  function start() {
    load();
    timer = setInterval(beat, HEARTBEAT_MS);
    document.addEventListener('visibilitychange', awake);
    document.addEventListener('resume', awake);
  }

  function stop() {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', awake);
    document.removeEventListener('resume', awake);
  }

  /** Best effort on sign-out, so colleagues and patrons do not see a librarian who has left. */
  function goOffline() {
    version += 1;
    return Promise.race([
      connector.send(PRESENCE_SET, { status: 'offline' }).catch(() => {}),
      new Promise((resolve) => setTimeout(resolve, 1500)),
    ]);
  }

  return { state, start, stop, set, beat, goOffline, dismissNotice };
}
