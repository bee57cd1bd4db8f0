// What the widget says after the patron asked for the chat by e-mail: the gateway's answer, or its
// refusal, as a catalogue key with its params. `field` is set when the address itself is the problem.

/** `answer`: `{email, when:"now"|"atEnd", repeated}`. */
export function transcriptAnswered(answer) {
  const key = answer.when === 'now' ? 'transcript.onItsWay' : 'transcript.atEnd';
  return { key, params: { email: answer.email } };
}

/** `error`: an ApiError from the request. */
export function transcriptRefused(error) {
  if (error.code === 'rate_limited') return { key: 'transcript.tooMany', params: {} };
  if (error.code === 'invalid' || error.code === 'bad_json') return { key: 'transcript.badEmail', params: {}, field: 'email' };
  return { key: 'transcript.failed', params: { reason: error.message } };
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Whether an address typed is worth sending; the gateway is the judge of the rest. */
export function looksLikeEmail(text) {
  return EMAIL.test((text || '').trim());
}
