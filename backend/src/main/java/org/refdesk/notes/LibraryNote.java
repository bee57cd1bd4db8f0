package org.refdesk.notes;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Duration;
import java.time.OffsetDateTime;

/** One of a library's policy notes: a topic, a title, plain text and links, and how old it is. */
public record LibraryNote(
    long id,
    long libraryId,
    String topic,
    String title,
    String body,
    JsonArray links,
    OffsetDateTime updatedAt,
    Long updatedBy) {

  static LibraryNote from(Row row) {
    return new LibraryNote(
        row.getLong("id"),
        row.getLong("library_id"),
        row.getString("topic"),
        row.getString("title"),
        row.getString("body"),
        row.getJsonArray("links"),
        row.getOffsetDateTime("updated_at"),
        row.getLong("updated_by"));
  }

  /** Older than the library's chosen age at {@code now}: the card says it may be out of date. */
  boolean isStale(OffsetDateTime now, int staleAfterDays) {
    return Duration.between(updatedAt, now).compareTo(Duration.ofDays(staleAfterDays)) > 0;
  }

  /**
   * The note as the card and the admin's list show it. The body is plain text: the app shows it as
   * text (never as HTML) and links only the addresses in {@code links}.
   */
  JsonObject toJson(OffsetDateTime now, int staleAfterDays) {
    return new JsonObject()
        .put("id", id)
        .put("topic", topic)
        .put("title", title)
        .put("body", body)
        .put("links", links == null ? new JsonArray() : links.copy())
        .put("updatedAt", updatedAt.toInstant().toString())
        .put("stale", isStale(now, staleAfterDays));
  }
}
