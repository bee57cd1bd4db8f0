// Away by itself: a librarian who has left the desk without saying so should not keep patrons waiting
// for an answer that will not come. After the library's awayAfterSeconds without a key, a click or the
// window coming back into focus, an Online or Internal status turns Away, and a banner says so with
// the way back. The last input is shared through localStorage, so one idle window does not set Away
// a librarian who is busy in another.
const KEY = 'refdesk.lastInput';
const CHECK_EVERY_MS = 10000;
// Writing to storage on every key would be wasteful; this precision is plenty for minutes.
const SHARE_EVERY_MS = 5000;
const EVENTS = ['keydown', 'pointerdown', 'focus'];

export function createAway({ state, setStatus }) {
  state.autoAway = null;
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
    const after = state.library.awayAfterSeconds * 1000;
    if (!['online', 'internal'].includes(state.status) || Date.now() - latestInput() < after) return;
    const previous = state.status;
    await setStatus('away');
    if (state.status === 'away') {
      state.autoAway = { previous, minutes: Math.round(state.library.awayAfterSeconds / 60) };
    }
  }

  /** The banner's button: back to the status the operator had before. */
  async function back() {
    const previous = state.autoAway ? state.autoAway.previous : 'online';
    state.autoAway = null;
    input();
    await setStatus(previous);
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

  return { start, stop, back, statusChanged };
}
