package org.refdesk.queue;

import java.util.regex.Pattern;

/** What an admin may write into a queue. */
public final class QueueLimits {

  private QueueLimits() {}

  /** The public id in the widget's URL; the table's own check says the same. */
  public static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  public static final int NAME_CHARS = 200;
  public static final int LAUNCHER_LABEL_CHARS = 60;
  public static final int HOURS_CHARS = 300;
  public static final int GREETING_CHARS = 500;
  public static final int OFFLINE_MESSAGE_CHARS = 1000;
  public static final int TRANSCRIPT_NOTICE_CHARS = 500;
}
