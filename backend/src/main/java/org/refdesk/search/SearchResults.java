package org.refdesk.search;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.util.List;

/**
 * A page of results: the hits, the page, how many pages there are and the total, which is exact
 * unless {@code totalCapped} says the count stopped at its cap ("1000+").
 */
record SearchResults(List<JsonObject> results, int page, long total, boolean totalCapped) {

  static SearchResults of(List<JsonObject> results, int page, long counted) {
    boolean capped = counted > SearchLimits.COUNT_CAP;
    return new SearchResults(results, page, capped ? SearchLimits.COUNT_CAP : counted, capped);
  }

  JsonObject toJson() {
    long pages = (total + SearchLimits.PAGE_ROWS - 1) / SearchLimits.PAGE_ROWS;
    return new JsonObject()
        .put("results", new JsonArray(results))
        .put("page", page)
        .put("pageSize", SearchLimits.PAGE_ROWS)
        .put("pages", Math.min(pages, SearchLimits.PAGES))
        .put("total", total)
        .put("totalCapped", totalCapped);
  }

  /** A transcript in the results. */
  static JsonObject chat(Row row) {
    var ownerId = row.getLong("owner_id");
    var rating = row.getInteger("rating");
    var tags = row.getValue("tags");
    return new JsonObject()
        .put("chatId", row.getLong("chat_id"))
        .put("createdAt", iso(row, "created_at"))
        .put("endedAt", iso(row, "ended_at"))
        .put("state", row.getString("state"))
        .put("patronName", row.getString("patron_name"))
        .put(
            "queue",
            new JsonObject()
                .put("id", row.getLong("queue_id"))
                .put("name", row.getString("queue_name")))
        .put(
            "operator",
            ownerId == null
                ? null
                : new JsonObject().put("id", ownerId).put("name", row.getString("owner_name")))
        .put("tags", tags instanceof JsonArray array ? array : new JsonArray())
        .put(
            "rating",
            rating == null
                ? null
                : new JsonObject()
                    .put("score", rating)
                    .put("comment", row.getString("rating_comment")))
        .put("snippet", Snippet.pieces(row.getString("snippet")));
  }

  /** A ticket in the results. */
  static JsonObject ticket(Row row) {
    var assigneeId = row.getLong("assignee_id");
    return new JsonObject()
        .put("ticketId", row.getLong("id"))
        .put("subject", row.getString("subject"))
        .put("status", row.getString("status"))
        .put("createdAt", iso(row, "created_at"))
        .put("updatedAt", iso(row, "updated_at"))
        .put(
            "queue",
            new JsonObject()
                .put("id", row.getLong("queue_id"))
                .put("name", row.getString("queue_name")))
        .put(
            "assignee",
            assigneeId == null
                ? null
                : new JsonObject()
                    .put("id", assigneeId)
                    .put("name", row.getString("assignee_name")))
        .put("snippet", Snippet.pieces(row.getString("snippet")));
  }

  private static String iso(Row row, String column) {
    var at = row.getOffsetDateTime(column);
    return at == null ? null : at.toInstant().toString();
  }
}
