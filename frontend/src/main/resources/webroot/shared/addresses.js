// Every event-bus address the browser uses: the mirror of the backend features' *Addresses classes
// (chat, presence, queue, operator, library); a backend test holds the two together, and
// docs/protocol.md says who may use each.

export const CHAT_SEND = 'chat.send';
export const CHAT_TYPING = 'chat.typing';
export const PRESENCE_SET = 'presence.set';
export const PRESENCE_HEARTBEAT = 'presence.heartbeat';
export const INTERNAL_SEND = 'internal.send';

export const chat = (chatId) => `chat.${chatId}`;
export const queue = (queueId) => `queue.${queueId}`;
export const operator = (operatorId) => `operator.${operatorId}`;
export const presence = (libraryId) => `presence.${libraryId}`;
export const alerts = (libraryId) => `alerts.${libraryId}`;
export const internal = (roomId) => `internal.${roomId}`;
