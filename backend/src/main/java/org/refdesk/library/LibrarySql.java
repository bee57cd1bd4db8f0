package org.refdesk.library;

/** The SQL of {@link LibraryRepository} and {@link DemoLibrary}. */
final class LibrarySql {

  private LibrarySql() {
  }

  static final String SETTINGS = """
      SELECT settings FROM libraries WHERE id = $1
      """;

  /** Merges the given keys into the stored settings, leaving the others as they were. */
  static final String MERGE_SETTINGS = """
      UPDATE libraries SET settings = settings || $2 WHERE id = $1 RETURNING settings
      """;

  static final String FIND = """
      SELECT id, name, timezone FROM libraries WHERE id = $1
      """;

  /** Serialises first-run seeding between gateway nodes that start together. */
  static final String SEED_LOCK = """
      SELECT pg_advisory_xact_lock(hashtext('refdesk.seed'))
      """;

  static final String ANY_LIBRARY = """
      SELECT EXISTS (SELECT 1 FROM libraries) AS seeded
      """;

  static final String INSERT_LIBRARY = """
      INSERT INTO libraries (name, timezone, settings) VALUES ($1, $2, $3) RETURNING id
      """;

  static final String INSERT_QUEUE = """
      INSERT INTO queues (library_id, slug, name, settings) VALUES ($1, $2, $3, $4) RETURNING id
      """;
}
