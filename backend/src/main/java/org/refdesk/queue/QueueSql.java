package org.refdesk.queue;

/** The SQL of {@link QueueRepository}: queues, who monitors them, and the chats waiting in them. */
final class QueueSql {

  private QueueSql() {}

  static final String QUEUE_BY_SLUG =
      """
      SELECT q.id, q.slug, q.name, q.settings, q.library_id, q.coop_id, l.name AS library_name,
             l.settings AS library_settings
        FROM queues q JOIN libraries l ON l.id = q.library_id
       WHERE q.slug = $1 AND q.archived_at IS NULL
      """;

  static final String ALL_QUEUES =
      """
      SELECT q.id, q.slug, q.name, q.settings, q.library_id, q.coop_id, l.name AS library_name,
             l.settings AS library_settings
        FROM queues q JOIN libraries l ON l.id = q.library_id
      """;

  static final String QUEUE_BY_ID =
      """
      SELECT q.id, q.slug, q.name, q.settings, q.library_id, q.coop_id, l.name AS library_name,
             l.settings AS library_settings
        FROM queues q JOIN libraries l ON l.id = q.library_id
       WHERE q.id = $1
      """;

  static final String MEDIAN_WAIT =
      """
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM claimed_at - created_at)) AS median
        FROM (SELECT claimed_at, created_at FROM chats
               WHERE queue_id = $1 AND claimed_at IS NOT NULL AND claimed_at > now() - interval '7 days'
               ORDER BY claimed_at DESC LIMIT 20) recent
      """;

  /**
   * Scoped by queue and library as well as by id: Redis's list is a hint, never the permission. A
   * co-op queue's chats are of its member libraries, routed there (their coop_id is set); each
   * names its home library.
   */
  static final String WAITING_DETAILS =
      """
      SELECT c.id, c.patron_name, c.question, c.created_at, c.library_id, l.name AS library_name
        FROM chats c JOIN libraries l ON l.id = c.library_id
       WHERE c.id = ANY($1) AND c.queue_id = $2 AND (c.library_id = $3 OR c.coop_id IS NOT NULL)
         AND c.state = 'waiting'
      """;

  static final String WAITING_IN_QUEUE =
      """
      SELECT c.id, c.patron_name, c.question, c.created_at, c.library_id, l.name AS library_name
        FROM chats c JOIN libraries l ON l.id = c.library_id
       WHERE c.queue_id = $1 AND (c.library_id = $2 OR c.coop_id IS NOT NULL) AND c.state = 'waiting'
       ORDER BY c.created_at, c.id
      """;

  static final String ALL_WAITING =
      """
      SELECT id, queue_id, created_at FROM chats WHERE state = 'waiting'
      """;

  static final String ALL_CLAIMED =
      """
      SELECT id, owner_id FROM chats WHERE state = 'active' AND owner_id IS NOT NULL
      """;

  static final String MONITORS_QUEUE =
      """
      SELECT EXISTS (SELECT 1 FROM operator_queues WHERE operator_id = $1 AND queue_id = $2) AS monitors
      """;

  /** The same, with each one's library: a co-op queue's operators are of several libraries. */
  static final String QUEUE_MEMBERS_WITH_LIBRARY =
      """
      SELECT oq.operator_id, o.library_id FROM operator_queues oq
        JOIN operators o ON o.id = oq.operator_id
        LEFT JOIN operator_settings s ON s.operator_id = oq.operator_id
       WHERE oq.queue_id = $1 AND o.disabled_at IS NULL
         AND (s.monitored_queues IS NULL OR $1 = ANY (s.monitored_queues))
      """;

  /** Operators who monitor the queue now: allowed to, and not having chosen to leave it out. */
  static final String QUEUE_MEMBERS =
      """
      SELECT oq.operator_id FROM operator_queues oq
        JOIN operators o ON o.id = oq.operator_id
        LEFT JOIN operator_settings s ON s.operator_id = oq.operator_id
       WHERE oq.queue_id = $1 AND o.disabled_at IS NULL
         AND (s.monitored_queues IS NULL OR $1 = ANY (s.monitored_queues))
      """;

  /**
   * The library's queues for its admin, archived ones last, with what they hold. A co-op's queues,
   * though their rows carry the host library, are its coordinators' (the Co-ops section), so none
   * of these statements reads or changes them.
   */
  static final String LIBRARY_QUEUES =
      """
      SELECT q.id, q.slug, q.name, q.settings, q.archived_at,
             (SELECT count(*) FROM chats c WHERE c.queue_id = q.id) AS chats,
             (SELECT count(*) FROM operator_queues oq WHERE oq.queue_id = q.id) AS operators
        FROM queues q
       WHERE q.library_id = $1 AND q.coop_id IS NULL
       ORDER BY q.archived_at IS NOT NULL, q.name, q.id
      """;

  static final String INSERT_QUEUE =
      """
      INSERT INTO queues (library_id, slug, name, settings) VALUES ($1, $2, $3, $4)
      ON CONFLICT (slug) DO NOTHING
      RETURNING id, slug, name, settings, archived_at
      """;

  /** Scoped by library: another library's id changes nothing and reads as missing. */
  static final String UPDATE_QUEUE =
      """
      UPDATE queues
         SET slug = coalesce($3, slug), name = coalesce($4, name), settings = coalesce($5, settings)
       WHERE id = $1 AND library_id = $2 AND coop_id IS NULL
      RETURNING id, slug, name, settings, archived_at
      """;

  static final String SLUG_TAKEN =
      """
      SELECT EXISTS (SELECT 1 FROM queues WHERE slug = $1 AND id <> $2) AS taken
      """;

  static final String DELETE_MEMBERSHIPS =
      """
      DELETE FROM operator_queues WHERE queue_id = $1 AND library_id = $2
         AND EXISTS (SELECT 1 FROM queues WHERE id = $1 AND library_id = $2 AND coop_id IS NULL)
      """;

  static final String DELETE_QUEUE =
      """
      DELETE FROM queues WHERE id = $1 AND library_id = $2 AND coop_id IS NULL RETURNING id
      """;

  static final String ARCHIVE_QUEUE =
      """
      UPDATE queues SET archived_at = coalesce(archived_at, now())
       WHERE id = $1 AND library_id = $2 AND coop_id IS NULL
      RETURNING id, slug, name, settings, archived_at
      """;

  static final String RESTORE_QUEUE =
      """
      UPDATE queues SET archived_at = NULL
       WHERE id = $1 AND library_id = $2 AND coop_id IS NULL
      RETURNING id, slug, name, settings, archived_at
      """;
}
