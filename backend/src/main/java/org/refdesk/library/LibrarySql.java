package org.refdesk.library;

/** The SQL of {@link LibraryRepository} and {@link DemoLibrary}. */
final class LibrarySql {

  private LibrarySql() {
  }

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
