package org.refdesk.surge;

/** How often a library may call for help, and how far back an operator may count arrivals. */
public final class SurgeLimits {

  private SurgeLimits() {}

  /**
   * After one call for help, the library's next waits this long: colleagues have been told, and a
   * second page in the same minutes only teaches them to ignore the first.
   */
  public static final int PAGE_PAUSE_SECONDS = 300;

  /** Calls one operator may send in {@link #CALLS_WINDOW_SECONDS}: a guard, not the rule above. */
  public static final int CALLS_PER_OPERATOR = 4;

  public static final int CALLS_WINDOW_SECONDS = 3600;

  /** The earliest an operator may count arrivals from: a pause longer than this is a day off. */
  public static final long ARRIVALS_LOOKBACK_MS = 24L * 3600 * 1000;
}
