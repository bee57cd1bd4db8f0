// How a new chat gets the operator's attention when they are looking elsewhere: a short chime, a
// flashing tab title and a desktop notification. Each can be switched off, and the choice outlives
// the session (localStorage), because it is about the operator's desk, not about one sign-in.
import { reactive, watch } from 'vue';

const KEY = 'refdesk.alerts';
const BASE_TITLE = 'Refdesk';

export const alertSettings = reactive(loadSettings());

watch(alertSettings, (value) => {
  try {
    localStorage.setItem(KEY, JSON.stringify({ sound: value.sound, title: value.title, desktop: value.desktop }));
  } catch (error) {
    // Storage full or blocked: the choice still holds for this page.
  }
});

function loadSettings() {
  const defaults = { sound: true, title: true, desktop: true, permission: currentPermission() };
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) || '{}');
    for (const name of ['sound', 'title', 'desktop']) {
      if (typeof saved[name] === 'boolean') defaults[name] = saved[name];
    }
  } catch (error) {
    localStorage.removeItem(KEY);
  }
  return defaults;
}

function currentPermission() {
  return typeof Notification === 'function' ? Notification.permission : 'unsupported';
}

/** Asked from a button: browsers (rightly) ignore or punish permission prompts shown on load. */
export async function askNotificationPermission() {
  if (typeof Notification !== 'function') return;
  alertSettings.permission = await Notification.requestPermission();
}

export function createAlerts() {
  let audio = null;
  let flashTimer = null;
  let unseen = 0;

  // Browsers keep audio locked until the person has interacted with the page; the first key or click
  // prepares the chime so the first new chat can be heard.
  function unlockAudio() {
    if (!audio && typeof AudioContext === 'function') audio = new AudioContext();
    if (audio && audio.state === 'suspended') audio.resume().catch(() => {});
  }

  function chime() {
    // After the sign-in click the page may already play sound; after a reload it waits for a gesture.
    unlockAudio();
    if (!audio || audio.state !== 'running') return;
    const start = audio.currentTime + 0.01;
    for (const [offset, frequency] of [[0, 880], [0.16, 1320]]) {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.type = 'sine';
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.3);
      tone.connect(gain).connect(audio.destination);
      tone.start(start + offset);
      tone.stop(start + offset + 0.32);
    }
  }

  function flashTitle() {
    unseen += 1;
    if (flashTimer) return;
    let on = false;
    const flip = () => {
      on = !on;
      document.title = on ? `(${unseen}) New chat — ${BASE_TITLE}` : BASE_TITLE;
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

  function notify(title, body) {
    if (currentPermission() !== 'granted') return;
    try {
      const note = new Notification(title, { body, tag: 'refdesk-new-chat', renotify: true });
      note.onclick = () => {
        window.focus();
        note.close();
      };
    } catch (error) {
      // Some browsers allow notifications only from a service worker; the other two alerts still ring.
    }
  }

  /** A patron has started waiting. `away` is true when the operator is not looking at this window. */
  function newChat({ title, body }) {
    const away = document.hidden || !document.hasFocus();
    if (alertSettings.sound) chime();
    if (alertSettings.title && away) flashTitle();
    if (alertSettings.desktop && away) notify(title, body);
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

  return { start, stop, newChat, chime, unlockAudio };
}
