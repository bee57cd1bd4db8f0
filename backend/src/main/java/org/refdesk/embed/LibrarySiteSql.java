package org.refdesk.embed;

/** The SQL of {@link LibrarySiteRepository}: the sites each library lets embed its widget. */
final class LibrarySiteSql {

  private LibrarySiteSql() {}

  static final String ALL =
      """
      SELECT library_id, origin FROM library_sites
      """;

  static final String OF_LIBRARY =
      """
      SELECT s.origin, s.added_at, s.added_by, o.display_name AS added_by_name
        FROM library_sites s LEFT JOIN operators o ON o.id = s.added_by
       WHERE s.library_id = $1
       ORDER BY s.origin
      """;

  /** Adds of one library are taken one at a time, so the count cannot pass the limit. */
  static final String LOCK_LIBRARY =
      """
      SELECT id FROM libraries WHERE id = $1 FOR UPDATE
      """;

  static final String COUNT =
      """
      SELECT count(*) FROM library_sites WHERE library_id = $1
      """;

  static final String INSERT =
      """
      INSERT INTO library_sites (library_id, origin, added_by) VALUES ($1, $2, $3)
      ON CONFLICT (library_id, origin) DO NOTHING
      RETURNING origin
      """;

  static final String DELETE =
      """
      DELETE FROM library_sites WHERE library_id = $1 AND origin = $2 RETURNING origin
      """;
}
