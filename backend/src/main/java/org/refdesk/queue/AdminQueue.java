package org.refdesk.queue;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;

/** A queue as its library's admin sees it: whether it is archived, and what it holds. */
public record AdminQueue(
    long id,
    String slug,
    String name,
    JsonObject settings,
    OffsetDateTime archivedAt,
    long chats,
    long operators) {

  static AdminQueue from(Row row) {
    return new AdminQueue(
        row.getLong("id"),
        row.getString("slug"),
        row.getString("name"),
        row.getValue("settings") instanceof JsonObject stored ? stored : new JsonObject(),
        row.getOffsetDateTime("archived_at"),
        row.getColumnIndex("chats") >= 0 ? row.getLong("chats") : 0,
        row.getColumnIndex("operators") >= 0 ? row.getLong("operators") : 0);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("slug", slug)
        .put("name", name)
        .put("settings", settings)
        .put("archived", archivedAt != null)
        .put("chats", chats)
        .put("operators", operators);
  }
}
