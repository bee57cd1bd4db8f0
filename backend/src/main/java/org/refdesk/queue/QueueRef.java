package org.refdesk.queue;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/**
 * A queue as a client names it; a co-op's queue also names its co-op, so a list can badge it (read
 * when the query selects {@code coop_id} and {@code coop_name}).
 */
public record QueueRef(long id, String slug, String name, Long coopId, String coopName) {

  public static QueueRef from(Row row) {
    boolean withCoop = row.getColumnIndex("coop_id") >= 0;
    return new QueueRef(
        row.getLong("id"),
        row.getString("slug"),
        row.getString("name"),
        withCoop ? row.getLong("coop_id") : null,
        withCoop ? row.getString("coop_name") : null);
  }

  public JsonObject toJson() {
    var json = new JsonObject().put("id", id).put("slug", slug).put("name", name);
    if (coopId != null) {
      json.put("coopId", coopId).put("coopName", coopName);
    }
    return json;
  }
}
