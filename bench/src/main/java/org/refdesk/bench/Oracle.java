package org.refdesk.bench;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;

/**
 * The loss oracle: compares what clients were acknowledged with what Postgres holds. Every count it
 * prints must be 0: acked but missing, acked under another seq, duplicates, gaps in a chat's
 * sequence, chats with two owners.
 */
final class Oracle {

  private Oracle() {}

  static JsonObject check(String pgUrl, Map<Long, Map<String, Integer>> acked) {
    long ackedButMissing = 0;
    long wrongSeq = 0;
    long duplicates;
    long gaps;
    try (var conn = connect(pgUrl)) {
      var stored = new HashMap<String, Integer>();
      try (var rows =
          conn.createStatement()
              .executeQuery(
                  "SELECT chat_id, client_msg_id, seq FROM chat_events WHERE client_msg_id IS NOT NULL")) {
        while (rows.next()) {
          stored.put(rows.getLong(1) + "/" + rows.getString(2), rows.getInt(3));
        }
      }
      for (var chat : acked.entrySet()) {
        for (var message : chat.getValue().entrySet()) {
          var seq = stored.get(chat.getKey() + "/" + message.getKey());
          if (seq == null) {
            ackedButMissing++;
          } else if (!seq.equals(message.getValue())) {
            wrongSeq++;
          }
        }
      }
      duplicates =
          single(
              conn,
              """
          SELECT count(*) FROM (SELECT chat_id, body FROM chat_events WHERE client_msg_id IS NOT NULL
                                 GROUP BY chat_id, body HAVING count(*) > 1) d""");
      gaps =
          single(
              conn,
              """
          SELECT coalesce(sum(last_seq - events), 0) FROM (
            SELECT c.id, c.last_seq, count(e.seq) AS events FROM chats c LEFT JOIN chat_events e ON e.chat_id = c.id
             GROUP BY c.id, c.last_seq) per_chat""");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return new JsonObject()
        .put("ackedMessages", acked.values().stream().mapToLong(Map::size).sum())
        .put("ackedButMissing", ackedButMissing)
        .put("ackedUnderAnotherSeq", wrongSeq)
        .put("duplicates", duplicates)
        .put("sequenceGaps", gaps)
        .put("doubleClaims", doubleClaims(pgUrl));
  }

  static long doubleClaims(String pgUrl) {
    try (var conn = connect(pgUrl)) {
      return single(
              conn,
              """
          SELECT count(*) FROM (SELECT chat_id FROM chat_participants WHERE role = 'owner'
                                 GROUP BY chat_id HAVING count(*) > 1) d""")
          + single(
              conn,
              """
              SELECT count(*) FROM (SELECT chat_id FROM chat_events WHERE type = 'claimed'
                                     GROUP BY chat_id HAVING count(*) > 1) d""");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static long single(Connection conn, String sql) throws Exception {
    try (var rows = conn.createStatement().executeQuery(sql)) {
      return rows.next() ? rows.getLong(1) : 0;
    }
  }

  private static Connection connect(String pgUrl) throws Exception {
    var uri = URI.create(pgUrl);
    var user = uri.getUserInfo() == null ? "postgres" : uri.getUserInfo().split(":")[0];
    return DriverManager.getConnection(
        "jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getPath(), user, null);
  }
}
