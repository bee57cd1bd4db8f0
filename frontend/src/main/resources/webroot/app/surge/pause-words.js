// How long the page was paused, in words an operator reads at a glance: seconds under a minute, then
// whole minutes. Pure: no Vue, no DOM, so Node tests cover it.

/** `{ key, count }` for the catalogue: 'surge.seconds' or 'surge.minutes'. */
export function pauseLength(sinceMs, nowMs) {
  const seconds = Math.max(0, Math.round((nowMs - sinceMs) / 1000));
  if (seconds < 60) return { key: 'surge.seconds', count: seconds };
  return { key: 'surge.minutes', count: Math.round(seconds / 60) };
}
