package org.refdesk.ticket;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.Set;

/** A follow-up ticket as operators see it in the list. */
public record Ticket(
    long id,
    long libraryId,
    long queueId,
    String queueName,
    Long chatId,
    String subject,
    String patronEmail,
    String status,
    Long assigneeId,
    String assigneeName,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    String libraryName) {

  public static final String NEW = "new";
  public static final String OPEN = "open";
  public static final String PENDING = "pending";
  public static final String CLOSED = "closed";
  public static final Set<String> STATUSES = Set.of(NEW, OPEN, PENDING, CLOSED);

  static Ticket from(Row row) {
    return new Ticket(
        row.getLong("id"),
        row.getLong("library_id"),
        row.getLong("queue_id"),
        row.getString("queue_name"),
        row.getLong("chat_id"),
        row.getString("subject"),
        row.getString("patron_email"),
        row.getString("status"),
        row.getLong("assignee_id"),
        row.getString("assignee_name"),
        row.getOffsetDateTime("created_at"),
        row.getOffsetDateTime("updated_at"),
        row.getString("library_name"));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("queueId", queueId)
        .put("queueName", queueName)
        .put("chatId", chatId)
        .put("subject", subject)
        .put("email", patronEmail)
        .put("status", status)
        .put(
            "assignee",
            assigneeId == null
                ? null
                : new JsonObject().put("id", assigneeId).put("name", assigneeName))
        .put("createdAt", createdAt.toInstant().toString())
        .put("updatedAt", updatedAt.toInstant().toString());
  }
}
