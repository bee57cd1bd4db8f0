package org.refdesk.rating;

/** What a patron's rating may hold; the widget is told through its queue description. */
public final class RatingLimits {

  private RatingLimits() {}

  public static final int COMMENT_CHARS = 2000;

  /** Ratings from one address per hour: more than any patron sends, few enough to stop a flood. */
  static final int RATINGS_PER_HOUR = 10;
}
