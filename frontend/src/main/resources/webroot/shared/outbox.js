// Messages a person has sent that the gateway has not confirmed yet. Each keeps the clientMsgId it was
// born with, so a resend after a lost reply or a reconnect is stored once: the gateway answers a
// repeated id with the first reply. States: `pending` (waiting for a socket), `sent` (on the wire,
// reply awaited), `failed` (refused for good; kept so the screen can say so until discarded).

// Failure messages that another try cannot change. Anything else (`internal`, a timeout, a closed
// socket) is worth resending.
export const PERMANENT_FAILURES = new Set(['invalid', 'forbidden', 'not_found', 'chat_ended', 'not_participant']);

export function isPermanent(error) {
  return Boolean(error) && PERMANENT_FAILURES.has(error.code);
}

// Unguessable and collision-free in practice: two equal ids in one chat would make the gateway drop
// the second message as a repeat of the first.
export function randomClientMsgId() {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(12));
  return 'c-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const sameChat = (a, b) => String(a) === String(b);

export function createOutbox({ newId = randomClientMsgId } = {}) {
  // Insertion order is the order the person typed, which resends keep.
  const records = new Map();

  function settle(clientMsgId, settleWith, value) {
    const record = records.get(clientMsgId);
    if (!record) return false;
    records.delete(clientMsgId);
    record[settleWith](value);
    return true;
  }

  return {
    add(chatId, text) {
      const entry = { clientMsgId: newId(), chatId, text, state: 'pending', attempts: 0, error: null };
      const record = { entry };
      entry.done = new Promise((resolve, reject) => {
        record.resolve = resolve;
        record.reject = reject;
      });
      // The state already tells screens about a failure; a caller that ignores `done` must not
      // turn it into an unhandled rejection.
      entry.done.catch(() => {});
      records.set(entry.clientMsgId, record);
      return entry;
    },

    get(clientMsgId) {
      const record = records.get(clientMsgId);
      return record ? record.entry : undefined;
    },

    /** Marks the entry as on the wire; `attempts` tells stale replies from the current one. */
    sending(clientMsgId) {
      const entry = this.get(clientMsgId);
      if (!entry) return undefined;
      entry.state = 'sent';
      entry.attempts += 1;
      return entry;
    },

    /** Removes the entry and resolves its `done` with the reply; false when it was already gone. */
    acknowledge(clientMsgId, reply) {
      return settle(clientMsgId, 'resolve', reply);
    },

    /** Records a failed try; returns true when the entry should be sent again. */
    fail(clientMsgId, error) {
      const record = records.get(clientMsgId);
      if (!record) return false;
      const { entry } = record;
      entry.error = error;
      if (isPermanent(error)) {
        entry.state = 'failed';
        record.reject(error);
        return false;
      }
      entry.state = 'pending';
      return true;
    },

    /** The socket that carried the `sent` entries is gone, and their replies with it. */
    requeue() {
      for (const { entry } of records.values()) {
        if (entry.state === 'sent') entry.state = 'pending';
      }
    },

    /** The chat's oldest entry not failed: the only one that may be on the wire, to keep order. */
    nextFor(chatId) {
      for (const { entry } of records.values()) {
        if (sameChat(entry.chatId, chatId) && entry.state !== 'failed') return entry;
      }
      return undefined;
    },

    chats() {
      return [...new Set([...records.values()].map(({ entry }) => entry.chatId))];
    },

    forChat(chatId) {
      return [...records.values()]
        .filter(({ entry }) => sameChat(entry.chatId, chatId))
        .map(({ entry }) => ({ clientMsgId: entry.clientMsgId, text: entry.text, state: entry.state }));
    },

    /** Forgets a failed entry once the person has seen it; entries still trying cannot be taken back. */
    discard(clientMsgId) {
      const entry = this.get(clientMsgId);
      if (!entry || entry.state !== 'failed') return false;
      records.delete(clientMsgId);
      return true;
    },

    /** Rejects and forgets everything, for a connector that is closing for good. */
    abandon(error) {
      for (const clientMsgId of [...records.keys()]) settle(clientMsgId, 'reject', error);
    },

    get size() {
      return records.size;
    },
  };
}
