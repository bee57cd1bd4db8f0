package org.refdesk.chat;

import org.refdesk.library.LibrarySettings;

/**
 * The SQL of {@link ChatTimerVerticle}. Each statement picks what is due and marks it in one step
 * (rows locked by another node are skipped), so a timer fires once however many nodes tick.
 */
final class ChatTimerSql {

  private ChatTimerSql() {}

  /**
   * The library's stored value over the one default, which {@link LibrarySettings} declares. Only a
   * stored number counts, so a value written by hand in the wrong shape cannot fail every library's
   * timer.
   */
  private static String setting(String name) {
    var stored = "l.settings->'" + name + "'";
    return "make_interval(secs => coalesce(CASE WHEN jsonb_typeof("
        + stored
        + ") = 'number' THEN ("
        + stored
        + ")::numeric::int END, "
        + LibrarySettings.defaultOf(name)
        + "))";
  }

  /** Waiting chats past the library's first minute, not yet escalated. */
  static final String ESCALATE =
      """
      WITH due AS (
        SELECT c.id FROM chats c JOIN libraries l ON l.id = c.library_id
         WHERE c.state = 'waiting' AND c.escalated_at IS NULL
           AND c.created_at <= now() - %s
         ORDER BY c.created_at
         LIMIT 100
         FOR UPDATE OF c SKIP LOCKED
      )
      UPDATE chats c SET escalated_at = now() FROM due, queues q
       WHERE c.id = due.id AND q.id = c.queue_id
      RETURNING c.id, c.library_id, c.queue_id, q.name AS queue_name, c.patron_name, c.question,
                extract(epoch FROM now() - c.created_at)::int AS waited
      """
          .formatted(setting("firstMinuteSeconds"));

  /**
   * Waiting chats whose patron is owed word on the wait: at the first minute, then every update
   * interval.
   */
  static final String WAIT_NOTICES =
      """
      WITH due AS (
        SELECT c.id FROM chats c JOIN libraries l ON l.id = c.library_id
         WHERE c.state = 'waiting'
           AND ((c.wait_notice_at IS NULL AND c.created_at <= now() - %s)
             OR c.wait_notice_at <= now() - %s)
         LIMIT 100
         FOR UPDATE OF c SKIP LOCKED
      )
      UPDATE chats c SET wait_notice_at = now() FROM due WHERE c.id = due.id
      RETURNING c.id, c.queue_id
      """
          .formatted(setting("firstMinuteSeconds"), setting("waitUpdateSeconds"));

  /**
   * Active chats where the librarian's last message has gone unanswered past the warning time: the
   * patron's clock runs from that message, not from the patron's own last one, so a slow answer is
   * never followed at once by "are you still there?".
   */
  static final String IDLE_WARNINGS =
      """
      WITH due AS (
        SELECT c.id FROM chats c JOIN libraries l ON l.id = c.library_id
         WHERE c.state = 'active' AND c.idle_warned_at IS NULL
           AND c.operator_last_at > c.patron_last_at
           AND c.operator_last_at <= now() - %s
         LIMIT 100
         FOR UPDATE OF c SKIP LOCKED
      )
      UPDATE chats c SET idle_warned_at = now() FROM due WHERE c.id = due.id
      RETURNING c.id, extract(epoch FROM %s)::int AS end_after
      """
          .formatted(
              setting("idleWarnSeconds"),
              "(SELECT "
                  + setting("idleEndSeconds")
                  + " FROM libraries l WHERE l.id = c.library_id)");

  /**
   * Warned chats that nobody wrote in since, past the closing time, whose patron's widget has been
   * gone for the grace time ($1 seconds). A patron with the chat still open may be waiting on the
   * librarian's research; such a chat is never closed by the clock.
   */
  static final String IDLE_ENDS =
      """
      SELECT c.id, extract(epoch FROM now() - c.operator_last_at)::int AS unanswered
        FROM chats c JOIN libraries l ON l.id = c.library_id
       WHERE c.state = 'active' AND c.idle_warned_at IS NOT NULL
         AND c.idle_warned_at <= now() - %s
         AND c.patron_seen_at <= now() - make_interval(secs => $1::int)
       LIMIT 100
      """
          .formatted(setting("idleEndSeconds"));

  /**
   * Waiting chats whose patron's widget has been gone for the grace time ($1 seconds): missed. They
   * leave the queue; the patron's return within the token's life brings them back.
   */
  static final String MISS =
      """
      WITH due AS (
        SELECT id FROM chats
         WHERE state = 'waiting' AND patron_seen_at <= now() - make_interval(secs => $1::int)
         ORDER BY id
         LIMIT 100
         FOR UPDATE SKIP LOCKED
      )
      UPDATE chats c SET state = 'missed', missed_at = now() FROM due WHERE c.id = due.id
      RETURNING c.id, c.queue_id
      """;
}
