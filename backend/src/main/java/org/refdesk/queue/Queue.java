package org.refdesk.queue;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/**
 * A queue with its library's name, as the widget introduces it, and the library's stored settings
 * (read over their defaults with {@code LibrarySettings.effective}), which the widget's forms need
 * on every page view and so come in the same query.
 */
public record Queue(
    long id,
    String slug,
    String name,
    long libraryId,
    String libraryName,
    JsonObject settings,
    JsonObject librarySettings) {

  /** Settings that are not an object (written by hand) count as none set. */
  static Queue from(Row row) {
    return new Queue(
        row.getLong("id"),
        row.getString("slug"),
        row.getString("name"),
        row.getLong("library_id"),
        row.getString("library_name"),
        row.getValue("settings") instanceof JsonObject stored ? stored : new JsonObject(),
        row.getValue("library_settings") instanceof JsonObject library ? library : null);
  }
}
