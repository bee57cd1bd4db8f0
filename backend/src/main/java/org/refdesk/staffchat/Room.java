package org.refdesk.staffchat;

import io.vertx.sqlclient.Row;

/** A staff room as its member sees it: which library, which kind, how far it is numbered. */
record Room(long id, long libraryId, String kind, int lastSeq) {

  static final String STAFF = "staff";
  static final String DIRECT = "direct";

  static Room from(Row row) {
    return new Room(
        row.getLong("id"),
        row.getLong("library_id"),
        row.getString("kind"),
        row.getInteger("last_seq"));
  }
}
