// Calls for help. The operator's own call (the swamped button: what it sent, or why not), the calls
// heard from colleagues and from the gateway on this operator's own address, and the notice after a
// phone paused the page: how long, what colleagues saw and how many chats arrived meanwhile. The page
// of a call rings the operator's chosen sound, if they chose sounds.
import { reactive } from 'vue';
import { operator as operatorAddress } from '/shared/addresses.js';
import { pauseLength } from './pause-words.js';

export function createSurge({ me, connector, call, alerts, now }) {
  const state = reactive({
    // The last call for help heard: { from, automatic, waiting, queues, arrived, minutes, at }.
    page: null,
    sending: false,
    // This operator's own call: { paged, waiting, at } once sent, or the refusal { code, message, details }.
    sent: null,
    refused: null,
    // After a pause: { length: { key, count }, offlineMeanwhile, arrived, status }.
    paused: null,
  });
  const offs = [];
  let pauses = 0;

  function start() {
    offs.push(connector.subscribe(operatorAddress(me.operator.id), heard));
  }

  function stop() {
    for (const off of offs.splice(0)) off();
  }

  function heard(message) {
    if (!message || message.type !== 'surge') return;
    state.page = message;
    if (alerts.state.sound) alerts.play({ loud: true });
  }

  async function callForHelp() {
    state.sending = true;
    state.refused = null;
    try {
      state.sent = await call('/api/surge', { method: 'POST', body: {} });
    } catch (error) {
      state.sent = null;
      state.refused = { code: error.code, message: error.message, details: error.details || {} };
    } finally {
      state.sending = false;
    }
  }

  function dismissPage() {
    state.page = null;
  }

  function dismissSent() {
    state.sent = null;
    state.refused = null;
  }

  /** The heartbeat after a pause said since when the page was silent. */
  async function resumed({ since, offlineMeanwhile, status }) {
    const pause = ++pauses;
    state.paused = { length: pauseLength(Date.parse(since), now()), offlineMeanwhile: Boolean(offlineMeanwhile), arrived: null, status };
    try {
      const { arrived } = await call(`/api/surge/arrivals?since=${encodeURIComponent(since)}`);
      // A later pause, or a dismissal, has its own notice by now.
      if (pause === pauses && state.paused) state.paused.arrived = arrived;
    } catch (error) {
      // The notice stands without the count; the queue shows what is waiting.
    }
  }

  function dismissPaused() {
    pauses += 1;
    state.paused = null;
  }

  return { state, start, stop, heard, callForHelp, dismissPage, dismissSent, resumed, dismissPaused };
}
