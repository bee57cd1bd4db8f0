package org.refdesk.staffchat;

/**
 * The staff chat's event-bus addresses; the browser's are mirrored in
 * frontend/.../shared/addresses.js.
 */
public final class StaffChatAddresses {

  private StaffChatAddresses() {}

  /** Inbound, operators only: a message for a staff room, answered {seq, at} once committed. */
  public static final String INTERNAL_SEND = "internal.send";

  /** Outbound: {@code internal.<roomId>} carries the room's messages, to its members only. */
  public static final String INTERNAL_PREFIX = "internal.";

  public static String room(long roomId) {
    return INTERNAL_PREFIX + roomId;
  }
}
