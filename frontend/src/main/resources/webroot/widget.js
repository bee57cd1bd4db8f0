// The Refdesk loader: the one script a library adds to its pages,
//   <script src="https://refdesk.example/widget.js" data-queue="ask" async></script>
// with `data-placement` one of `floating` (a button in the corner, the default), `tab` (a tab on the
// page's right edge that slides the chat out), `embedded` (the chat inside the page element named by
// `data-target="#id"`, no button), `popout` (the button opens the chat in a small window of the
// gateway's own, whose storage is first-party) or `link` (a link to the full-page chat at
// /chat/?queue=..., inside `data-target` or in the corner).
// It draws a launcher button inside a shadow root (host CSS cannot reach it, its CSS cannot leak
// out) and only when the patron asks opens the chat in an iframe served by the gateway. It holds no
// socket; it trusts messages from that iframe alone, and the only global it leaves is a frozen
// window.Refdesk with open() and close().
// The iframe is a frame of another site wherever the gateway is not the library's own (always for a
// co-op), and browsers partition or deny such a frame's storage. So this loader keeps what the next
// page needs to resume the chat, in this site's own storage, and hands it back to the iframe by a
// message pinned to the gateway's origin: the chat's patron token never goes anywhere else.
(() => {
  'use strict';
  // A page that includes the loader twice still gets one launcher.
  if (window.Refdesk) return;

  const script = document.currentScript || document.querySelector('script[src$="/widget.js"]');
  if (!script) return;
  const origin = new URL(script.src, location.href).origin;
  const slug = script.getAttribute('data-queue') || 'ask';
  const storeKey = `refdesk:${slug}`;
  const PLACEMENTS = ['floating', 'tab', 'embedded', 'popout', 'link'];
  const askedPlacement = script.getAttribute('data-placement');
  const placement = PLACEMENTS.includes(askedPlacement) ? askedPlacement : 'floating';
  const targetSelector = script.getAttribute('data-target');

  // Calls made before the launcher exists wait for it (and are dropped if it never comes).
  let widget = null;
  const early = [];
  const later = (name) => () => (widget ? widget[name]() : early.push(name));
  window.Refdesk = Object.freeze({ open: later('open'), close: later('close') });

  const STYLE = `
:host{all:initial!important}
:host([data-placement=embedded]){display:block!important}
.rd{--accent:#1d5fa8;--on-accent:#fff;font:16px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;display:flex;align-items:center;gap:8px;
min-height:48px;margin:0;padding:10px 18px;border:2px solid var(--on-accent);border-radius:999px;
background:var(--accent);color:var(--on-accent);font:inherit;font-weight:600;cursor:pointer;
box-shadow:0 4px 14px rgba(0,0,0,.3)}
.launcher:hover{filter:brightness(1.1)}
.launcher:focus-visible{outline:3px solid #111;outline-offset:3px;box-shadow:0 0 0 3px #fff}
.launcher svg{width:22px;height:22px;flex:none;fill:currentColor}
.badge{min-width:22px;padding:0 6px;border-radius:11px;background:#fff;color:#111;font-size:13px;
line-height:22px;text-align:center}
.badge[hidden],.panel[hidden]{display:none}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.panel{position:fixed;right:20px;bottom:84px;z-index:2147483000;width:380px;height:600px;
max-width:calc(100vw - 40px);max-height:calc(100vh - 104px);border-radius:12px;overflow:hidden;
background:#fff;box-shadow:0 8px 30px rgba(0,0,0,.35)}
iframe{display:block;width:100%;height:100%;border:0}
.refused{padding:20px;color:#111}.refused h2{margin:0 0 8px;font-size:18px}.refused h2:focus{outline:none}
.refused p{margin:0 0 8px}
.close{min-height:44px;margin-top:8px;padding:8px 18px;border:2px solid #111;border-radius:8px;background:#fff;
color:#111;font:inherit;font-weight:600;cursor:pointer}.close:focus-visible{outline:3px solid #111;outline-offset:2px}
.tab .launcher{right:0;bottom:auto;top:50%;transform:translateY(-50%);flex-direction:column;padding:16px 10px;
border-right:0;border-radius:12px 0 0 12px;writing-mode:vertical-rl}
.tab .launcher:focus-visible{outline-offset:-6px}
.tab .panel{right:0;bottom:auto;top:50%;transform:translateY(-50%);max-height:calc(100vh - 40px);
border-radius:12px 0 0 12px;animation:rd-slide .2s ease-out}
.tab.open .launcher{right:380px}.tab.open .launcher svg{transform:rotate(-90deg)}
@keyframes rd-slide{from{transform:translate(100%,-50%)}to{transform:translate(0,-50%)}}
.in-page .launcher{position:static;display:inline-flex;box-shadow:none;text-decoration:none}
a.launcher{text-decoration:none}
@media (max-width:599px){.panel{inset:0;width:100%;height:100%;max-width:none;max-height:none;border-radius:0}
.tab .panel{top:0;bottom:0;transform:none;animation:none}
.open .launcher{display:none}}
.rd.embedded .panel{position:relative;inset:auto;z-index:auto;width:100%;height:600px;max-width:none;
max-height:none;border:1px solid #767676;border-radius:8px;box-shadow:none}
@media (prefers-reduced-motion:reduce){.tab .panel{animation:none}}
@media print{.rd{display:none}}`;

  // A speech bubble and, while the panel is open, a chevron pointing down at it.
  const ICON_CHAT = 'M4 3h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z';
  const ICON_DOWN = 'M5.6 8.6 12 15l6.4-6.4L20 10l-8 8-8-8z';

  const el = (tag, className) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    return node;
  };

  // What the next page of this site needs: `view` ('open' or 'hidden' while a chat is in progress, so
  // the panel comes back as it was), `chat` (the iframe's {chatId, token, lastSeq}, handed back to it
  // alone), `unread`, and `patron` (the name and e-mail given for the last chat, which the iframe's
  // "Start a new chat" fills in again). In this tab's sessionStorage, or in memory where even that is
  // blocked (then a reload loses the chat, as it would with no loader at all).
  const kept = (() => {
    let memory = {};
    const read = () => {
      try {
        const value = JSON.parse(sessionStorage.getItem(storeKey));
        return value && typeof value === 'object' ? value : {};
      } catch (e) {
        return memory;
      }
    };
    return {
      read,
      update(change) {
        memory = { ...read(), ...change };
        try {
          sessionStorage.setItem(storeKey, JSON.stringify(memory));
        } catch (e) {
          // Blocked or full: memory keeps it for this page.
        }
      },
    };
  })();

  // A patron token for one chat, with the chat's id and last seq, or nothing: all the iframe may leave here.
  function chatRecord(chat) {
    if (!chat || !Number.isInteger(chat.chatId) || chat.chatId <= 0 || typeof chat.token !== 'string'
      || chat.token.length > 4096 || !Number.isInteger(chat.lastSeq) || chat.lastSeq < 0) return null;
    return { chatId: chat.chatId, token: chat.token, lastSeq: chat.lastSeq };
  }

  // The name and e-mail the patron gave for the last chat, for the iframe's next question form.
  function patronRecord(patron) {
    if (!patron || typeof patron.name !== 'string' || typeof patron.email !== 'string'
      || patron.name.length > 200 || patron.email.length > 254) return null;
    return { name: patron.name, email: patron.email };
  }

  const unreadCount = (n) => (Number.isInteger(n) && n > 0 ? Math.min(n, 99) : 0);

  // Near-black or white text, whichever contrasts more with the library's colour (WCAG luminance).
  function textOn(color) {
    const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color);
    if (!hex) return '#fff';
    const full = hex[1].length === 3 ? hex[1].replace(/./g, '$&$&') : hex[1];
    const [r, g, b] = [0, 2, 4].map((i) => {
      const c = parseInt(full.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.179 ? '#111' : '#fff';
  }

  // A host page's CSP may forbid <style> elements; a constructed sheet is not subject to it.
  function addStyle(root) {
    if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLE);
      root.adoptedStyleSheets = [sheet];
    } else {
      const style = el('style');
      style.textContent = STYLE;
      root.append(style);
    }
  }

  function build(queue) {
    const settings = queue.settings || {};
    const embeddable = queue.embeddable !== false;
    const color = typeof settings.color === 'string' ? settings.color : '#1d5fa8';
    const label = typeof settings.launcherLabel === 'string' && settings.launcherLabel.trim()
      ? settings.launcherLabel.trim() : 'Ask a librarian';

    // A target that is not on the page leaves the chat where the default puts it, said in the console.
    const target = targetSelector ? document.querySelector(targetSelector) : null;
    if (targetSelector && !target) console.warn(`Refdesk: no element matches data-target "${targetSelector}".`);
    const mode = placement === 'embedded' && !target ? 'floating' : placement;

    const hostEl = el('refdesk-widget');
    hostEl.setAttribute('data-placement', mode);
    // Open, so screen-reader tooling and accessibility checkers can see in; a closed root would hide
    // nothing from the host page, which owns its DOM anyway.
    const root = hostEl.attachShadow({ mode: 'open' });
    addStyle(root);
    const wrap = el('div', `rd ${mode}${target && (mode === 'link' || mode === 'embedded') ? ' in-page' : ''}`);
    wrap.style.setProperty('--accent', color);
    wrap.style.setProperty('--on-accent', textOn(color));

    const chatPage = `${origin}/chat/?queue=${encodeURIComponent(slug)}`;
    const launcher = el(mode === 'link' ? 'a' : 'button', 'launcher');
    if (mode === 'link') {
      launcher.href = chatPage;
    } else if (mode === 'popout') {
      launcher.type = 'button';
    } else {
      launcher.type = 'button';
      launcher.setAttribute('aria-expanded', 'false');
      launcher.setAttribute('aria-controls', 'refdesk-panel');
    }
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', ICON_CHAT);
    svg.append(path);
    const text = el('span');
    text.textContent = label;
    const badge = el('span', 'badge');
    badge.hidden = true;
    const count = el('span');
    const countWords = el('span', 'sr');
    badge.append(count, countWords);
    launcher.append(svg, text, badge);
    if (mode === 'popout' || mode === 'link') {
      const newWindow = el('span', 'sr');
      newWindow.textContent = mode === 'popout' ? ' (opens in a new window)' : ' (opens the chat page)';
      launcher.append(newWindow);
    }

    const panel = el('div', 'panel');
    panel.id = 'refdesk-panel';
    panel.hidden = true;
    // Embedded, the chat is part of the page: no button, and nothing to close.
    if (mode === 'embedded') wrap.append(panel);
    else wrap.append(launcher, panel);
    root.append(wrap);
    if (mode === 'embedded' || (mode === 'link' && target)) target.append(hostEl);
    else document.body.append(hostEl);

    let frame = null;
    let frameReady = false;
    // Whether the next `visible` note should ask the iframe to take focus: only after the patron opened it.
    let focusWanted = false;

    const isOpen = () => !panel.hidden;

    // Before `ready` nothing is sent: the iframe could miss it. Its `ready` brings the state over.
    // Every note names the gateway's origin as its only possible receiver.
    function tell(type, data) {
      if (frame && frameReady) frame.contentWindow.postMessage({ source: 'refdesk', type, ...data }, origin);
    }

    function tellVisibility() {
      if (!frameReady) return;
      tell('visible', { visible: isOpen(), focus: focusWanted });
      focusWanted = false;
    }

    function createFrame() {
      frame = el('iframe');
      frame.title = 'Chat with a librarian';
      const page = location.href.split('#')[0];
      frame.src = `${origin}/widget/?queue=${encodeURIComponent(slug)}&host=${encodeURIComponent(location.origin)}`
        + (mode === 'embedded' ? '&placement=embedded' : '')
        + (page.length <= 2000 ? `&page=${encodeURIComponent(page)}` : '');
      panel.append(frame);
    }

    function setUnread(n) {
      kept.update({ unread: n });
      badge.hidden = n === 0;
      count.textContent = String(n);
      countWords.textContent = n === 1 ? ' new message' : ' new messages';
    }

    // The gateway does not let this site frame the widget: the browser would draw its own error page
    // in the panel. Words instead, for the patron; the gateway's log tells the admin what to allow.
    function sayRefused() {
      const box = el('div', 'refused');
      box.setAttribute('role', 'alert');
      const heading = el('h2');
      heading.tabIndex = -1;
      heading.textContent = 'The chat cannot open on this website yet';
      const words = el('p');
      words.textContent = 'Please contact the library by phone or e-mail, or try the chat on the library\'s main website.';
      // On a phone the panel covers the launcher, so it brings its own way out.
      const close = el('button', 'close');
      close.type = 'button';
      close.textContent = 'Close';
      close.addEventListener('click', () => hide(true));
      box.append(heading, words);
      if (mode !== 'embedded') box.append(close);
      panel.append(box);
      return heading;
    }

    function show(byPatron) {
      if (!embeddable) {
        const heading = panel.firstChild ? panel.querySelector('h2') : sayRefused();
        panel.hidden = false;
        wrap.classList.add('open');
        launcher.setAttribute('aria-expanded', 'true');
        path.setAttribute('d', ICON_DOWN);
        if (byPatron) heading.focus();
        return;
      }
      if (!frame) createFrame();
      panel.hidden = false;
      wrap.classList.add('open');
      launcher.setAttribute('aria-expanded', 'true');
      path.setAttribute('d', ICON_DOWN);
      setUnread(0);
      if (kept.read().view) kept.update({ view: 'open' });
      focusWanted = byPatron;
      tellVisibility();
      if (byPatron) frame.focus();
    }

    // The popout is a page of the gateway's own: its storage is first-party and it outlives this page.
    // A second press brings back the window this page opened; a blocked pop-up falls back to the panel.
    let popup = null;
    function openWindow() {
      if (popup && !popup.closed) {
        popup.focus();
        return true;
      }
      const page = location.href.split('#')[0];
      const url = `${origin}/widget/?queue=${encodeURIComponent(slug)}&placement=popout`
        + (page.length <= 2000 ? `&page=${encodeURIComponent(page)}` : '');
      popup = window.open(url, `refdesk-${slug}`, 'popup,width=420,height=640');
      return Boolean(popup);
    }

    function hide(returnFocus) {
      if (!isOpen() || mode === 'embedded') return;
      panel.hidden = true;
      wrap.classList.remove('open');
      launcher.setAttribute('aria-expanded', 'false');
      path.setAttribute('d', ICON_CHAT);
      if (kept.read().view) kept.update({ view: 'hidden' });
      tellVisibility();
      if (returnFocus) launcher.focus();
    }

    launcher.addEventListener('click', (event) => {
      if (mode === 'link') return;
      if (mode === 'popout' && embeddable && !isOpen() && openWindow()) return;
      if (isOpen()) hide(false);
      else show(true);
      event.preventDefault();
    });
    // Escape inside the iframe never reaches this page; the iframe sends `close` for it instead.
    root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && isOpen()) hide(true);
    });

    // What the iframe may say, and nothing else.
    const fromFrame = {
      ready() {
        frameReady = true;
        const { chat, unread, patron } = kept.read();
        tell('restore', { chat: chatRecord(chat), unread: unreadCount(unread), patron: patronRecord(patron) });
        tellVisibility();
      },
      close: () => hide(true),
      active(data) {
        if (typeof data.active === 'boolean') kept.update({ view: data.active ? (isOpen() ? 'open' : 'hidden') : null });
      },
      // The chat to resume on the next page (null once the patron starts afresh).
      chat(data) {
        const chat = chatRecord(data.chat);
        if (chat || data.chat === null) kept.update({ chat });
      },
      patron(data) {
        const patron = patronRecord(data.patron);
        if (patron) kept.update({ patron });
      },
      unread(data) {
        if (Number.isInteger(data.count) && data.count >= 0 && !isOpen()) setUnread(unreadCount(data.count));
      },
    };
    window.addEventListener('message', (event) => {
      if (!frame || event.origin !== origin || event.source !== frame.contentWindow) return;
      const data = event.data;
      if (!data || data.source !== 'refdesk' || !Object.prototype.hasOwnProperty.call(fromFrame, data.type)) return;
      fromFrame[data.type](data);
    });

    if (mode === 'link') {
      return { open: () => location.assign(chatPage), close: () => {} };
    }

    if (!embeddable) {
      console.warn(`Refdesk: ${location.origin} may not show the chat; the library's list of widget sites (or the gateway's REFDESK_ALLOWED_ORIGINS) must list it.`);
      if (mode === 'embedded') show(false);
      return { open: () => show(true), close: () => hide(true) };
    }

    if (mode === 'embedded') {
      show(false);
      return { open: () => frame.focus(), close: () => {} };
    }
    if (mode === 'popout') {
      return { open: () => (openWindow() ? undefined : show(true)), close: () => hide(true) };
    }

    // A chat in progress comes back on every page of the site, with its unread count; it steals no
    // focus when it does.
    const restored = kept.read();
    setUnread(restored.view === 'hidden' ? unreadCount(restored.unread) : 0);
    if (restored.view === 'open') show(false);
    else if (restored.view === 'hidden') createFrame();

    return { open: () => show(true), close: () => hide(true) };
  }

  function start(queue) {
    widget = build(queue);
    early.splice(0).forEach((name) => widget[name]());
  }

  fetch(`${origin}/api/widget/queues/${encodeURIComponent(slug)}`, { credentials: 'omit' })
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))))
    .then((queue) => {
      if (document.body) start(queue);
      else document.addEventListener('DOMContentLoaded', () => start(queue));
    })
    .catch((error) => {
      early.length = 0;
      // The one hint a library's web team gets when the snippet is wrong or the gateway is down.
      console.warn(`Refdesk: the chat for queue "${slug}" is not available (${error.message}).`);
    });
})();
