package org.refdesk.rating;

/** The rating feature's SQL. */
final class RatingSql {

  private RatingSql() {}

  /** A rating of an ended chat; a repeat replaces the first. An open chat inserts nothing. */
  static final String RATE =
      """
      INSERT INTO chat_ratings (chat_id, library_id, score, comment)
      SELECT c.id, c.library_id, $2, $3 FROM chats c WHERE c.id = $1 AND c.state = 'ended'
      ON CONFLICT (chat_id)
      DO UPDATE SET score = EXCLUDED.score, comment = EXCLUDED.comment, created_at = now()
      RETURNING chat_id, score, comment, created_at
      """;

  static final String OF_CHAT =
      """
      SELECT chat_id, score, comment, created_at FROM chat_ratings WHERE chat_id = $1
      """;
}
