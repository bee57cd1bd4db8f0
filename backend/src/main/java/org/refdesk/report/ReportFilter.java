package org.refdesk.report;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;

/**
 * What a report covers: a library's chats from the first to the last day (both included, as dates
 * in its time zone), in one queue or all.
 */
record ReportFilter(long libraryId, LocalDate from, LocalDate to, Long queueId, String timezone) {

  /** The parameters of every {@link ReportSql} statement, in their order. */
  Tuple tuple() {
    return Tuple.of(libraryId, from, to, queueId, timezone);
  }

  JsonObject toJson() {
    return new JsonObject()
        .put("from", from.toString())
        .put("to", to.toString())
        .put("queueId", queueId)
        .put("timezone", timezone);
  }
}
