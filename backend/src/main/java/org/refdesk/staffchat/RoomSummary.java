package org.refdesk.staffchat;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/**
 * One line of an operator's list of rooms: the staff room is named by the library, a direct room by
 * the colleague in it; {@code unread} counts the others' messages after the operator's read mark.
 */
record RoomSummary(
    long id,
    String kind,
    String name,
    Long colleagueId,
    int lastSeq,
    int lastReadSeq,
    long unread) {

  static RoomSummary from(Row row) {
    var kind = row.getString("kind");
    return new RoomSummary(
        row.getLong("id"),
        kind,
        Room.DIRECT.equals(kind) ? row.getString("colleague_name") : row.getString("library_name"),
        row.getLong("colleague_id"),
        row.getInteger("last_seq"),
        row.getInteger("last_read_seq"),
        row.getLong("unread"));
  }

  JsonObject toJson() {
    var json =
        new JsonObject()
            .put("id", id)
            .put("kind", kind)
            .put("name", name)
            .put("lastSeq", lastSeq)
            .put("lastReadSeq", lastReadSeq)
            .put("unread", unread);
    if (colleagueId != null) {
      json.put("colleagueId", colleagueId);
    }
    return json;
  }
}
