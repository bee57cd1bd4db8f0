package org.refdesk.platform.bus;

/**
 * The platform's own event-bus address, and the reading of the ids in features' addresses. Each
 * feature declares its addresses in its own {@code *Addresses} class; the browser's are mirrored in
 * frontend/.../shared/addresses.js, and a test holds the two together.
 */
public final class Addresses {

  private Addresses() {}

  /**
   * Server side only, local to each node: where the bridge guard sends a frame it refuses for its
   * shape or its rate, so the sender's own reply handler hears the reason at once (the bridge's own
   * refusal carries no reply address). The guard lets no browser address it directly.
   */
  public static final String BRIDGE_REFUSED = "refdesk.bridge-refused";

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
