package org.refdesk.canned;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/**
 * A prepared answer with a shortcut; its text may hold {patron.name}, {operator.name},
 * {library.name}.
 */
public record CannedMessage(long id, Long ownerId, String title, String body, String shortcut) {

  static CannedMessage from(Row row) {
    return new CannedMessage(
        row.getLong("id"),
        row.getLong("owner_id"),
        row.getString("title"),
        row.getString("body"),
        row.getString("shortcut"));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("scope", ownerId == null ? "library" : "personal")
        .put("title", title)
        .put("body", body)
        .put("shortcut", shortcut);
  }
}
