package org.refdesk.chat;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/**
 * What the chat directory knows about a chat: where it belongs, who holds it, whether it has ended.
 * The library, the queue and the arrival do not change today (there are no transfers yet); the
 * owner changes when the chat is claimed, and the chat's own events say so. A missed chat is not
 * ended (it waits again when its patron returns); Postgres refuses its claims.
 *
 * @param ownerId the operator who claimed the chat; null while nobody has
 */
public record ChatFacts(
    long chatId, long libraryId, long queueId, long arrivalMs, Long ownerId, boolean ended) {

  static ChatFacts from(Row row) {
    var state = row.getString("state");
    return new ChatFacts(
        row.getLong("id"),
        row.getLong("library_id"),
        row.getLong("queue_id"),
        row.getOffsetDateTime("created_at").toInstant().toEpochMilli(),
        row.getLong("owner_id"),
        // A missed chat is not ended: its patron may come back, and it waits again.
        Chat.ENDED.equals(state));
  }

  /** As {@link ChatAddresses#CHAT_STARTED} carries it. */
  static ChatFacts fromJson(JsonObject json) {
    return new ChatFacts(
        json.getLong("chatId"),
        json.getLong("libraryId"),
        json.getLong("queueId"),
        json.getLong("arrivalMs"),
        null,
        false);
  }

  JsonObject toJson() {
    return new JsonObject()
        .put("chatId", chatId)
        .put("libraryId", libraryId)
        .put("queueId", queueId)
        .put("arrivalMs", arrivalMs);
  }

  ChatFacts asEnded() {
    return new ChatFacts(chatId, libraryId, queueId, arrivalMs, ownerId, true);
  }

  ChatFacts ownedBy(long operatorId) {
    return new ChatFacts(chatId, libraryId, queueId, arrivalMs, operatorId, ended);
  }
}
