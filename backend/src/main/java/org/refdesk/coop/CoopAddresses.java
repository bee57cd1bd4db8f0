package org.refdesk.coop;

/** The co-op feature's event-bus addresses: server-side only, never on the bridge. */
public final class CoopAddresses {

  private CoopAddresses() {}

  /**
   * A library joined or left a co-op ({@code {libraryId}}): every event loop forgets what it knew
   * of that library's co-ops, so who may see a co-op chat changes at once.
   */
  public static final String MEMBERSHIP_CHANGED = "refdesk.coop-membership-changed";
}
