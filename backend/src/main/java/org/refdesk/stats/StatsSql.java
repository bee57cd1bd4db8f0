package org.refdesk.stats;

/** The statistics feature's SQL. */
final class StatsSql {

  private StatsSql() {}

  static final String FORM =
      """
      SELECT fields FROM statistics_forms WHERE library_id = $1
      """;

  static final String SAVE_FORM =
      """
      INSERT INTO statistics_forms (library_id, fields, updated_by)
      VALUES ($1, $2, $3)
      ON CONFLICT (library_id)
      DO UPDATE SET fields = EXCLUDED.fields, updated_by = EXCLUDED.updated_by, updated_at = now()
      """;

  /** Duration from claim to end and wait from arrival to claim, whole seconds, never negative. */
  private static final String DURATION =
      """
      CASE WHEN c.claimed_at IS NOT NULL AND c.ended_at IS NOT NULL
           THEN greatest(0, round(extract(epoch FROM c.ended_at - c.claimed_at)))::integer END
      """;

  private static final String WAIT =
      """
      CASE WHEN c.claimed_at IS NOT NULL
           THEN greatest(0, round(extract(epoch FROM c.claimed_at - c.created_at)))::integer END
      """;

  /** The facts of a chat an entry takes, and whether the operator ($2) took part in it. */
  static final String FACTS =
      """
      SELECT c.id, c.library_id, c.queue_id, q.name AS queue_name, c.state, c.created_at,
             c.claimed_at, c.ended_at,
      """
          + DURATION
          + " AS duration_seconds, "
          + WAIT
          + """
           AS wait_seconds,
             ARRAY(SELECT t.name FROM chat_tags ct JOIN tags t ON t.id = ct.tag_id
                    WHERE ct.chat_id = c.id ORDER BY lower(t.name)) AS tags,
             (c.owner_id = $2 OR EXISTS (SELECT 1 FROM chat_participants p
                                          WHERE p.chat_id = c.id AND p.operator_id = $2)) AS took_part
        FROM chats c JOIN queues q ON q.id = c.queue_id
       WHERE c.id = $1
      """;

  private static final String ENTRY_COLUMNS =
      """
      id, chat_id, queue_id, operator_id, occurred_at, duration_seconds, wait_seconds, mode,
      question_type, location, referred_by, notes, custom, created_at, updated_at
      """;

  static final String ENTRY_OF_CHAT =
      "SELECT " + ENTRY_COLUMNS + " FROM statistics_entries WHERE chat_id = $1";

  /**
   * The chat's one entry, made or updated in one statement: a repeat, or six at once, leave one row
   * (the unique chat_id decides). The facts come from the chat row here, never from the client; an
   * open chat inserts nothing.
   */
  static final String RECORD_CHAT =
      """
      INSERT INTO statistics_entries (library_id, chat_id, queue_id, operator_id, occurred_at,
                                      duration_seconds, wait_seconds, mode, question_type, location,
                                      referred_by, notes, custom)
      SELECT c.library_id, c.id, CASE WHEN c.coop_id IS NULL THEN c.queue_id ELSE c.home_queue_id END,
             coalesce(c.owner_id, $2), c.created_at,
      """
          + DURATION
          + ", "
          + WAIT
          + """
          , 'chat', $3, $4, $5, $6, $7
        FROM chats c
       WHERE c.id = $1 AND c.state = 'ended'
      ON CONFLICT (chat_id) DO UPDATE
         SET question_type = EXCLUDED.question_type, location = EXCLUDED.location,
             referred_by = EXCLUDED.referred_by, notes = EXCLUDED.notes, custom = EXCLUDED.custom,
             updated_at = now()
      RETURNING (xmax = 0) AS inserted,
      """
          + ENTRY_COLUMNS;

  static final String RECORD_DESK =
      """
      INSERT INTO statistics_entries (library_id, operator_id, occurred_at, mode, question_type,
                                      location, referred_by, notes, custom)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
      RETURNING true AS inserted,
      """
          + ENTRY_COLUMNS;

  /**
   * The operator's ended chats of the last $2 days with no entry, newest first; total with each.
   */
  static final String TO_RECORD =
      """
      SELECT c.id, c.patron_name, c.question, q.name AS queue_name, c.created_at, c.ended_at,
             count(*) OVER () AS total
        FROM chats c JOIN queues q ON q.id = c.queue_id
       WHERE c.owner_id = $1 AND c.library_id = $4 AND c.state = 'ended'
         AND c.ended_at >= now() - make_interval(days => $2)
         AND NOT EXISTS (SELECT 1 FROM statistics_entries e WHERE e.chat_id = c.id)
       ORDER BY c.ended_at DESC
       LIMIT $3
      """;
}
