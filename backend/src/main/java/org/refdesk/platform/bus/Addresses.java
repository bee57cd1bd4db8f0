package org.refdesk.platform.bus;

/**
 * Every event-bus address, declared once and mirrored in frontend/.../shared/addresses.js.
 * Inbound addresses take commands from browsers through the bridge; outbound ones carry events to them.
 */
public final class Addresses {

  private Addresses() {
  }

  /** Inbound: a message for a chat, answered with {seq, at} once it is committed. */
  public static final String CHAT_SEND = "chat.send";
  /** Inbound: typing on or off, with the patron's draft for operators. Relayed, never stored. */
  public static final String CHAT_TYPING = "chat.typing";
  /** Inbound: an operator sets their status. */
  public static final String PRESENCE_SET = "presence.set";
  /** Inbound: an operator's app says it is still open. */
  public static final String PRESENCE_HEARTBEAT = "presence.heartbeat";

  /**
   * Server side only: an operator was disabled; every node closes that operator's sockets and forgets
   * it in the memory that spares authenticated requests a Postgres query.
   */
  public static final String OPERATOR_DISABLED = "refdesk.operator-disabled";
  /**
   * Server side only: an operator signed out; every node refuses that token from now on and closes the
   * sockets it opened. Carries {tokenId, expiresAt}, a digest of the token, never the token.
   */
  public static final String TOKEN_REVOKED = "refdesk.token-revoked";
  /**
   * Server side only, local to each node: where the bridge guard sends a frame it refuses for its shape
   * or its rate, so the sender's own reply handler hears the reason at once (the bridge's own refusal
   * carries no reply address). The guard lets no browser address it directly.
   */
  public static final String BRIDGE_REFUSED = "refdesk.bridge-refused";
  /** Server side only: a chat started; every node's chat directory remembers its facts. */
  public static final String CHAT_STARTED = "refdesk.chat-started";
  /** Server side only: a chat was claimed {chatId, operatorId}; every node's chat directory notes its owner. */
  public static final String CHAT_CLAIMED = "refdesk.chat-claimed";
  /** Server side only: a chat ended; every node's chat directory forgets it, to read it again if asked. */
  public static final String CHAT_ENDED = "refdesk.chat-ended";

  /**
   * Type of the event on {@code presence.<libraryId>} after an admin changed the library's settings or
   * tags; {@code what} says which ({@link #CHANGED_SETTINGS} or {@link #CHANGED_TAGS}), so open apps
   * read that part again instead of waiting for a reload.
   */
  public static final String LIBRARY_CHANGED = "library-changed";
  public static final String CHANGED_SETTINGS = "settings";
  public static final String CHANGED_TAGS = "tags";

  public static final String CHAT_PREFIX = "chat.";
  public static final String QUEUE_PREFIX = "queue.";
  public static final String OPERATOR_PREFIX = "operator.";
  public static final String PRESENCE_PREFIX = "presence.";

  public static String chat(long chatId) {
    return CHAT_PREFIX + chatId;
  }

  public static String queue(long queueId) {
    return QUEUE_PREFIX + queueId;
  }

  public static String operator(long operatorId) {
    return OPERATOR_PREFIX + operatorId;
  }

  public static String presence(long libraryId) {
    return PRESENCE_PREFIX + libraryId;
  }

  /** Tells the library's open apps that part of the library changed; the bus may drop it, so apps also reread on reconnect. */
  public static void announceLibraryChange(io.vertx.core.Vertx vertx, long libraryId, String what) {
    vertx.eventBus().publish(presence(libraryId), new io.vertx.core.json.JsonObject()
        .put("type", LIBRARY_CHANGED).put("libraryId", libraryId).put("what", what)
        .put("at", java.time.Instant.now().toString()));
  }

  /** The id at the end of an outbound address such as {@code chat.42}, or -1 if it has none. */
  public static long idOf(String address, String prefix) {
    if (!address.startsWith(prefix)) {
      return -1;
    }
    var rest = address.substring(prefix.length());
    if (rest.isEmpty() || rest.length() > 18 || !rest.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Long.parseLong(rest);
  }
}
