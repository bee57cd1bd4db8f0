package org.refdesk.operator;

import java.time.Duration;
import java.util.regex.Pattern;

/** What an admin may set on an operator's account. */
public final class OperatorLimits {

  private OperatorLimits() {}

  public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");

  public static final String USERNAME_RULE =
      "must be 3 to 40 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit";

  public static final int DISPLAY_NAME_CHARS = 80;
  public static final int MAX_QUEUES = 100;
  public static final int QUEUE_SLUG_CHARS = 63;

  /** Chats at once: a capacity beyond this is no limit at all, which null already says. */
  public static final int MIN_CHATS = 1;

  public static final int MAX_CHATS = 20;

  /** A sign-off is set for a shift's end, not for next season. */
  public static final Duration SIGN_OFF_AHEAD = Duration.ofDays(14);
}
