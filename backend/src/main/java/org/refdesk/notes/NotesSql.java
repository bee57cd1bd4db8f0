package org.refdesk.notes;

/** The SQL of {@link NotesRepository}; every statement names the library. */
final class NotesSql {

  private NotesSql() {}

  private static final String COLUMNS =
      "id, library_id, topic, title, body, links, updated_at, updated_by";

  /** In the card's order of topics, then as the admin wrote them. */
  static final String ALL_IN_LIBRARY =
      """
      SELECT %s FROM library_notes WHERE library_id = $1
       ORDER BY array_position($2::text[], topic), id
      """
          .formatted(COLUMNS);

  /** A new note, unless the library has its fill of them already (then no row). */
  static final String INSERT =
      """
      INSERT INTO library_notes (library_id, topic, title, body, links, updated_by)
      SELECT $1, $2, $3, $4, $5, $6
       WHERE (SELECT count(*) FROM library_notes WHERE library_id = $1) < $7
      RETURNING %s
      """
          .formatted(COLUMNS);

  static final String UPDATE =
      """
      UPDATE library_notes SET topic = $3, title = $4, body = $5, links = $6, updated_at = now(),
                               updated_by = $7
       WHERE id = $1 AND library_id = $2
      RETURNING %s
      """
          .formatted(COLUMNS);

  static final String DELETE = "DELETE FROM library_notes WHERE id = $1 AND library_id = $2";

  /** The chosen age in days, or the default ($2) when the library chose none. */
  static final String STALE_AFTER_DAYS =
      """
      SELECT coalesce((SELECT stale_after_days FROM library_note_settings WHERE library_id = $1), $2)
          AS stale_after_days
      """;

  static final String SET_STALE_AFTER_DAYS =
      """
      INSERT INTO library_note_settings (library_id, stale_after_days, updated_by) VALUES ($1, $2, $3)
      ON CONFLICT (library_id) DO UPDATE
         SET stale_after_days = excluded.stale_after_days, updated_at = now(),
             updated_by = excluded.updated_by
      """;

  static final String LOCAL_TOPICS =
      """
      SELECT topic, keywords FROM library_local_topics WHERE library_id = $1
       ORDER BY array_position($2::text[], topic)
      """;

  static final String CLEAR_LOCAL_TOPICS = "DELETE FROM library_local_topics WHERE library_id = $1";

  static final String ADD_LOCAL_TOPIC =
      "INSERT INTO library_local_topics (library_id, topic, keywords) VALUES ($1, $2, $3)";
}
