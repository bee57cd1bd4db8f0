package org.refdesk.queue;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/** A queue as a client names it. */
public record QueueRef(long id, String slug, String name) {

  public static QueueRef from(Row row) {
    return new QueueRef(row.getLong("id"), row.getString("slug"), row.getString("name"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("slug", slug).put("name", name);
  }
}
