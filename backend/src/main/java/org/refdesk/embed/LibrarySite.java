package org.refdesk.embed;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;

/** One site a library lets embed its widget, with who added it and when. */
record LibrarySite(String origin, OffsetDateTime addedAt, Long addedBy, String addedByName) {

  static LibrarySite from(Row row) {
    return new LibrarySite(
        row.getString("origin"),
        row.getOffsetDateTime("added_at"),
        row.getLong("added_by"),
        row.getString("added_by_name"));
  }

  JsonObject toJson() {
    return new JsonObject()
        .put("origin", origin)
        .put("addedAt", addedAt.toInstant().toString())
        .put(
            "addedBy",
            addedBy == null ? null : new JsonObject().put("id", addedBy).put("name", addedByName));
  }
}
