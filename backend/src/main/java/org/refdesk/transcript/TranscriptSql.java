package org.refdesk.transcript;

/** The SQL of {@link TranscriptRepository}. */
final class TranscriptSql {

  private TranscriptSql() {}

  /**
   * A request for chat $1 of library $2 to address $3 by $4, unless that chat already has one for
   * the address (in any case) or has {@code $5} addresses already. Answers the new row's id, or no
   * row.
   */
  static final String REQUEST =
      """
      INSERT INTO transcript_requests (chat_id, library_id, email, requested_by)
      SELECT $1, $2, $3, $4
       WHERE (SELECT count(*) FROM transcript_requests WHERE chat_id = $1) < $5
      ON CONFLICT (chat_id, lower(email)) DO NOTHING
      RETURNING id
      """;

  static final String EXISTING =
      """
      SELECT mail_id IS NOT NULL AS queued FROM transcript_requests
       WHERE chat_id = $1 AND lower(email) = lower($2)
      """;

  /** The next request whose chat has ended and whose mail is not made yet, locked for making it. */
  static final String NEXT_DUE =
      """
      SELECT r.id, r.chat_id, r.email
        FROM transcript_requests r JOIN chats c ON c.id = r.chat_id
       WHERE r.mail_id IS NULL AND c.state = 'ended'
       ORDER BY r.id
       LIMIT 1
       FOR UPDATE OF r SKIP LOCKED
      """;

  static final String CHAT =
      """
      SELECT c.patron_name, c.created_at, q.name AS queue_name, l.name AS library_name, l.timezone
        FROM chats c JOIN queues q ON q.id = c.queue_id JOIN libraries l ON l.id = c.library_id
       WHERE c.id = $1
      """;

  /**
   * What the patron saw of the chat, by an allow-list of types: messages, who joined, the end. A
   * type added later (an internal note, a staff-only card) stays out until it is named here.
   */
  static final String PATRON_VISIBLE_EVENTS =
      """
      SELECT type, sender_kind, sender_name, body, created_at
        FROM chat_events
       WHERE chat_id = $1 AND type IN ('message', 'claimed', 'ended')
       ORDER BY seq
      """;

  static final String MARK_QUEUED = "UPDATE transcript_requests SET mail_id = $2 WHERE id = $1";
}
