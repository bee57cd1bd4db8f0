// The iframe's side of the talk with the loader on the library's page. Notes go only to the origin the
// loader named (never '*'), and the loader's notes are taken only from our parent window at that origin.
// Opened on its own (not framed), the widget is a whole page: no notes, always visible.
import { asChat, asPatron } from './storage.js';

const FROM_LOADER = new Set(['visible', 'restore']);
// The loader answers `ready` at once; an older copy of it from some cache never will, and is not
// waited for any longer than this.
const HANDOVER_WAIT_MS = 1500;
const NOTHING_HANDED = Object.freeze({ chat: null, unread: 0, patron: null });

function originOf(value) {
  try {
    const url = new URL(value);
    return url.origin === value ? value : null;
  } catch (error) {
    return null;
  }
}

/**
 * @param {string|null} hostParam the library page's origin, as the loader put it in our address
 * @param {{onVisible: function(boolean, boolean)}} handlers told when the panel is shown or hidden,
 *   and whether the patron just opened it (then the widget may take focus)
 */
export function connectHost(hostParam, { onVisible }) {
  const hostOrigin = window.parent !== window ? originOf(hostParam) : null;
  let visible = true;
  let handOver = () => {};
  // What the loader kept on the library's site for us: the chat under way, the unread count and the
  // name and e-mail given for the last chat.
  const handedOver = hostOrigin
    ? new Promise((resolve) => {
      handOver = resolve;
      setTimeout(() => resolve(NOTHING_HANDED), HANDOVER_WAIT_MS);
    })
    : Promise.resolve(NOTHING_HANDED);

  function post(type, data = {}) {
    if (hostOrigin) window.parent.postMessage({ source: 'refdesk', type, ...data }, hostOrigin);
  }

  const fromLoader = {
    visible(data) {
      visible = data.visible === true;
      onVisible(visible, visible && data.focus === true);
    },
    restore(data) {
      const unread = Number.isInteger(data.unread) && data.unread > 0 ? data.unread : 0;
      handOver({ chat: asChat(data.chat), unread, patron: asPatron(data.patron) });
    },
  };

  if (hostOrigin) {
    window.addEventListener('message', (event) => {
      if (event.source !== window.parent || event.origin !== hostOrigin) return;
      const data = event.data;
      if (!data || data.source !== 'refdesk' || !FROM_LOADER.has(data.type)) return;
      fromLoader[data.type](data);
    });
  }

  return {
    /** True inside the loader's panel; the widget then offers a close button. */
    framed: Boolean(hostOrigin),
    get visible() {
      return visible;
    },
    /** Resolves once with `{chat, unread, patron}` from the loader (nothing when not framed). */
    handedOver,
    post,
  };
}
