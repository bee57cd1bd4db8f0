package org.refdesk.chat;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;

/** Builds chat events in the shape clients receive them (docs/protocol.md, "Chat events"). */
public final class ChatEvent {

  private ChatEvent() {}

  public static JsonObject from(Row row) {
    var event =
        new JsonObject()
            .put("type", row.getString("type"))
            .put("chatId", row.getLong("chat_id"))
            .put("seq", row.getInteger("seq"))
            .put("at", iso(row.getOffsetDateTime("created_at")))
            .put(
                "from",
                new JsonObject()
                    .put("kind", row.getString("sender_kind"))
                    .put("id", row.getLong("sender_id"))
                    .put("name", row.getString("sender_name")));
    var body = row.getString("body");
    if (body != null) {
      event.put("text", body);
    }
    var clientMsgId = row.getString("client_msg_id");
    if (clientMsgId != null) {
      event.put("clientMsgId", clientMsgId);
    }
    var data = row.getJsonObject("data");
    if (data != null) {
      data.forEach(field -> event.put(field.getKey(), field.getValue()));
    }
    return event;
  }

  public static JsonObject message(
      long chatId, int seq, OffsetDateTime at, Sender from, String text, String clientMsgId) {
    return message(chatId, seq, at, from, text, clientMsgId, null);
  }

  /**
   * A message with the data the server attached to it (null for none), as {@link #from} reads it.
   */
  public static JsonObject message(
      long chatId,
      int seq,
      OffsetDateTime at,
      Sender from,
      String text,
      String clientMsgId,
      JsonObject data) {
    var event =
        new JsonObject()
            .put("type", "message")
            .put("chatId", chatId)
            .put("seq", seq)
            .put("at", iso(at))
            .put("from", from.toJson())
            .put("text", text)
            .put("clientMsgId", clientMsgId);
    if (data != null) {
      data.forEach(field -> event.put(field.getKey(), field.getValue()));
    }
    return event;
  }

  public static String iso(OffsetDateTime time) {
    return time == null ? null : time.toInstant().toString();
  }

  /** Who an event is from. */
  public record Sender(String kind, Long id, String name) {

    public static final String PATRON = "patron";
    public static final String OPERATOR = "operator";
    public static final String SYSTEM = "system";

    public static Sender system() {
      return new Sender(SYSTEM, null, "Refdesk");
    }

    public JsonObject toJson() {
      return new JsonObject().put("kind", kind).put("id", id).put("name", name);
    }
  }
}
