package org.refdesk.staffchat;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import org.refdesk.chat.ChatEvent;

/**
 * A message in a staff room, shaped like a chat's message event so the operator app reads both the
 * same way: {@code {type: message, roomId, seq, at, from: {kind: operator, id, name}, text,
 * clientMsgId}}.
 */
record StaffMessage(
    long roomId,
    int seq,
    OffsetDateTime at,
    long senderId,
    String senderName,
    String text,
    String clientMsgId) {

  static StaffMessage from(Row row) {
    return new StaffMessage(
        row.getLong("room_id"),
        row.getInteger("seq"),
        row.getOffsetDateTime("created_at"),
        row.getLong("sender_id"),
        row.getString("sender_name"),
        row.getString("body"),
        row.getString("client_msg_id"));
  }

  JsonObject toJson() {
    return new JsonObject()
        .put("type", "message")
        .put("roomId", roomId)
        .put("seq", seq)
        .put("at", ChatEvent.iso(at))
        .put(
            "from",
            new JsonObject().put("kind", "operator").put("id", senderId).put("name", senderName))
        .put("text", text)
        .put("clientMsgId", clientMsgId);
  }
}
