package org.refdesk.platform.mail;

/** The SQL of the mail outbox. */
final class MailSql {

  private MailSql() {}

  static final String ENQUEUE =
      """
      INSERT INTO mail_outbox (recipient, subject, text_body, html_body)
      VALUES ($1, $2, $3, $4)
      RETURNING id
      """;

  /**
   * The next due row, locked for the transaction that sends it; a row another node is sending is
   * skipped, so two workers never hand the same mail to SMTP at once.
   */
  static final String CLAIM_DUE =
      """
      SELECT id, recipient, subject, text_body, html_body, attempts
        FROM mail_outbox
       WHERE status = 'queued' AND next_attempt_at <= now()
       ORDER BY next_attempt_at, id
       LIMIT 1
       FOR UPDATE SKIP LOCKED
      """;

  static final String MARK_SENT =
      """
      UPDATE mail_outbox
         SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL
       WHERE id = $1
      """;

  /**
   * A failed handoff: the next try waits $3 seconds doubled per earlier attempt, never more than $4
   * seconds. The row stays queued; nothing is given up.
   */
  static final String MARK_FAILED =
      """
      UPDATE mail_outbox
         SET attempts = attempts + 1, last_error = $2,
             next_attempt_at = now() + make_interval(secs => least($3::float8 * power(2, least(attempts, 30)), $4::float8))
       WHERE id = $1
      """;

  /** Without SMTP, every queued row says why it waits (written once, not every tick). */
  static final String HOLD_UNSENDABLE =
      """
      UPDATE mail_outbox SET last_error = $1
       WHERE status = 'queued' AND last_error IS DISTINCT FROM $1
      """;
}
