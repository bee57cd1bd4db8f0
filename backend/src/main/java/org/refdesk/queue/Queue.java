package org.refdesk.queue;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/**
 * A queue with its library's name, as the widget introduces it, and the library's stored settings
 * (read over their defaults with {@code LibrarySettings.effective}), which the widget's forms need
 * on every page view and so come in the same query. A co-op's queue has its co-op's id (its library
 * is the co-op's host); a library's own queue has none.
 */
public record Queue(
    long id,
    String slug,
    String name,
    long libraryId,
    String libraryName,
    JsonObject settings,
    JsonObject librarySettings,
    Long coopId) {

  public boolean isCoopQueue() {
    return coopId != null;
  }

  /** Settings that are not an object (written by hand) count as none set. */
  static Queue from(Row row) {
    return new Queue(
        row.getLong("id"),
        row.getString("slug"),
        row.getString("name"),
        row.getLong("library_id"),
        row.getString("library_name"),
        row.getValue("settings") instanceof JsonObject stored ? stored : new JsonObject(),
        row.getValue("library_settings") instanceof JsonObject library ? library : null,
        row.getLong("coop_id"));
  }
}
