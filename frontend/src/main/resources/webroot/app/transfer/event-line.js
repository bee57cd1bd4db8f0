// The words of a chat's non-message events for staff: who joined, left, took over, and why it ended.
// Pure: the catalogue's `t` is passed in, so it is tested in Node.

export function eventLine(event, t) {
  const name = (who) => (who && who.name) || t('events.aLibrarian');
  switch (event.type) {
    case 'claimed': return t('events.joined', { name: name(event.operator) });
    case 'joined': return t('events.joined', { name: name(event.operator || event.from) });
    case 'left': return t('events.left', { name: name(event.from) });
    case 'transferred':
      return event.toQueue
        ? t('events.transferredVia', { from: name(event.fromOperator), to: name(event.toOperator), queue: event.toQueue.name })
        : t('events.transferredTo', { from: name(event.fromOperator), to: name(event.toOperator) });
    case 'ended': return event.endedBy === 'system' ? event.text || t('events.endedIdle') : t('chat.ended');
    default: return event.text || '';
  }
}
