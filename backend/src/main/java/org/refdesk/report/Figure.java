package org.refdesk.report;

import java.util.Arrays;
import java.util.Optional;

/**
 * The figures of the reports page: each one SQL aggregate, one key in the JSON answer and one CSV
 * file. A single figure is one row (a summary), the others are tables.
 */
enum Figure {
  DAILY("daily", "daily", ReportSql.DAILY, false),
  WEEKLY("weekly", "weekly", ReportSql.WEEKLY, false),
  HEATMAP("heatmap", "heatmap", ReportSql.HEATMAP, false),
  WAITS("waits", "waits", ReportSql.WAITS, false),
  WAIT_SUMMARY("waitSummary", "wait-summary", ReportSql.WAIT_SUMMARY, true),
  OUTCOMES("outcomes", "outcomes", ReportSql.OUTCOMES, true),
  QUEUES("queues", "queues", ReportSql.QUEUES, false),
  OPERATORS("operators", "operators", ReportSql.OPERATORS, false),
  TAGS("tags", "tags", ReportSql.TAGS, false),
  QUESTION_TYPES("questionTypes", "question-types", ReportSql.QUESTION_TYPES, false),
  RATINGS("ratings", "ratings", ReportSql.RATINGS, false),
  RATING_SUMMARY("ratingSummary", "rating-summary", ReportSql.RATING_SUMMARY, true);

  private final String key;
  private final String file;
  private final String sql;
  private final boolean single;

  Figure(String key, String file, String sql, boolean single) {
    this.key = key;
    this.file = file;
    this.sql = sql;
    this.single = single;
  }

  /** Its name in the JSON answer. */
  String key() {
    return key;
  }

  /** Its CSV's name, without ".csv". */
  String file() {
    return file;
  }

  String sql() {
    return sql;
  }

  boolean single() {
    return single;
  }

  static Optional<Figure> byFile(String file) {
    return Arrays.stream(values()).filter(figure -> figure.file.equals(file)).findFirst();
  }
}
