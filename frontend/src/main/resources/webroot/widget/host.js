// The iframe's side of the talk with the loader on the library's page. Notes go only to the origin the
// loader named (never '*'), and the loader's notes are taken only from our parent window at that origin.
// Opened on its own (not framed), the widget is a whole page: no notes, always visible.

const FROM_LOADER = new Set(['visible']);

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

  function post(type, data = {}) {
    if (hostOrigin) window.parent.postMessage({ source: 'refdesk', type, ...data }, hostOrigin);
  }

  if (hostOrigin) {
    window.addEventListener('message', (event) => {
      if (event.source !== window.parent || event.origin !== hostOrigin) return;
      const data = event.data;
      if (!data || data.source !== 'refdesk' || !FROM_LOADER.has(data.type)) return;
      visible = data.visible === true;
      onVisible(visible, visible && data.focus === true);
    });
  }

  return {
    /** True inside the loader's panel; the widget then offers a close button. */
    framed: Boolean(hostOrigin),
    get visible() {
      return visible;
    },
    post,
  };
}
