package org.refdesk.library;

/** The SQL of {@link LibraryRepository} and {@link DemoLibrary}. */
final class LibrarySql {

  private LibrarySql() {}

  static final String SETTINGS =
      """
      SELECT settings FROM libraries WHERE id = $1
      """;

  /** Merges the given keys into the stored settings, leaving the others as they were. */
  static final String MERGE_SETTINGS =
      """
      UPDATE libraries SET settings = (CASE WHEN jsonb_typeof(settings) = 'object' THEN settings ELSE '{}'::jsonb END) || $2
      WHERE id = $1 RETURNING settings
      """;

  static final String FIND =
      """
      SELECT id, name, timezone FROM libraries WHERE id = $1
      """;

  static final String ALL =
      """
      SELECT id, name, timezone FROM libraries ORDER BY name, id
      """;

  static final String INSERT =
      """
      INSERT INTO libraries (name, timezone) VALUES ($1, $2) RETURNING id, name, timezone
      """;

  static final String UPDATE =
      """
      UPDATE libraries SET name = coalesce($2, name), timezone = coalesce($3, timezone)
       WHERE id = $1
      RETURNING id, name, timezone
      """;
}
