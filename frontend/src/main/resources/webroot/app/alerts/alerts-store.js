// How a chat gets the operator's attention when they are looking elsewhere: a sound, a flashing tab
// title and a desktop notification, and for a chat nobody has answered in its first minute a louder
// sound again every 15 s. A patron's reply in a chat the operator is answering has a sound of its own
// (short and high, so it is never taken for a new chat), and a colleague's message in staff chat another
// (low and falling). The choices are the operator's own and live on the server (the settings
// store saves them), so they follow the operator to another desk; localStorage only caches them so the
// first alert after a reload does not wait for the network.
import { reactive, watch } from 'vue';
import { ALERT_DEFAULTS, alertChoices } from './alert-choices.js';
import { t } from '../messages/t.js';

export { SOUNDS, alertChoices } from './alert-choices.js';

const KEY = 'refdesk.alerts';
const BASE_TITLE = t('app.name');

export const alertSettings = reactive({ ...ALERT_DEFAULTS, ...loadCached(), permission: currentPermission() });

watch(alertSettings, (value) => {
  try {
    localStorage.setItem(KEY, JSON.stringify(alertChoices(value)));
  } catch (error) {
    // Storage full or blocked: the choice still holds for this page, and the server keeps it.
  }
});

/** One of the operator's choices, made in the settings dialog; an unknown name or impossible value changes nothing. */
export function chooseAlert(name, value) {
  if (name in ALERT_DEFAULTS && alertChoices({ [name]: value })[name] === value) alertSettings[name] = value;
}

/** Takes the server's choices; what it has never stored keeps its default. */
export function applyAlertChoices(saved) {
  Object.assign(alertSettings, alertChoices(saved));
}

function loadCached() {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) || '{}');
    // Before the settings moved to the server, the title flash was cached as `title`.
    if (typeof saved.title === 'boolean' && typeof saved.titleFlash !== 'boolean') saved.titleFlash = saved.title;
    return alertChoices(saved);
  } catch (error) {
    localStorage.removeItem(KEY);
    return {};
  }
}

function currentPermission() {
  return typeof Notification === 'function' ? Notification.permission : 'unsupported';
}

/** Asked from a button: browsers (rightly) ignore or punish permission prompts shown on load. */
export async function askNotificationPermission() {
  if (typeof Notification !== 'function') return;
  alertSettings.permission = await Notification.requestPermission();
}

// Each sound as tones: [start offset s, frequency Hz, length s, waveform, share of the peak].
const TONES = {
  chime: [[0, 880, 0.3, 'sine', 1], [0.16, 1320, 0.3, 'sine', 1]],
  bell: [[0, 660, 1.2, 'sine', 1], [0, 1320, 0.8, 'sine', 0.45], [0, 1980, 0.5, 'sine', 0.2]],
  beep: [[0, 1000, 0.12, 'square', 0.5], [0.2, 1000, 0.12, 'square', 0.5]],
};
// Not one of the choices for new chats: it must always sound unlike them.
const MESSAGE_TONES = [[0, 1568, 0.09, 'triangle', 0.7], [0.1, 2093, 0.14, 'triangle', 0.7]];
// A colleague's message in staff chat: low and soft, falling, so it is never taken for a patron.
const INTERNAL_TONES = [[0, 587, 0.16, 'sine', 0.6], [0.14, 440, 0.22, 'sine', 0.6]];
const NAMED_TONES = { message: MESSAGE_TONES, internal: INTERNAL_TONES };

