package org.refdesk.chat;

/**
 * The chat feature's event-bus addresses; the browser's are mirrored in
 * frontend/.../shared/addresses.js.
 */
public final class ChatAddresses {

  private ChatAddresses() {}

  /** Inbound: a message for a chat, answered with {seq, at} once it is committed. */
  public static final String CHAT_SEND = "chat.send";

  /** Inbound: typing on or off, with the patron's draft for operators. Relayed, never stored. */
  public static final String CHAT_TYPING = "chat.typing";

  /**
   * Server side only, never bridged: a message as on {@code chat.send} plus {@code data}, what a
   * feature of the server attached to it after checking it (an FAQ's link card). Written through
   * the same lanes, numbered and deduplicated by {@code clientMsgId} like any message; the sender's
   * identity travels in the headers as the bridge would stamp it.
   */
  public static final String CHAT_SEND_ATTACHED = "refdesk.chat-send-attached";

  /** Outbound: {@code chat.<chatId>} carries the chat's events. */
  public static final String CHAT_PREFIX = "chat.";

  /** Server side only: a chat started; every node's chat directory remembers its facts. */
  public static final String CHAT_STARTED = "refdesk.chat-started";

  /**
   * Server side only: a chat was claimed {chatId, operatorId}; every node's chat directory notes
   * its owner.
   */
  public static final String CHAT_CLAIMED = "refdesk.chat-claimed";

  /**
   * Server side only: a chat ended; every node's chat directory forgets it, to read it again if
   * asked.
   */
  public static final String CHAT_ENDED = "refdesk.chat-ended";

  /**
   * Server side only: a chat's people changed (a transfer, a colleague joining or leaving) {chatId,
   * queueId, ownerId, participants}; every node's chat directory takes the new facts, and the
   * typing memory forgets the chat. Published before the chat's own event about it.
   */
  public static final String CHAT_PEOPLE = "refdesk.chat-people";

  public static String chat(long chatId) {
    return CHAT_PREFIX + chatId;
  }
}
