package org.refdesk.ticket;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;

/** One line of a ticket's history: who did what, when, and the details (from and to). */
public record TicketChange(
    String action, Long actorId, String actorName, JsonObject detail, OffsetDateTime at) {

  static TicketChange from(Row row) {
    return new TicketChange(
        row.getString("action"),
        row.getLong("actor_id"),
        row.getString("actor_name"),
        (JsonObject) row.getJson("detail"),
        row.getOffsetDateTime("created_at"));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("action", action)
        .put(
            "by",
            actorId == null ? null : new JsonObject().put("id", actorId).put("name", actorName))
        .put("detail", detail)
        .put("at", at.toInstant().toString());
  }
}
