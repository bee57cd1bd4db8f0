// The one owner of the event-bus connection; components subscribe, follow chats and send through it
// and never touch the socket. It keeps them whole across dropped sockets: a fresh EventBus per attempt
// (the published client's own reconnect forgets handlers and throws on send while closed), the token
// on every frame, backoff with jitter, a watchdog for sockets that die without closing, a quicker
// word when a call goes unanswered or the browser says the network is gone, and after each
// reconnect: addresses registered again, followed chats resumed by seq, unconfirmed messages resent
// under their first clientMsgId. Chats and staff rooms are numbered, resumed and sent to alike, so
// both are streams of one connector: a chat under its id, a room under `internal:<id>`.
import { CHAT_SEND, INTERNAL_SEND, chat, internal } from './addresses.js';
import { api } from './api.js';
import { backoffDelay } from './backoff.js';
import { createChatStream } from './chat-stream.js';
import { createOutbox } from './outbox.js';

/** A failed bus call: `code` is the bridge's failure message (or `timeout`, `closed`). */
export class BusError extends Error {
  constructor(code, failureCode) {
    super(code);
    this.name = 'BusError';
    this.code = code;
    this.failureCode = failureCode;
  }
}

// Answers that a repeat cannot change: stop resuming that chat and tell its screen.
const FINAL_FETCH_STATUS = new Set([401, 403, 404]);

