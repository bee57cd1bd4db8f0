package org.refdesk.ticket;

/** The SQL of {@link TicketRepository}. */
final class TicketSql {

  private TicketSql() {}

  private static final String COLUMNS =
      """
      t.id, t.library_id, t.queue_id, q.name AS queue_name, t.chat_id, t.subject, t.patron_email,
      t.status, t.assignee_id, a.display_name AS assignee_name, t.created_at, t.updated_at,
      l.name AS library_name
      """;

  private static final String FROM =
      """
      FROM tickets t JOIN queues q ON q.id = t.queue_id JOIN libraries l ON l.id = t.library_id
      LEFT JOIN operators a ON a.id = t.assignee_id
      """;

  /**
   * A new ticket in $2, only if that queue is one of library $1's and chat $3 (if any) has no
   * ticket yet; no row otherwise.
   */
  static final String CREATE =
      """
      INSERT INTO tickets (library_id, queue_id, chat_id, subject, patron_email, created_by)
      SELECT $1, q.id, $3, $4, $5, $6 FROM queues q WHERE q.id = $2 AND q.library_id = $1
      ON CONFLICT (chat_id) WHERE chat_id IS NOT NULL DO NOTHING
      RETURNING id
      """;

  /** The ticket made from chat $1, if library $2 has one. */
  static final String FIND_BY_CHAT =
      "SELECT id FROM tickets WHERE chat_id = $1 AND library_id = $2";

  static final String FIND = "SELECT " + COLUMNS + FROM + " WHERE t.id = $1 AND t.library_id = $2";

  /** The ticket's row locked for a change, so two changes at once are told apart in its history. */
  static final String LOCK =
      "SELECT id, status, assignee_id FROM tickets WHERE id = $1 AND library_id = $2 FOR UPDATE";

  /**
   * Library $1's tickets, newest change first: status $2, queue $3, assignee by $4 (any, none or
   * id) with $5 the id; $6 rows from $7.
   */
  static final String LIST =
      "SELECT "
          + COLUMNS
          + FROM
          + """
           WHERE t.library_id = $1
             AND ($2::text IS NULL OR t.status = $2)
             AND ($3::bigint IS NULL OR t.queue_id = $3)
             AND CASE $4::text WHEN 'none' THEN t.assignee_id IS NULL
                               WHEN 'id' THEN t.assignee_id = $5::bigint
                               ELSE true END
           ORDER BY t.updated_at DESC, t.id DESC
           LIMIT $6 OFFSET $7
          """;

  static final String OPERATOR_OF_LIBRARY =
      "SELECT 1 FROM operators WHERE id = $1 AND library_id = $2 AND disabled_at IS NULL";

  static final String SET_ASSIGNEE =
      "UPDATE tickets SET assignee_id = $2, status = $3, updated_at = now() WHERE id = $1";

  static final String SET_STATUS =
      "UPDATE tickets SET status = $2, updated_at = now() WHERE id = $1";

  static final String ADD_MESSAGE =
      """
      INSERT INTO ticket_messages (ticket_id, kind, author_id, body, mail_id)
      VALUES ($1, $2, $3, $4, $5)
      RETURNING id, created_at
      """;

  /**
   * A ticket's from-patron messages of the last hour ($1 the ticket), and the newest one's words
   * when it is under ten minutes old: the same words again that soon are the same answer sent
   * twice.
   */
  static final String RECENT_PATRON_REPLIES =
      """
      SELECT count(*) AS last_hour,
             (SELECT body FROM ticket_messages
               WHERE ticket_id = $1 AND kind = 'from_patron'
                 AND created_at > now() - interval '10 minutes'
               ORDER BY id DESC LIMIT 1) AS newest
        FROM ticket_messages
       WHERE ticket_id = $1 AND kind = 'from_patron' AND created_at > now() - interval '1 hour'""";

  static final String ADD_HISTORY =
      "INSERT INTO ticket_history (ticket_id, actor_id, action, detail) VALUES ($1, $2, $3, $4)";

  /** The ticket's messages in order, with where each reply's mail stands in the outbox. */
  static final String MESSAGES =
      """
      SELECT m.id, m.kind, m.author_id, o.display_name AS author_name, m.body, m.created_at,
             m.mail_id, mo.status AS mail_status, mo.last_error AS mail_error
        FROM ticket_messages m
        LEFT JOIN operators o ON o.id = m.author_id
        LEFT JOIN mail_outbox mo ON mo.id = m.mail_id
       WHERE m.ticket_id = $1
       ORDER BY m.id
      """;

  /** The patron's view of the thread: no note, and no word of the outbox or of staff names. */
  static final String PATRON_VISIBLE_MESSAGES =
      """
      SELECT m.id, m.kind, NULL::bigint AS author_id, NULL::text AS author_name, m.body, m.created_at,
             NULL::bigint AS mail_id, NULL::text AS mail_status, NULL::text AS mail_error
        FROM ticket_messages m
       WHERE m.ticket_id = $1 AND m.kind IN ('to_patron', 'from_patron')
       ORDER BY m.id
      """;

  static final String HISTORY =
      """
      SELECT h.action, h.actor_id, o.display_name AS actor_name, h.detail, h.created_at
        FROM ticket_history h LEFT JOIN operators o ON o.id = h.actor_id
       WHERE h.ticket_id = $1
       ORDER BY h.id
      """;
}
