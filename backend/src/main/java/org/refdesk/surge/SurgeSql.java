package org.refdesk.surge;

/** The surge feature's SQL. */
final class SurgeSql {

  private SurgeSql() {}

  /** Enabled operators of the library who said in their alert settings that they are on call. */
  static final String ON_CALL =
      """
      SELECT o.id
        FROM operators o
        JOIN operator_settings s ON s.operator_id = o.id
       WHERE o.library_id = $1
         AND o.disabled_at IS NULL
         AND s.alerts @> '{"onCall": true}'::jsonb
      """;

  /** Chats that arrived in the library's queues since a moment. */
  static final String ARRIVALS_SINCE =
      """
      SELECT count(*) AS arrived
        FROM chats
       WHERE library_id = $1 AND created_at > $2
      """;
}
