package org.refdesk.rota;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A shift as it falls on one date: a weekly shift's occurrence (perhaps taken off that day) or an
 * extra one. {@code key} names it for good ("w12:2026-03-02", "x7"): the app remembers a dismissed
 * prompt by it and the empty-shift alert is sent once per key.
 */
record Occurrence(
    String key,
    LocalDate date,
    LocalTime starts,
    LocalTime ends,
    Instant startsAt,
    Instant endsAt,
    long queueId,
    String queueName,
    long operatorId,
    String operatorName,
    Shift shift,
    ShiftException exception,
    boolean off) {

  static String weeklyKey(long shiftId, LocalDate date) {
    return "w" + shiftId + ":" + date;
  }

  static String extraKey(long exceptionId) {
    return "x" + exceptionId;
  }

  JsonObject toJson() {
    return new JsonObject()
        .put("key", key)
        .put("kind", shift != null ? "weekly" : "extra")
        .put("date", date.toString())
        .put("starts", RotaTimes.text(starts))
        .put("ends", RotaTimes.text(ends))
        .put("startsAt", startsAt.toString())
        .put("endsAt", endsAt.toString())
        .put("queue", new JsonObject().put("id", queueId).put("name", queueName))
        .put("operator", new JsonObject().put("id", operatorId).put("name", operatorName))
        .put("shiftId", shift == null ? null : shift.id())
        .put("weekday", date.getDayOfWeek().getValue())
        .put("validFrom", shift == null ? null : shift.validFrom().toString())
        .put(
            "validTo", shift == null || shift.validTo() == null ? null : shift.validTo().toString())
        .put("exceptionId", exception == null ? null : exception.id())
        .put("off", off)
        .put("note", exception == null ? null : exception.note());
  }
}
