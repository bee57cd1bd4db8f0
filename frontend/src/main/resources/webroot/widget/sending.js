// How the patron's own message reads while it is on its way. Pure, so it is tried in Node.

/** The gateway refusing a patron who sends too fast is worth words; anything else is just on its way. */
export function sendingText(error) {
  return error && error.code === 'rate_limited'
    ? 'Not sent yet: you are sending quickly. It will go out in a moment.'
    : 'Sending…';
}