export function createConnector({
  url = '/eventbus',
  token,
  fetchEvents,
  fetchRoomEvents,
  EventBus,
  setTimeout: setTimer = (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: clearTimer = (id) => globalThis.clearTimeout(id),
  random = Math.random,
  pingIntervalMs = 5000,
  sendTimeoutMs = 10000,
  // A call unanswered this long with no frame at all meanwhile is the first sign of a cut network (a
  // socket can look open for a minute after the cable is pulled): the screens say "Reconnecting…" now,
  // and the socket is replaced if the call then times out with still nothing heard.
  stallAfterMs = 3000,
  // More than two of the gateway's SockJS heartbeats (25 s by default): silence that long means the
  // socket is dead even if the browser has not noticed.
  deadAfterMs = 60000,
  connectTimeoutMs = 20000,
  // A connection must stay up this long before backoff starts again from its shortest delay; a gateway
  // that accepts sockets and drops them at once must not be hammered.
  steadyAfterMs = 10000,
  offlineAfterFailures = 5,
  offlineCapMs = 30000,
  network = browserNetwork(),
} = {}) {
  const Bus = EventBus || globalThis.EventBus;
  if (typeof Bus !== 'function') {
    throw new Error('Load sockjs.min.js and vendor/vertx-eventbus.js before creating a connector.');
  }
  const currentToken = typeof token === 'function' ? token : () => token;
  const headers = () => ({ token: currentToken() });
  const fetchPage = fetchEvents || ((chatId, after) =>
    api(`/api/chats/${encodeURIComponent(chatId)}/events?after=${after}&limit=200`, { token: currentToken() }));
  const fetchRoomPage = fetchRoomEvents || ((roomId, after) =>
    api(`/api/internal/rooms/${encodeURIComponent(roomId)}/events?after=${after}&limit=200`, { token: currentToken() }));
  // What differs between a chat and a staff room: where its events are heard and fetched, where a
  // message goes and under which field its id travels.
  const KINDS = {
    chat: { address: chat, sendTo: CHAT_SEND, field: 'chatId', fetch: fetchPage, key: (id) => id },
    room: { address: internal, sendTo: INTERNAL_SEND, field: 'roomId', fetch: fetchRoomPage, key: (id) => `internal:${id}` },
  };
  // Outbox key -> { kind, id }: the outbox keeps messages per stream, and must not mix chat 5 with room 5.
  const targets = new Map();

  const stateListeners = new Set();
  const errorListeners = new Set();
  const retryListeners = new Set();
  const handlers = new Map();
  const registered = new Map();
  const follows = new Set();
  const calls = new Set();
  const outbox = createOutbox();
  const resendTimers = new Map();

  let state = 'connecting';
  let bus = null;
  let open = false;
  let closed = false;
  let lifeSigns = false;
  // `failures` counts losses since the last open (and decides 'offline'); `retries` counts attempts
  // since the last steady connection (and decides the delay).
  let failures = 0;
  let retries = 0;
  let reconnectTimer = null;
  let steadyTimer = null;
  let watchdog = null;
  let stallTimer = null;
  let stalled = false;

  function setState(next) {
    if (state === next) return;
    state = next;
    for (const fn of [...stateListeners]) safeCall(fn, next);
  }

  function emitError(error) {
    for (const fn of [...errorListeners]) safeCall(fn, error);
  }

  // ---- connection -------------------------------------------------------------------------------

  function connect() {
    reconnectTimer = null;
    let eb;
    try {
      eb = new Bus(url, { vertxbus_ping_interval: pingIntervalMs });
    } catch (error) {
      lost();
      return;
    }
    bus = eb;
    eb.onopen = () => eb === bus && opened(eb);
    eb.onclose = () => eb === bus && lost();
    // Frames without a reply handler: the bridge's `rejected` and `access_denied` carry no address,
    // so they cannot be matched to a call; the app hears them here instead of in the console.
    eb.onunhandled = (json) => {
      if (eb !== bus || !json || json.type !== 'err') return;
      emitError(new BusError(json.body || json.message, json.failureCode));
    };
    lifeSigns = listenForLife(eb);
    arm(eb, connectTimeoutMs);
  }

  function opened(eb) {
    open = true;
    stalled = false;
    failures = 0;
    steadyTimer = setTimer(() => {
      retries = 0;
    }, steadyAfterMs);
    if (lifeSigns) arm(eb, deadAfterMs);
    else clearTimer(watchdog);
    setState('connected');
    for (const address of handlers.keys()) register(address);
    for (const follow of follows) resume(follow);
    for (const chatId of outbox.chats()) flush(chatId);
    for (const call of calls) if (!call.sent) transmit(call);
  }

  function lost() {
    bus = null;
    open = false;
    registered.clear();
    clearTimer(watchdog);
    clearTimer(steadyTimer);
    clearStallTimer();
    stalled = false;
    for (const call of [...calls]) if (call.sent) finish(call, new BusError('closed'));
    outbox.requeue();
    clearResendTimers();
    if (closed) return;
    failures += 1;
    const offline = !network.isOnline() || failures >= offlineAfterFailures;
    setState(offline ? 'offline' : 'reconnecting');
    const delay = backoffDelay(retries, offline ? { random, capMs: offlineCapMs } : { random });
    retries += 1;
    reconnectTimer = setTimer(connect, delay);
  }

  // Closes a socket that will not finish opening or has gone silent. It is detached first, so its
  // own late close event cannot count as a second loss.
  function drop(eb) {
    bus = null;
    try {
      if (eb.enablePing) eb.enablePing(false);
      eb.close();
    } catch (error) {
      // Already closed: nothing left to release.
    }
    lost();
  }

  // Any frame, a SockJS heartbeat included, proves the socket alive. The vertx client's pings get no
  // answer from the bridge, so silence from the server is the only sign of a dead socket.
  function listenForLife(eb) {
    const conn = eb.sockJSConn;
    if (!conn || typeof conn.addEventListener !== 'function') return false;
    const alive = () => {
      if (eb !== bus || !open) return;
      arm(eb, deadAfterMs);
      heard();
    };
    conn.addEventListener('message', alive);
    conn.addEventListener('heartbeat', alive);
    return true;
  }

  // Any frame settles a stall: the socket is alive, the server only slow.
  function heard() {
    clearStallTimer();
    if (stalled) {
      stalled = false;
      setState('connected');
    }
    if (awaitingReply()) watchForStall();
  }

  function watchForStall() {
    if (stallTimer !== null || !open) return;
    stallTimer = setTimer(() => {
      stallTimer = null;
      if (!open || !awaitingReply()) return;
      stalled = true;
      setState('reconnecting');
    }, stallAfterMs);
  }

  function clearStallTimer() {
    clearTimer(stallTimer);
    stallTimer = null;
  }

  function awaitingReply() {
    for (const call of calls) if (call.sent) return true;
    return false;
  }

  function arm(eb, ms) {
    clearTimer(watchdog);
    watchdog = setTimer(() => {
      if (eb === bus) drop(eb);
    }, ms);
  }

  // The browser's "offline" is a fact (no network interface is up), its "online" only a hope: an open
  // socket is given up at the first, and a waiting reconnect is tried at once on the second.
  function networkChanged(online) {
    if (closed) return;
    if (open) {
      if (!online && bus) drop(bus);
      return;
    }
    if (online && reconnectTimer !== null) {
      // The network is back: waiting out a long offline delay would only keep people waiting.
      clearTimer(reconnectTimer);
      failures = 0;
      retries = 0;
      setState('reconnecting');
      connect();
    } else if (!online && state === 'reconnecting') {
      setState('offline');
    }
  }

  const stopWatchingNetwork = network.watch(networkChanged);

  // ---- addresses --------------------------------------------------------------------------------

  function register(address) {
    const dispatch = (error, message) => {
      if (error) {
        emitError(new BusError(error.message, error.failureCode));
        return;
      }
      const set = handlers.get(address);
      if (set) for (const handler of [...set]) safeCall(handler, message.body);
    };
    registered.set(address, dispatch);
    try {
      bus.registerHandler(address, headers(), dispatch);
    } catch (error) {
      // The socket is closing; the next open registers every address again.
    }
  }

  function unregister(address) {
    const dispatch = registered.get(address);
    registered.delete(address);
    if (!dispatch) return;
    try {
      bus.unregisterHandler(address, headers(), dispatch);
    } catch (error) {
      // The socket is closing, and the bridge forgets its registrations with it.
    }
  }

  function subscribe(address, handler) {
    let set = handlers.get(address);
    if (!set) {
      set = new Set();
      handlers.set(address, set);
      if (open) register(address);
    }
    const own = (body) => handler(body);
    set.add(own);
    return once(() => {
      set.delete(own);
      if (set.size === 0 && handlers.get(address) === set) {
        handlers.delete(address);
        if (open) unregister(address);
      }
    });
  }

  // ---- request/reply ----------------------------------------------------------------------------

  function send(address, body) {
    return new Promise((resolve, reject) => {
      if (closed) {
        reject(new BusError('closed'));
        return;
      }
      const call = { address, body, resolve, reject, sent: false };
      // The clock runs from the call, so a call made while connecting waits at most this long too.
      call.timer = setTimer(() => {
        const unheard = call.sent && stalled;
        finish(call, new BusError('timeout'));
        if (unheard && bus) drop(bus);
      }, sendTimeoutMs);
      calls.add(call);
      if (open) transmit(call);
    });
  }

  function transmit(call) {
    call.sent = true;
    try {
      bus.send(call.address, call.body, headers(), (error, reply) => {
        if (error) finish(call, new BusError(error.message, error.failureCode));
        else finish(call, null, reply.body);
        heard();
      });
    } catch (error) {
      finish(call, new BusError('closed'));
      return;
    }
    watchForStall();
  }

  function finish(call, error, value) {
    if (!calls.delete(call)) return;
    clearTimer(call.timer);
    if (error) call.reject(error);
    else call.resolve(value);
  }

  // ---- messages ---------------------------------------------------------------------------------

  function post(kind, id, text) {
    const key = KINDS[kind].key(id);
    targets.set(String(key), { kind, id });
    const entry = outbox.add(key, text);
    if (closed) outbox.abandon(new BusError('closed'));
    else flush(key);
    return { clientMsgId: entry.clientMsgId, done: entry.done };
  }

  // One message per chat on the wire at a time: a retried message must not land after a later one.
  function flush(chatId) {
    if (!open) return;
    const entry = outbox.nextFor(chatId);
    if (!entry || entry.state !== 'pending' || resendTimers.has(entry.clientMsgId)) return;
    const { clientMsgId } = entry;
    const attempt = outbox.sending(clientMsgId).attempts;
    const target = targets.get(String(chatId)) || { kind: 'chat', id: chatId };
    const kind = KINDS[target.kind];
    send(kind.sendTo, { [kind.field]: target.id, text: entry.text, clientMsgId }).then(
      (reply) => {
        outbox.acknowledge(clientMsgId, reply);
        flush(chatId);
      },
      (error) => {
        // Settled by its echo meanwhile, or put back by a reconnect that sends it afresh.
        if (outbox.get(clientMsgId) !== entry || entry.attempts !== attempt || entry.state !== 'sent') return;
        if (outbox.fail(clientMsgId, error)) {
          // Still pending, and sent again later; a screen may say why (a patron sending too fast).
          for (const fn of [...retryListeners]) safeCall(fn, { [kind.field]: target.id, clientMsgId, error });
          resendTimers.set(clientMsgId, setTimer(() => {
            resendTimers.delete(clientMsgId);
            flush(chatId);
          }, backoffDelay(attempt - 1, { random })));
        } else {
          flush(chatId);
        }
      });
  }

  function clearResendTimers() {
    for (const timer of resendTimers.values()) clearTimer(timer);
    resendTimers.clear();
  }

  // A message of ours coming back in the chat proves it stored, even when its reply was lost.
  function acknowledgeEcho(chatId, event) {
    if (!event || event.type !== 'message' || !event.clientMsgId) return;
    const entry = outbox.get(event.clientMsgId);
    if (!entry || String(entry.chatId) !== String(chatId)) return;
    clearTimer(resendTimers.get(entry.clientMsgId));
    resendTimers.delete(entry.clientMsgId);
    outbox.acknowledge(entry.clientMsgId, { seq: event.seq, at: event.at });
    flush(chatId);
  }

  // ---- chats ------------------------------------------------------------------------------------

  function followStream(kindName, id, { lastSeq = 0, onEvent, onError } = {}) {
    const kind = KINDS[kindName];
    const key = kind.key(id);
    const follow = { id, fetch: kind.fetch, onError, active: true, resuming: null, again: false, retryTimer: null, attempts: 0 };
    follow.stream = createChatStream({
      lastSeq,
      deliver: (event) => {
        acknowledgeEcho(key, event);
        safeCall(onEvent, event);
      },
      onGap: () => resume(follow),
    });
    follows.add(follow);
    const unsubscribe = subscribe(kind.address(id), (event) => follow.stream.push(event));
    if (open) resume(follow);
    return once(() => {
      follow.active = false;
      follows.delete(follow);
      clearTimer(follow.retryTimer);
      unsubscribe();
    });
  }

  // Fetches everything after the last delivered seq until the server says there is no more. Asked
  // again while running (a reconnect, another gap), it runs one more round instead of in parallel.
  function resume(follow) {
    if (!follow.active) return;
    if (follow.resuming) {
      follow.again = true;
      return;
    }
    clearTimer(follow.retryTimer);
    follow.retryTimer = null;
    follow.resuming = pull(follow)
      .then(() => {
        // A gap the server could not fill yet: ask again later rather than in a tight loop.
        if (follow.stream.hasGap) retryResume(follow);
        else follow.attempts = 0;
      }, (error) => {
        if (!follow.active) return;
        if (error && FINAL_FETCH_STATUS.has(error.status)) safeCall(follow.onError, error);
        else retryResume(follow);
      })
      .finally(() => {
        follow.resuming = null;
      });
  }

  async function pull(follow) {
    do {
      follow.again = false;
      let more = true;
      while (more && follow.active) {
        const after = follow.stream.lastSeq;
        const page = (await follow.fetch(follow.id, after)) || {};
        if (!follow.active) return;
        follow.stream.pushPage(page.events || []);
        // A page that moved nothing on would be asked for again forever.
        more = Boolean(page.more) && follow.stream.lastSeq > after;
      }
    } while (follow.again && follow.active);
  }

  function retryResume(follow) {
    if (!follow.active) return;
    follow.attempts += 1;
    follow.retryTimer = setTimer(() => {
      follow.retryTimer = null;
      // While disconnected the next open resumes anyway.
      if (open) resume(follow);
    }, backoffDelay(follow.attempts - 1, { random }));
  }

  // ---- closing ----------------------------------------------------------------------------------

  function close() {
    if (closed) return;
    closed = true;
    stopWatchingNetwork();
    clearTimer(reconnectTimer);
    clearTimer(steadyTimer);
    clearTimer(watchdog);
    clearStallTimer();
    clearResendTimers();
    for (const follow of follows) {
      follow.active = false;
      clearTimer(follow.retryTimer);
    }
    follows.clear();
    handlers.clear();
    const eb = bus;
    bus = null;
    open = false;
    if (eb) {
      try {
        eb.close();
      } catch (error) {
        // Already closed.
      }
    }
    for (const call of [...calls]) finish(call, new BusError('closed'));
    outbox.abandon(new BusError('closed'));
    setState('closed');
  }

  connect();

  return {
    get state() {
      return state;
    },
    onState: (fn) => listen(stateListeners, fn),
    onError: (fn) => listen(errorListeners, fn),
    /** Told `{chatId, clientMsgId, error}` each time a message failed and will be sent again. */
    onRetry: (fn) => listen(retryListeners, fn),
    subscribe,
    followChat: (chatId, options) => followStream('chat', chatId, options),
    /** A staff room, followed as a chat is: in seq order, resumed after every break. */
    followRoom: (roomId, options) => followStream('room', roomId, options),
    send,
    sendMessage: (chatId, text) => post('chat', chatId, text),
    /** A staff-room message, kept and resent under its first clientMsgId as a chat message is. */
    sendRoomMessage: (roomId, text) => post('room', roomId, text),
    pendingFor: (chatId) => outbox.forChat(chatId),
    discard: (clientMsgId) => outbox.discard(clientMsgId),
    close,
  };
}

function listen(set, fn) {
  set.add(fn);
  return () => set.delete(fn);
}

function once(fn) {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}

// A screen's bug must neither stop delivery to the others nor leave the connector half-way through a
// step; the error still reaches the console and window.onerror.
function safeCall(fn, ...args) {
  if (typeof fn !== 'function') return;
  try {
    fn(...args);
  } catch (error) {
    if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
    else queueMicrotask(() => { throw error; });
  }
}

function browserNetwork() {
  const g = globalThis;
  return {
    isOnline: () => !(g.navigator && g.navigator.onLine === false),
    watch(onChange) {
      if (typeof g.addEventListener !== 'function') return () => {};
      const online = () => onChange(true);
      const offline = () => onChange(false);
      g.addEventListener('online', online);
      g.addEventListener('offline', offline);
      return () => {
        g.removeEventListener('online', online);
        g.removeEventListener('offline', offline);
      };
    },
  };
}
