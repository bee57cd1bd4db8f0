package org.refdesk.chat;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/**
 * What a claim needs to know about a chat before it asks Redis. The library, the queue and the arrival
 * never change once the chat has started (there are no transfers between queues), and a chat that has
 * ended never opens again, so all of it may be remembered; only "not ended yet" can go stale. A missed
 * chat is not ended (it waits again when its patron returns); Postgres refuses its claims.
 */
public record ChatFacts(long chatId, long libraryId, long queueId, long arrivalMs, boolean ended) {

  static ChatFacts from(Row row) {
    var state = row.getString("state");
    return new ChatFacts(row.getLong("id"), row.getLong("library_id"), row.getLong("queue_id"),
        row.getOffsetDateTime("created_at").toInstant().toEpochMilli(),
        // A missed chat is not ended: its patron may come back, and it waits again.
        Chat.ENDED.equals(state));
  }

  /** As {@link org.refdesk.platform.bus.Addresses#CHAT_STARTED} carries it. */
  static ChatFacts fromJson(JsonObject json) {
    return new ChatFacts(json.getLong("chatId"), json.getLong("libraryId"), json.getLong("queueId"),
        json.getLong("arrivalMs"), false);
  }

  JsonObject toJson() {
    return new JsonObject().put("chatId", chatId).put("libraryId", libraryId).put("queueId", queueId)
        .put("arrivalMs", arrivalMs);
  }

  ChatFacts asEnded() {
    return new ChatFacts(chatId, libraryId, queueId, arrivalMs, true);
  }
}
