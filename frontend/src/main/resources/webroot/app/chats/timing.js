// The desk's timers as plain rules: the first-minute countdown of a waiting chat, dead air in a chat
// being answered, and the gateway's clock as this browser can best guess it. Pure functions: no Vue,
// no DOM, so Node tests cover them.

/** "0:42", "1:05", "12:00": whole seconds as minutes and seconds, never below 0:00. */
export function formatCountdown(seconds) {
  const whole = Math.max(0, Math.ceil(Number(seconds) || 0));
  const minutes = Math.floor(whole / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return `${minutes}:${rest}`;
}

/**
 * Where a waiting chat stands against the library's first minute: `{ remaining, overdue }`, with
 * `remaining` in whole seconds. A chat whose arrival time is unknown is never overdue. A clock a little
 * behind the gateway's cannot show more time than the library allows.
 */
export function firstMinute(createdAt, now, limitSeconds) {
  const since = Date.parse(createdAt);
  if (Number.isNaN(since)) return { remaining: limitSeconds, overdue: false };
  const remaining = Math.min(limitSeconds, Math.ceil(limitSeconds - (now - since) / 1000));
  return { remaining: Math.max(0, remaining), overdue: remaining <= 0 };
}

/**
 * Since when the patron has been waiting for a word from the librarian (ms), or null when they are
 * not: the first patron message after the librarians' last one. A message written before the chat
 * was claimed counts from the claim, because until then nobody could have answered it.
 */
export function awaitingReplySince(events) {
  let since = null;
  for (const event of events || []) {
    const at = Date.parse(event.at);
    if (event.type === 'claimed') {
      if (since !== null && !Number.isNaN(at)) since = at;
    } else if (event.type === 'message' && event.from) {
      if (event.from.kind === 'operator') since = null;
      else if (event.from.kind === 'patron' && since === null && !Number.isNaN(at)) since = at;
    } else if (event.type === 'ended') {
      since = null;
    }
  }
  return since;
}

/**
 * Dead air: the patron's last message is newer than the librarian's, and the librarian has neither
 * written nor typed for `seconds`. Typing counts because the patron sees the typing indicator; a
 * message still on its way counts because the librarian did write.
 */
export function isDeadAir({ events, now, seconds, typedAt = 0, pending = 0 }) {
  if (pending > 0) return false;
  const since = awaitingReplySince(events);
  if (since === null) return false;
  return now - Math.max(since, typedAt || 0) >= seconds * 1000;
}

/**
 * The gateway's time as this browser can tell it. Every event carries the gateway's `at`; the smallest
 * gap seen between an event's `at` and the moment it arrived is the clocks' difference plus the
 * quickest delivery, so countdowns stay right on a desk whose clock is off by a minute.
 */
export function createServerClock(localNow = () => Date.now()) {
  let offset = null;
  return {
    observe(iso) {
      const at = Date.parse(iso);
      if (Number.isNaN(at)) return;
      const gap = localNow() - at;
      if (offset === null || gap < offset) offset = gap;
    },
    now() {
      return localNow() - (offset || 0);
    },
    /** The gateway's time for a moment of this browser's clock, to compare with events' `at`. */
    toServer(local) {
      return local - (offset || 0);
    },
  };
}
