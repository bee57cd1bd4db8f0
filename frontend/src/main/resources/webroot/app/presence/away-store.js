// Away by itself: a librarian who has left the desk without saying so should not keep patrons waiting
// for an answer that will not come. After the library's awayAfterSeconds without a key, a click or the
// window coming back into focus, an Online or Internal status turns Away, and a banner says so with
// the way back. The last input is shared through localStorage, so one idle window does not set Away
// a librarian who is busy in another.
import { reactive } from 'vue';

const KEY = 'refdesk.lastInput';
const CHECK_EVERY_MS = 10000;
// Writing to storage on every key would be wasteful; this precision is plenty for minutes.
const SHARE_EVERY_MS = 5000;
const EVENTS = ['keydown', 'pointerdown', 'focus'];

/** `presence` is the presence store (the status and the way to set it), `awayAfterSeconds()` the library's. */
export function createAway({ presence, awayAfterSeconds }) {
  // `autoAway`: { previous, minutes } while the status is Away because of silence, else null.
  const state = reactive({ autoAway: null });
  let lastInput = Date.now();
  let sharedAt = 0;
  let timer = null;

  function input() {
    lastInput = Date.now();
    if (lastInput - sharedAt < SHARE_EVERY_MS) return;
    sharedAt = lastInput;
    try {
      localStorage.setItem(KEY, String(lastInput));
    } catch (error) {
      // Without storage each window judges by its own input.
    }
  }

  function latestInput() {
    try {
      return Math.max(lastInput, Number(localStorage.getItem(KEY)) || 0);
    } catch (error) {
      return lastInput;
    }
  }

  async function check() {
    const seconds = awayAfterSeconds();
    const status = presence.state.status;
    if (!['online', 'internal'].includes(status) || Date.now() - latestInput() < seconds * 1000) return;
    await presence.set('away');
    if (presence.state.status === 'away') {
      state.autoAway = { previous: status, minutes: Math.round(seconds / 60) };
    }
  }

  /** The banner's button: back to the status the operator had before. */
  async function back() {
    const previous = state.autoAway ? state.autoAway.previous : 'online';
    state.autoAway = null;
    input();
    await presence.set(previous);
  }

  /** Any status the operator picks themselves replaces the automatic one, and its banner. */
  function statusChanged(status) {
    if (status !== 'away') state.autoAway = null;
  }

  function start() {
    for (const name of EVENTS) window.addEventListener(name, input, true);
    timer = setInterval(check, CHECK_EVERY_MS);
  }

  function stop() {
    for (const name of EVENTS) window.removeEventListener(name, input, true);
    clearInterval(timer);
  }

  return { state, start, stop, back, statusChanged };
}
