package org.refdesk.rota;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.LocalDate;
import java.time.LocalTime;

/** A weekly shift: one operator on one queue, each such weekday from valid_from to valid_to. */
record Shift(
    long id,
    long libraryId,
    long queueId,
    String queueName,
    long operatorId,
    String operatorName,
    int weekday,
    LocalTime starts,
    LocalTime ends,
    LocalDate validFrom,
    LocalDate validTo) {

  static Shift from(Row row) {
    return new Shift(
        row.getLong("id"),
        row.getLong("library_id"),
        row.getLong("queue_id"),
        row.getString("queue_name"),
        row.getLong("operator_id"),
        row.getString("operator_name"),
        row.getInteger("weekday"),
        row.getLocalTime("starts"),
        row.getLocalTime("ends"),
        row.getLocalDate("valid_from"),
        row.getLocalDate("valid_to"));
  }

  boolean fallsOn(LocalDate date) {
    return date.getDayOfWeek().getValue() == weekday
        && !date.isBefore(validFrom)
        && (validTo == null || !date.isAfter(validTo));
  }

  JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("queue", new JsonObject().put("id", queueId).put("name", queueName))
        .put("operator", new JsonObject().put("id", operatorId).put("name", operatorName))
        .put("weekday", weekday)
        .put("starts", RotaTimes.text(starts))
        .put("ends", RotaTimes.text(ends))
        .put("validFrom", validFrom.toString())
        .put("validTo", validTo == null ? null : validTo.toString());
  }
}
