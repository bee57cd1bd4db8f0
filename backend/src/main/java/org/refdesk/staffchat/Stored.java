package org.refdesk.staffchat;

import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;

/**
 * What {@code internal.send} committed, or found committed already when the message is a repeat.
 */
record Stored(int seq, OffsetDateTime at, String senderName, boolean repeated) {

  static Stored from(Row row) {
    return new Stored(
        row.getInteger("seq"),
        row.getOffsetDateTime("created_at"),
        row.getString("sender_name"),
        row.getBoolean("repeated"));
  }
}
