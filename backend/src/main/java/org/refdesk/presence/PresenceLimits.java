package org.refdesk.presence;

/**
 * How long a quiet page stays online, how long it is shown away, and what is remembered meanwhile.
 */
public final class PresenceLimits {

  private PresenceLimits() {}

  /**
   * The share of the presence timeout after which a page that sent no heartbeat is shown as away:
   * 32 s of the default 45 s, so two heartbeats (every 15 s) have been missed and one late
   * heartbeat of a busy browser never shows anyone away, yet colleagues and patrons stop counting
   * on the operator before the timeout turns them offline. A share rather than seconds of its own,
   * so a gateway run with a longer timeout pauses later too.
   */
  public static final double PAUSE_SHARE_OF_TIMEOUT = 32.0 / 45.0;

  /**
   * How long the status chosen before a pause is kept for the page to come back to: a phone that
   * wakes within the hour gets its status back, and is told how long it was silent.
   */
  public static final int PAUSE_REMEMBERED_SECONDS = 3600;

  public static long pauseAfterMs(int timeoutSeconds) {
    return Math.round(timeoutSeconds * 1000L * PAUSE_SHARE_OF_TIMEOUT);
  }
}
