package org.refdesk.chat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;

/**
 * A chat as operators see it in the patron info panel; {@code participants} are the operators in it
 * now, {@code [{id, name, role}]}; {@code prechat} the patron's answers to the queue's own pre-chat
 * fields, {@code [{label, value}]}.
 */
public record Chat(
    long id,
    long libraryId,
    long queueId,
    String state,
    String patronName,
    String patronEmail,
    String patronIp,
    String userAgent,
    String pageUrl,
    String question,
    int lastSeq,
    Long ownerId,
    String ownerName,
    OffsetDateTime createdAt,
    OffsetDateTime claimedAt,
    OffsetDateTime endedAt,
    String queueName,
    JsonArray participants,
    long homeQueueId,
    Long coopId,
    String homeLibraryName,
    JsonArray prechat) {

  public static final String WAITING = "waiting";
  public static final String ACTIVE = "active";
  public static final String ENDED = "ended";

  /**
   * A waiting chat whose patron's widget was gone past the grace time; it waits again if they
   * return.
   */
  public static final String MISSED = "missed";

  /** What a patron's e-mail address must look like, wherever they give it. */
  public static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  static Chat from(Row row) {
    return new Chat(
        row.getLong("id"),
        row.getLong("library_id"),
        row.getLong("queue_id"),
        row.getString("state"),
        row.getString("patron_name"),
        row.getString("patron_email"),
        row.getString("patron_ip"),
        row.getString("user_agent"),
        row.getString("page_url"),
        row.getString("question"),
        row.getInteger("last_seq"),
        row.getLong("owner_id"),
        row.getString("owner_name"),
        row.getOffsetDateTime("created_at"),
        row.getOffsetDateTime("claimed_at"),
        row.getOffsetDateTime("ended_at"),
        row.getString("queue_name"),
        row.getJsonArray("participants"),
        row.getLong("home_queue_id"),
        row.getLong("coop_id"),
        row.getString("home_library_name"),
        row.getValue("prechat") instanceof JsonArray answers ? answers : new JsonArray());
  }

  public boolean isMissed() {
    return MISSED.equals(state);
  }

  /** The same chat in another state, for an answer given right after a change this node made. */
  public Chat inState(String newState) {
    return new Chat(
        id,
        libraryId,
        queueId,
        newState,
        patronName,
        patronEmail,
        patronIp,
        userAgent,
        pageUrl,
        question,
        lastSeq,
        ownerId,
        ownerName,
        createdAt,
        claimedAt,
        endedAt,
        queueName,
        participants,
        homeQueueId,
        coopId,
        homeLibraryName,
        prechat);
  }

  public boolean isOpen() {
    return WAITING.equals(state) || ACTIVE.equals(state);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("queueId", queueId)
        // Named here because a colleague may open a chat of a queue they do not work (an overdue
        // one).
        .put("queueName", queueName)
        .put("state", state)
        .put(
            "patron",
            new JsonObject()
                .put("name", patronName)
                .put("email", patronEmail)
                .put("ip", patronIp)
                .put("userAgent", userAgent)
                .put("page", pageUrl)
                .put("prechat", prechat == null ? new JsonArray() : prechat.copy()))
        .put("question", question)
        .put("createdAt", ChatEvent.iso(createdAt))
        .put("claimedAt", ChatEvent.iso(claimedAt))
        .put("endedAt", ChatEvent.iso(endedAt))
        .put(
            "owner",
            ownerId == null ? null : new JsonObject().put("id", ownerId).put("name", ownerName))
        .put("participants", participants == null ? new JsonArray() : participants.copy())
        .put("lastSeq", lastSeq)
        // A co-op chat is answered by librarians of other libraries: whose patron this is.
        .put("homeLibraryId", libraryId)
        .put("homeLibraryName", homeLibraryName)
        .put("homeQueueId", homeQueueId)
        .put("coopId", coopId);
  }
}
