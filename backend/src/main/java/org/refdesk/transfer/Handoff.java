package org.refdesk.transfer;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import org.refdesk.chat.ChatEvent;

/**
 * A chat offered by one operator to another: a transfer (to a named operator, or to whoever of a
 * queue's operators accepts first), with its hand-off card, or an invitation to share the chat.
 * Only staff ever see one.
 */
public record Handoff(
    long id,
    long chatId,
    long libraryId,
    String kind,
    long fromId,
    String fromName,
    Long toOperatorId,
    String toOperatorName,
    Long toQueueId,
    String toQueueName,
    JsonObject card,
    boolean stay,
    String state,
    String reason,
    String patronName,
    String question,
    OffsetDateTime createdAt,
    OffsetDateTime decidedAt) {

  public static final String TRANSFER = "transfer";
  public static final String INVITE = "invite";

  public static final String PENDING = "pending";
  public static final String ACCEPTED = "accepted";
  public static final String DECLINED = "declined";
  public static final String CANCELLED = "cancelled";

  static Handoff from(Row row) {
    return new Handoff(
        row.getLong("id"),
        row.getLong("chat_id"),
        row.getLong("library_id"),
        row.getString("kind"),
        row.getLong("from_operator_id"),
        row.getString("from_name"),
        row.getLong("to_operator_id"),
        row.getString("to_name"),
        row.getLong("to_queue_id"),
        row.getString("to_queue_name"),
        row.getValue("card") instanceof JsonObject card ? card : new JsonObject(),
        row.getBoolean("stay"),
        row.getString("state"),
        row.getString("reason"),
        row.getString("patron_name"),
        row.getString("question"),
        row.getOffsetDateTime("created_at"),
        row.getOffsetDateTime("decided_at"));
  }

  boolean isTransfer() {
    return TRANSFER.equals(kind);
  }

  boolean isPending() {
    return PENDING.equals(state);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("kind", kind)
        .put("chatId", chatId)
        .put("patronName", patronName)
        .put("question", question)
        .put("from", new JsonObject().put("id", fromId).put("name", fromName))
        .put(
            "toOperator",
            toOperatorId == null
                ? null
                : new JsonObject().put("id", toOperatorId).put("name", toOperatorName))
        .put(
            "toQueue",
            toQueueId == null
                ? null
                : new JsonObject().put("id", toQueueId).put("name", toQueueName))
        .put("card", card.copy())
        .put("stay", stay)
        .put("state", state)
        .put("reason", reason)
        .put("createdAt", ChatEvent.iso(createdAt))
        .put("decidedAt", ChatEvent.iso(decidedAt));
  }
}
