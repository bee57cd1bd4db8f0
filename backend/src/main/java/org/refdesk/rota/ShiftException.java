package org.refdesk.rota;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A one-off change on one date: {@code off} cancels a weekly shift's occurrence; {@code extra} is a
 * shift on that date only (queue, starts and ends set, no weekly shift).
 */
record ShiftException(
    long id,
    long libraryId,
    String kind,
    LocalDate onDate,
    Long shiftId,
    long operatorId,
    String operatorName,
    Long queueId,
    String queueName,
    LocalTime starts,
    LocalTime ends,
    String note) {

  static final String OFF = "off";
  static final String EXTRA = "extra";

  static ShiftException from(Row row) {
    return new ShiftException(
        row.getLong("id"),
        row.getLong("library_id"),
        row.getString("kind"),
        row.getLocalDate("on_date"),
        row.getLong("shift_id"),
        row.getLong("operator_id"),
        row.getString("operator_name"),
        row.getLong("queue_id"),
        row.getString("queue_name"),
        row.getLocalTime("starts"),
        row.getLocalTime("ends"),
        row.getString("note"));
  }

  boolean isOff() {
    return OFF.equals(kind);
  }

  JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("kind", kind)
        .put("date", onDate.toString())
        .put("shiftId", shiftId)
        .put("operator", new JsonObject().put("id", operatorId).put("name", operatorName))
        .put(
            "queue",
            queueId == null ? null : new JsonObject().put("id", queueId).put("name", queueName))
        .put("starts", starts == null ? null : RotaTimes.text(starts))
        .put("ends", ends == null ? null : RotaTimes.text(ends))
        .put("note", note);
  }
}