export function createAlerts() {
  let audio = null;
  let flashTimer = null;
  let flashWords = '';
  let unseen = 0;

  // Browsers keep audio locked until the person has interacted with the page; the first key or click
  // prepares it so the first new chat can be heard.
  function unlockAudio() {
    if (!audio && typeof AudioContext === 'function') audio = new AudioContext();
    if (audio && audio.state === 'suspended') audio.resume().catch(() => {});
  }

  /** Plays the chosen sound; `loud` (overdue chats) plays it twice, nearly twice as loud. */
  function play({ name = alertSettings.soundName, volume = alertSettings.volume, loud = false } = {}) {
    // After the sign-in click the page may already play sound; after a reload it waits for a gesture.
    unlockAudio();
    if (!audio || audio.state !== 'running' || volume <= 0) return;
    const peak = Math.min(0.9, 0.35 * volume * (loud ? 1.9 : 1));
    const rounds = loud ? [0, 0.7] : [0];
    for (const round of rounds) {
      for (const [offset, frequency, length, type, share] of (NAMED_TONES[name] || TONES[name]) || TONES.chime) {
        tone(audio.currentTime + 0.01 + round + offset, frequency, length, type, Math.max(0.0002, peak * share));
      }
    }
  }

  function tone(start, frequency, length, type, peak) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = type;
    osc.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(peak, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + length);
    osc.connect(gain).connect(audio.destination);
    osc.start(start);
    osc.stop(start + length + 0.02);
  }

  function flashTitle(words) {
    flashWords = words;
    if (flashTimer) return;
    let on = false;
    const flip = () => {
      on = !on;
      document.title = on ? t('alerts.flashTitle', { words: flashWords, app: BASE_TITLE }) : BASE_TITLE;
    };
    flip();
    flashTimer = setInterval(flip, 1000);
  }

  function stopFlashing() {
    clearInterval(flashTimer);
    flashTimer = null;
    unseen = 0;
    document.title = BASE_TITLE;
  }

  function notify(title, body, tag) {
    if (currentPermission() !== 'granted') return;
    try {
      const note = new Notification(title, { body, tag, renotify: true });
      note.onclick = () => {
        window.focus();
        note.close();
      };
    } catch (error) {
      // Some browsers allow notifications only from a service worker; the other alerts still ring.
    }
  }

  const lookingElsewhere = () => document.hidden || !document.hasFocus();

  /** A patron has started waiting in a monitored queue. */
  function newChat({ title, body }) {
    if (alertSettings.sound) play();
    if (alertSettings.titleFlash && lookingElsewhere()) {
      unseen += 1;
      flashTitle(t('alerts.flashNewChat', { count: unseen }));
    }
    if (alertSettings.desktop && lookingElsewhere()) notify(title, body, 'refdesk-new-chat');
  }

  /**
   * A patron wrote in one of this operator's chats while it was not in front of them (another tab, or
   * another window, such as the catalogue).
   */
  function newMessage({ title, body, chatId }) {
    if (alertSettings.messageSound) play({ name: 'message' });
    if (alertSettings.titleFlash && lookingElsewhere()) {
      unseen += 1;
      flashTitle(t('alerts.flashNewMessage', { count: unseen }));
    }
    if (alertSettings.desktop && lookingElsewhere()) notify(title, body, `refdesk-message-${chatId}`);
  }

  /** A colleague wrote in a staff room that is not in front of this operator. */
  function internalMessage({ title, body, roomId }) {
    if (alertSettings.internalSound) play({ name: 'internal' });
    if (alertSettings.titleFlash && lookingElsewhere()) {
      unseen += 1;
      flashTitle(t('alerts.flashNewMessage', { count: unseen }));
    }
    if (alertSettings.desktop && lookingElsewhere()) notify(title, body, `refdesk-internal-${roomId}`);
  }

  /** Chats nobody has answered in their first minute: repeated every 15 s until someone does. */
  function overdue({ title, body, count }) {
    if (alertSettings.escalationSound) play({ loud: true });
    else if (alertSettings.sound) play();
    if (alertSettings.titleFlash && lookingElsewhere()) flashTitle(t('alerts.flashOverdue', { count }));
    if (alertSettings.desktop && lookingElsewhere()) notify(title, body, 'refdesk-overdue');
  }

  function onFocus() {
    if (flashTimer) stopFlashing();
  }

  function start() {
    window.addEventListener('pointerdown', unlockAudio);
    window.addEventListener('keydown', unlockAudio);
    window.addEventListener('focus', onFocus);
  }

  function stop() {
    window.removeEventListener('pointerdown', unlockAudio);
    window.removeEventListener('keydown', unlockAudio);
    window.removeEventListener('focus', onFocus);
    stopFlashing();
    if (audio) audio.close().catch(() => {});
    audio = null;
  }

  return {
    state: alertSettings, choose: chooseAlert, askPermission: askNotificationPermission, start, stop, newChat, newMessage, internalMessage, overdue, play,
    unlockAudio,
  };
}
