package org.refdesk.chat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.util.HashSet;
import java.util.Set;

/**
 * What the chat directory knows about a chat: where it belongs, who holds it, who takes part,
 * whether it has ended. The library and the arrival do not change; the queue changes when a chat is
 * transferred to another queue; the owner when it is claimed or transferred; the participants when
 * someone joins, leaves or hands the chat over. The chat's own events say so. A missed chat is not
 * ended (it waits again when its patron returns); Postgres refuses its claims.
 *
 * @param ownerId the operator who holds the chat; null while nobody has
 * @param participants the operators in the chat now (the owner and any colleague sharing it)
 * @param coopId the co-op the chat was routed to, whose member libraries may see it; null for a
 *     chat that stayed in its library
 */
public record ChatFacts(
    long chatId,
    long libraryId,
    long queueId,
    long arrivalMs,
    Long ownerId,
    Set<Long> participants,
    boolean ended,
    Long coopId) {

  public ChatFacts {
    participants = Set.copyOf(participants);
  }

  static ChatFacts from(Row row) {
    var state = row.getString("state");
    var taking = row.getArrayOfLongs("participants");
    return new ChatFacts(
        row.getLong("id"),
        row.getLong("library_id"),
        row.getLong("queue_id"),
        row.getOffsetDateTime("created_at").toInstant().toEpochMilli(),
        row.getLong("owner_id"),
        taking == null ? Set.of() : Set.of(taking),
        // A missed chat is not ended: its patron may come back, and it waits again.
        Chat.ENDED.equals(state),
        row.getLong("coop_id"));
  }

  /** As {@link ChatAddresses#CHAT_STARTED} carries it. */
  static ChatFacts fromJson(JsonObject json) {
    return new ChatFacts(
        json.getLong("chatId"),
        json.getLong("libraryId"),
        json.getLong("queueId"),
        json.getLong("arrivalMs"),
        null,
        Set.of(),
        false,
        json.getLong("coopId"));
  }

  JsonObject toJson() {
    return new JsonObject()
        .put("chatId", chatId)
        .put("libraryId", libraryId)
        .put("queueId", queueId)
        .put("arrivalMs", arrivalMs)
        .put("coopId", coopId);
  }

  ChatFacts asEnded() {
    return new ChatFacts(chatId, libraryId, queueId, arrivalMs, ownerId, Set.of(), true, coopId);
  }

  ChatFacts ownedBy(long operatorId) {
    var taking = new HashSet<>(participants);
    taking.add(operatorId);
    return new ChatFacts(chatId, libraryId, queueId, arrivalMs, operatorId, taking, ended, coopId);
  }

  /**
   * The chat's people changed (a transfer, a colleague joining or leaving, a move to a co-op's
   * queue), as announced.
   */
  ChatFacts withPeople(long queueId, Long ownerId, Set<Long> participants, Long coopId) {
    return new ChatFacts(
        chatId, libraryId, queueId, arrivalMs, ownerId, participants, ended, coopId);
  }

  /** Whether an operator of the chat's library may hear its conversation now. */
  public boolean operatorMayListen(long operatorId) {
    return ownerId == null || participants.contains(operatorId);
  }

  /** What {@link ChatAddresses#CHAT_PEOPLE} carries: the chat's queue, owner and participants. */
  public static JsonObject peopleChange(
      long chatId, long queueId, Long ownerId, Set<Long> participants) {
    return new JsonObject()
        .put("chatId", chatId)
        .put("queueId", queueId)
        .put("ownerId", ownerId)
        .put("participants", new JsonArray(participants.stream().toList()));
  }

  /** The same, for a waiting chat moved to another queue, perhaps a co-op's: nobody holds it. */
  public static JsonObject movedTo(long chatId, long queueId, Long coopId) {
    return peopleChange(chatId, queueId, null, Set.of()).put("coopId", coopId);
  }
}
