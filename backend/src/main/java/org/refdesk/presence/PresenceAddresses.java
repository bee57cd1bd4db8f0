package org.refdesk.presence;

/** The presence feature's event-bus addresses; mirrored in frontend/.../shared/addresses.js. */
public final class PresenceAddresses {

  private PresenceAddresses() {}

  /** Inbound: an operator sets their status. */
  public static final String PRESENCE_SET = "presence.set";

  /** Inbound: an operator's app says it is still open. */
  public static final String PRESENCE_HEARTBEAT = "presence.heartbeat";

  /** Outbound: {@code presence.<libraryId>} carries the library's operators' statuses. */
  public static final String PRESENCE_PREFIX = "presence.";

  public static String presence(long libraryId) {
    return PRESENCE_PREFIX + libraryId;
  }
}
