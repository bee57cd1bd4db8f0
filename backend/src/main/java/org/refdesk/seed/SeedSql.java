package org.refdesk.seed;

/** The SQL of {@link DemoLibrary}: the first-run check, its lock, the library and its queues. */
final class SeedSql {

  private SeedSql() {}

  /** Serialises first-run seeding between gateway nodes that start together. */
  static final String SEED_LOCK =
      """
      SELECT pg_advisory_xact_lock(hashtext('refdesk.seed'))
      """;

  static final String ANY_LIBRARY =
      """
      SELECT EXISTS (SELECT 1 FROM libraries) AS seeded
      """;

  static final String INSERT_LIBRARY =
      """
      INSERT INTO libraries (name, timezone, settings) VALUES ($1, $2, $3) RETURNING id
      """;

  static final String INSERT_QUEUE =
      """
      INSERT INTO queues (library_id, slug, name, settings) VALUES ($1, $2, $3, $4) RETURNING id
      """;
}
