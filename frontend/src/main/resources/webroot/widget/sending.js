// How the patron's own message reads while it is on its way. Pure, so it is tried in Node.
import { t } from './messages/t.js';

/** The gateway refusing a patron who sends too fast is worth words; anything else is just on its way. */
export function sendingText(error) {
  return error && error.code === 'rate_limited'
    ? t('send.slowDown')
    : t('send.sending');
}
