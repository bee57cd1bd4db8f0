// Test doubles for the browser side of the connector: a clock whose timers run only when a test
// moves time on, and an EventBus class with the surface of vertx-eventbus.js 1.0.0 that records
// every frame and lets a test play the server.

/** Lets every promise chain started so far run to its end. */
export const settle = () => new Promise((resolve) => setImmediate(resolve));

export class FakeClock {
  now = 0;
  #timers = new Map();
  #nextId = 1;

  setTimeout = (fn, ms = 0) => {
    const id = this.#nextId++;
    this.#timers.set(id, { at: this.now + Math.max(0, ms), fn });
    return id;
  };

  clearTimeout = (id) => {
    this.#timers.delete(id);
  };

  /** Runs, in time order, every timer due within `ms`, letting promises settle after each. */
  async advance(ms) {
    const end = this.now + ms;
    await settle();
    for (;;) {
      let next = null;
      for (const [id, timer] of this.#timers) {
        if (timer.at <= end && (!next || timer.at < next.timer.at)) next = { id, timer };
      }
      if (!next) break;
      this.#timers.delete(next.id);
      this.now = next.timer.at;
      next.timer.fn();
      await settle();
    }
    this.now = end;
  }

  get pending() {
    return this.#timers.size;
  }
}

class FakeSockJS {
  #listeners = new Map();

  addEventListener(type, fn) {
    if (!this.#listeners.has(type)) this.#listeners.set(type, []);
    this.#listeners.get(type).push(fn);
  }

  emit(type) {
    for (const fn of this.#listeners.get(type) || []) fn({ type });
  }
}

/** A fresh EventBus class per test, so instances never leak between tests. */
export function fakeEventBus() {
  let replies = 0;

  class FakeEventBus {
    static CONNECTING = 0;
    static OPEN = 1;
    static CLOSING = 2;
    static CLOSED = 3;
    static instances = [];

    static get last() {
      return FakeEventBus.instances[FakeEventBus.instances.length - 1];
    }

    constructor(url, options) {
      this.url = url;
      this.options = options;
      this.state = FakeEventBus.CONNECTING;
      this.frames = [];
      this.handlers = {};
      this.replyHandlers = {};
      this.sockJSConn = new FakeSockJS();
      FakeEventBus.instances.push(this);
    }

    // ---- the surface of vertx-eventbus.js the connector may use ----

    send(address, body, headers, callback) {
      this.#mustBeOpen();
      const frame = { type: 'send', address, headers, body };
      if (callback) {
        frame.replyAddress = `reply-${++replies}`;
        this.replyHandlers[frame.replyAddress] = callback;
      }
      this.frames.push(frame);
    }

    registerHandler(address, headers, callback) {
      this.#mustBeOpen();
      if (!this.handlers[address]) {
        this.handlers[address] = [];
        this.frames.push({ type: 'register', address, headers });
      }
      this.handlers[address].push(callback);
    }

    unregisterHandler(address, headers, callback) {
      this.#mustBeOpen();
      const list = this.handlers[address] || [];
      const i = list.indexOf(callback);
      if (i === -1) return;
      list.splice(i, 1);
      if (list.length === 0) {
        delete this.handlers[address];
        this.frames.push({ type: 'unregister', address, headers });
      }
    }

    publish() {
      throw new Error('clients may not publish');
    }

    enablePing(enable) {
      this.pinging = enable;
    }

    // At once, unlike SockJS: a connector must not count the close it asked for as a loss.
    close() {
      this.closedByClient = true;
      this.state = FakeEventBus.CLOSED;
      this.onclose && this.onclose({});
    }

    // ---- the server's side, played by a test ----

    open() {
      this.state = FakeEventBus.OPEN;
      this.onopen && this.onopen();
    }

    /** The socket drops (server gone, network gone), not asked for by the client. */
    drop() {
      this.state = FakeEventBus.CLOSED;
      this.onclose && this.onclose({});
    }

    deliver(address, body) {
      this.sockJSConn.emit('message');
      for (const handler of [...(this.handlers[address] || [])]) handler(null, { type: 'rec', address, body });
    }

    heartbeat() {
      this.sockJSConn.emit('heartbeat');
    }

    reply(frame, body) {
      this.sockJSConn.emit('message');
      const handler = this.#takeReplyHandler(frame);
      handler(null, { type: 'rec', address: frame.replyAddress, body });
    }

    fail(frame, failureCode, message) {
      this.sockJSConn.emit('message');
      const handler = this.#takeReplyHandler(frame);
      handler({ failureCode, failureType: 'RECIPIENT_FAILURE', message });
    }

    /** An error frame without an address, as the bridge sends for `rejected` and `access_denied`. */
    refuse(body) {
      this.sockJSConn.emit('message');
      this.onunhandled({ type: 'err', body });
    }

    sent(address) {
      return this.frames.filter((f) => f.type === 'send' && (!address || f.address === address));
    }

    of(type) {
      return this.frames.filter((f) => f.type === type);
    }

    #takeReplyHandler(frame) {
      const handler = this.replyHandlers[frame.replyAddress];
      if (!handler) throw new Error(`no reply awaited for ${frame.address}`);
      delete this.replyHandlers[frame.replyAddress];
      return handler;
    }

    #mustBeOpen() {
      if (this.state !== FakeEventBus.OPEN) throw new Error('INVALID_STATE_ERR');
    }
  }

  return FakeEventBus;
}

/** A network whose online state a test switches. */
export function fakeNetwork(online = true) {
  let listener = () => {};
  return {
    isOnline: () => online,
    watch(fn) {
      listener = fn;
      return () => {
        listener = () => {};
      };
    },
    set(value) {
      online = value;
      listener(value);
    },
  };
}

/** A server's event store for one chat, answering like GET /api/chats/{id}/events. */
export function fakeEventStore(events = [], { pageSize = 200 } = {}) {
  const calls = [];
  const store = {
    events,
    calls,
    pageSize,
    failWith: null,
    async fetchEvents(chatId, after) {
      calls.push({ chatId, after });
      if (store.failWith) throw store.failWith;
      const later = store.events.filter((e) => e.chatId === chatId && e.seq > after);
      return { events: later.slice(0, store.pageSize), more: later.length > store.pageSize };
    },
  };
  return store;
}
