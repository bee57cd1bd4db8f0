// Doubles for what the operator app's stores are given: a connector that records subscriptions and
// sends and lets a test play the gateway's events, and an HTTP `call` answered from a table.

/** The connector's surface as the stores use it. */
export function fakeConnector() {
  const subscriptions = new Map();
  const follows = new Map();
  const rooms = new Map();
  const sent = [];
  const messages = [];
  let ids = 0;
  return {
    state: 'connected',
    sent,
    messages,
    subscribe(address, handler) {
      subscriptions.set(address, handler);
      return () => subscriptions.delete(address);
    },
    followChat(chatId, handlers) {
      follows.set(chatId, handlers);
      return () => follows.delete(chatId);
    },
    send(address, body) {
      sent.push({ address, body });
      return Promise.resolve({});
    },
    sendMessage(chatId, text) {
      let settle;
      const done = new Promise((resolve, reject) => { settle = { resolve, reject }; });
      const message = { chatId, text, clientMsgId: `m${++ids}`, ...settle };
      messages.push(message);
      return { clientMsgId: message.clientMsgId, done };
    },
    followRoom(roomId, handlers) {
      rooms.set(roomId, handlers);
      return () => rooms.delete(roomId);
    },
    sendRoomMessage(roomId, text) {
      let settle;
      const done = new Promise((resolve, reject) => { settle = { resolve, reject }; });
      const message = { roomId, text, clientMsgId: `r${++ids}`, ...settle };
      messages.push(message);
      return { clientMsgId: message.clientMsgId, done };
    },
    discard() {},
    /** Plays an event the gateway published on `address`. */
    publish(address, event) {
      const handler = subscriptions.get(address);
      if (handler) handler(event);
    },
    /** Plays an event of a followed chat. */
    chatEvent(chatId, event) {
      const handlers = follows.get(chatId);
      if (handlers) handlers.onEvent(event);
    },
    /** Plays an event of a followed staff room. */
    roomEvent(roomId, event) {
      const handlers = rooms.get(roomId);
      if (handlers) handlers.onEvent(event);
    },
    /** Where the connector was told to start a room from. */
    roomFollowedFrom: (roomId) => (rooms.has(roomId) ? rooms.get(roomId).lastSeq : undefined),
    isSubscribed: (address) => subscriptions.has(address),
    isFollowing: (chatId) => follows.has(chatId),
  };
}

/**
 * `call(path, options)` answered from `routes`: 'METHOD /path' (or '/path' for GET) → a value, a
 * function of the options, or an Error to throw. Every call is recorded.
 */
export function fakeCall(routes = {}) {
  const calls = [];
  const call = async (path, options = {}) => {
    const method = options.method || 'GET';
    calls.push({ method, path, body: options.body });
    const answer = routes[`${method} ${path}`] ?? (method === 'GET' ? routes[path] : undefined);
    if (answer === undefined) throw Object.assign(new Error(`no route ${method} ${path}`), { status: 404, code: 'not_found' });
    const value = await (typeof answer === 'function' ? answer(options) : answer);
    if (value instanceof Error) throw value;
    return structuredClone(value);
  };
  call.calls = calls;
  call.routes = routes;
  return call;
}

/** An error as shared/api.js throws it. */
export function apiError(status, code, message = code, details = {}) {
  return Object.assign(new Error(message), { status, code, details });
}

export const me = {
  operator: { id: 7, name: 'Ben Okafor', role: 'librarian', libraryId: 1 },
  library: {
    id: 1, name: 'Riverside Library',
    settings: { firstMinuteSeconds: 60, deadAirSeconds: 120, awayAfterSeconds: 900, requireTag: false },
  },
  queues: [{ id: 1, slug: 'ask', name: 'Ask a librarian' }, { id: 2, slug: 'kids', name: 'Kids' }],
  limits: { messageChars: 4000, emailChars: 254, cannedTitleChars: 80, cannedShortcutChars: 32, tagNameChars: 60, ticketSubjectChars: 200, ticketTextChars: 20000 },
};

/** A clock that only moves when the test says so. */
export function fixedClock(at = Date.parse('2026-12-01T10:00:00Z')) {
  return { at, observe() {}, now() { return this.at; }, toServer: (local) => local };
}
