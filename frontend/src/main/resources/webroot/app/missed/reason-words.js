// How the reasons for dismissing a chat are said.
import { t } from '../messages/t.js';

const REASON = {
  spam: 'dismiss.reasonSpam',
  test: 'dismiss.reasonTest',
  duplicate: 'dismiss.reasonDuplicate',
  answered_elsewhere: 'dismiss.reasonAnsweredElsewhere',
  no_contact: 'dismiss.reasonNoContact',
  other: 'dismiss.reasonOther',
};

export const reasonWord = (reason) => (REASON[reason] ? t(REASON[reason]) : reason);
