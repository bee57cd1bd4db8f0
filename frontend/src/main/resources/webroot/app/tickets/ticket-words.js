// How a ticket's statuses, message kinds, mail states and history lines are said.
import { t } from '../messages/t.js';

const STATUS = { new: 'tickets.statusNew', open: 'tickets.statusOpen', pending: 'tickets.statusPending', closed: 'tickets.statusClosed' };
const KIND = {
  to_patron: 'tickets.kindToPatron', from_patron: 'tickets.kindFromPatron', note: 'tickets.kindNote', transcript: 'tickets.kindTranscript',
};

export const statusWord = (status) => (STATUS[status] ? t(STATUS[status]) : status);
export const kindWord = (kind) => (KIND[kind] ? t(KIND[kind]) : kind);

/** Where a reply's e-mail stands: sent, queued, or queued with the reason it is not sent. */
export function mailWord(mail) {
  if (!mail) return '';
  if (mail.status === 'sent') return t('tickets.mailSent');
  return mail.error ? t('tickets.mailNotSent', { reason: mail.error }) : t('tickets.mailQueued');
}

/** One line of history: who did what. `names` maps operator ids to names for assignments. */
export function historyWord(line, names) {
  const by = line.by ? line.by.name : t('tickets.someone');
  const d = line.detail || {};
  switch (line.action) {
    case 'created': return d.chatId ? t('tickets.historyCreatedFromChat', { by }) : t('tickets.historyCreated', { by });
    case 'assigned': return d.to ? t('tickets.historyAssigned', { by, to: names(d.to) }) : t('tickets.historyUnassigned', { by });
    case 'status': return t('tickets.historyStatus', { by, to: statusWord(d.to) });
    case 'replied': return t('tickets.historyReplied', { by });
    case 'noted': return t('tickets.historyNoted', { by });
    default: return line.action;
  }
}
