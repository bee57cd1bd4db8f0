// One chat's events, as a screen must see them: every stored event once, in `seq` order, none skipped.
// Events come from live pushes and from resume pages, overlapping and in any order. A live event
// ahead of the next expected seq means some were lost on the way (a node died, a socket dropped):
// it waits here while the caller fetches the missing ones, because showing it first would put the
// conversation out of order. Typing events are never stored nor numbered, so they pass straight on.

export function createChatStream({ lastSeq = 0, deliver, onGap = () => {} }) {
  let delivered = Number(lastSeq) || 0;
  const waiting = new Map();
  let reportedAt = null;

  function take(event) {
    if (!event) return;
    if (!Number.isInteger(event.seq)) {
      deliver(event);
      return;
    }
    if (event.seq <= delivered || waiting.has(event.seq)) return;
    waiting.set(event.seq, event);
  }

  function drain() {
    while (waiting.has(delivered + 1)) {
      const next = waiting.get(delivered + 1);
      waiting.delete(delivered + 1);
      // Counted before delivery so a throwing screen cannot make the stream deliver it twice.
      delivered += 1;
      deliver(next);
    }
    if (waiting.size === 0) {
      reportedAt = null;
    } else if (reportedAt !== delivered) {
      // Once per position: the caller's fetch covers every event after it, however many wait.
      reportedAt = delivered;
      onGap(delivered);
    }
  }

  return {
    /** The seq of the last event delivered; resume asks for the events after it. */
    get lastSeq() {
      return delivered;
    },
    /** True while events wait for an earlier one that has not arrived. */
    get hasGap() {
      return waiting.size > 0;
    },
    push(event) {
      take(event);
      drain();
    },
    pushPage(events) {
      for (const event of events) take(event);
      drain();
    },
  };
}
