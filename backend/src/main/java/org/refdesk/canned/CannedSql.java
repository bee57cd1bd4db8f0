package org.refdesk.canned;

/** The SQL of {@link CannedRepository}. */
final class CannedSql {

  private CannedSql() {}

  static final String VISIBLE_TO =
      """
      SELECT id, owner_id, title, body, shortcut FROM canned_messages
       WHERE library_id = $1 AND (owner_id IS NULL OR owner_id = $2)
       ORDER BY owner_id NULLS FIRST, shortcut
      """;

  /**
   * The library-wide messages of a library: what a chat of that library offers a co-op colleague.
   */
  static final String LIBRARY_WIDE =
      """
      SELECT id, owner_id, title, body, shortcut FROM canned_messages
       WHERE library_id = $1 AND owner_id IS NULL
       ORDER BY shortcut
      """;

  static final String INSERT =
      """
      INSERT INTO canned_messages (library_id, owner_id, title, body, shortcut) VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT DO NOTHING
      RETURNING id, owner_id, title, body, shortcut
      """;

  static final String FIND =
      """
      SELECT id, library_id, owner_id, title, body, shortcut FROM canned_messages WHERE id = $1
      """;

  static final String UPDATE =
      """
      UPDATE canned_messages SET title = $2, body = $3, shortcut = $4, updated_at = now() WHERE id = $1
      RETURNING id, owner_id, title, body, shortcut
      """;

  static final String DELETE =
      """
      DELETE FROM canned_messages WHERE id = $1
      """;
}
