// How long to wait before retry number `attempt` (0 for the first retry): capped exponential backoff
// with full jitter. The whole random spread from 0 up to the ceiling is what keeps every browser from
// coming back in the same instant after a gateway restart.

export const BASE_MS = 500;
export const CAP_MS = 15000;

export function backoffDelay(attempt, { baseMs = BASE_MS, capMs = CAP_MS, random = Math.random } = {}) {
  const exponent = Math.max(0, Math.floor(attempt) || 0);
  const ceiling = Math.min(capMs, baseMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}
