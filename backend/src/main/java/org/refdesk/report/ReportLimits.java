package org.refdesk.report;

/** How much one report may cover and how the statistics entries are read. */
final class ReportLimits {

  private ReportLimits() {}

  /** Days shown when the request names no range: the last 30, today included. */
  static final int DEFAULT_DAYS = 30;

  /** The longest range: a year with room for a year-on-year comparison's edges. */
  static final int MAX_DAYS = 400;

  /** Statistics entries fetched from the cursor at a time while the CSV streams. */
  static final int ENTRY_FETCH_ROWS = 500;

  /** CSV lines gathered before a write, so a year of entries is not 100,000 tiny writes. */
  static final int LINES_PER_WRITE = 200;
}
