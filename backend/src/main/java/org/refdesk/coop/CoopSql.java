package org.refdesk.coop;

/** The SQL of {@link CoopRepository}: co-ops, their members and queues, routes, roll-ups. */
final class CoopSql {

  private CoopSql() {}

  static final String COOPS_OF_LIBRARY =
      """
      SELECT coop_id FROM coop_members WHERE library_id = $1
      """;

  private static final String COOP_COLUMNS =
      """
      SELECT k.id, k.name, k.host_library_id, h.name AS host_name, k.created_at,
             COALESCE((SELECT json_agg(json_build_object('id', l.id, 'name', l.name) ORDER BY l.name)
                         FROM coop_members m JOIN libraries l ON l.id = m.library_id
                        WHERE m.coop_id = k.id), '[]'::json) AS members
        FROM coops k JOIN libraries h ON h.id = k.host_library_id
      """;

  static final String ALL_COOPS = COOP_COLUMNS + " ORDER BY k.name";

  static final String COOPS_WITH_MEMBER =
      COOP_COLUMNS
          + " WHERE k.id IN (SELECT coop_id FROM coop_members WHERE library_id = $1) ORDER BY k.name";

  static final String COOP_BY_ID = COOP_COLUMNS + " WHERE k.id = $1";

  static final String LIBRARY_EXISTS =
      """
      SELECT EXISTS (SELECT 1 FROM libraries WHERE id = $1) AS found
      """;

  /** The co-op, with its host as its first member. */
  static final String INSERT_COOP =
      """
      WITH coop AS (
        INSERT INTO coops (name, host_library_id) VALUES ($1, $2)
        ON CONFLICT (name) DO NOTHING
        RETURNING id, host_library_id
      ), host AS (
        INSERT INTO coop_members (coop_id, library_id) SELECT id, host_library_id FROM coop
      )
      SELECT id FROM coop
      """;

  static final String INSERT_MEMBER =
      """
      INSERT INTO coop_members (coop_id, library_id) VALUES ($1, $2)
      ON CONFLICT DO NOTHING RETURNING library_id
      """;

  /**
   * A library leaves: its operators stop monitoring the co-op's queues and its queues stop routing
   * there, in the same transaction, so nothing of it points into the co-op afterwards.
   */
  static final String DELETE_MEMBER =
      """
      WITH gone AS (
        DELETE FROM coop_members WHERE coop_id = $1 AND library_id = $2 RETURNING library_id
      ), unwatched AS (
        DELETE FROM operator_queues
         WHERE library_id = $2 AND queue_id IN (SELECT id FROM queues WHERE coop_id = $1)
           AND EXISTS (SELECT 1 FROM gone)
      ), unrouted AS (
        DELETE FROM queue_routes
         WHERE library_id = $2 AND to_queue_id IN (SELECT id FROM queues WHERE coop_id = $1)
           AND EXISTS (SELECT 1 FROM gone)
      )
      SELECT library_id FROM gone
      """;

  private static final String QUEUE_COLUMNS =
      """
      SELECT q.id, q.slug, q.name, q.settings, q.coop_id, k.name AS coop_name
        FROM queues q JOIN coops k ON k.id = q.coop_id
      """;

  static final String COOP_QUEUES = QUEUE_COLUMNS + " WHERE q.coop_id = $1 ORDER BY q.name, q.id";

  /** The co-op queues a library's operators may be given: those of the library's co-ops. */
  static final String QUEUES_FOR_LIBRARY =
      QUEUE_COLUMNS
          + """
           WHERE q.coop_id IN (SELECT coop_id FROM coop_members WHERE library_id = $1)
           ORDER BY k.name, q.name, q.id
          """;

  static final String INSERT_COOP_QUEUE =
      """
      INSERT INTO queues (library_id, slug, name, settings, coop_id)
      SELECT host_library_id, $2, $3, $4, id FROM coops WHERE id = $1
      ON CONFLICT (slug) DO NOTHING
      RETURNING id
      """;

  static final String UPDATE_COOP_QUEUE =
      """
      UPDATE queues SET name = $3, settings = settings || $4 WHERE id = $2 AND coop_id = $1
      RETURNING id
      """;

  /** Who of the library may be given co-op queues, and which they have. */
  static final String ASSIGNMENTS =
      """
      SELECT o.id, o.display_name,
             ARRAY(SELECT oq.queue_id FROM operator_queues oq JOIN queues q ON q.id = oq.queue_id
                    WHERE oq.operator_id = o.id AND q.coop_id IS NOT NULL ORDER BY oq.queue_id) AS queue_ids
        FROM operators o
       WHERE o.library_id = $1 AND o.disabled_at IS NULL
       ORDER BY o.display_name, o.id
      """;

  static final String OPERATOR_IN_LIBRARY =
      """
      SELECT EXISTS (SELECT 1 FROM operators WHERE id = $1 AND library_id = $2) AS found
      """;

  /**
   * Gives an operator of library $3 co-op queue $2, only if the library is a member of its co-op.
   */
  static final String ASSIGN =
      """
      INSERT INTO operator_queues (operator_id, queue_id, library_id)
      SELECT $1, q.id, $3 FROM queues q
       WHERE q.id = $2 AND q.coop_id IN (SELECT coop_id FROM coop_members WHERE library_id = $3)
      ON CONFLICT DO NOTHING
      RETURNING queue_id
      """;

  static final String UNASSIGN =
      """
      DELETE FROM operator_queues
       WHERE operator_id = $1 AND queue_id = $2 AND library_id = $3
         AND queue_id IN (SELECT id FROM queues WHERE coop_id IS NOT NULL)
      """;

  /** The library's own queues, whose cascades its admin sets. */
  static final String OWN_QUEUES =
      """
      SELECT q.id, q.slug, q.name FROM queues q
       WHERE q.library_id = $1 AND q.coop_id IS NULL
       ORDER BY q.name, q.id
      """;

  static final String ROUTES_FROM =
      """
      SELECT r.queue_id, r.step, r.to_queue_id, r.condition, r.after_seconds, t.name AS to_name,
             t.coop_id AS to_coop_id
        FROM queue_routes r JOIN queues t ON t.id = r.to_queue_id
       WHERE r.queue_id = $1
       ORDER BY r.step
      """;

  /** Every route, for checking that a new cascade does not lead back to where it starts. */
  static final String ALL_ROUTE_EDGES =
      """
      SELECT queue_id, to_queue_id FROM queue_routes
      """;

  static final String LIBRARY_TIMEZONE =
      """
      SELECT timezone FROM libraries WHERE id = $1
      """;

  static final String DELETE_ROUTES =
      """
      DELETE FROM queue_routes WHERE queue_id = $1
      """;

  static final String INSERT_ROUTES =
      """
      INSERT INTO queue_routes (queue_id, step, to_queue_id, condition, after_seconds, library_id)
      SELECT $1, s.step, s.to_queue_id, s.condition, s.after_seconds, $2
        FROM unnest($3::int[], $4::bigint[], $5::text[], $6::int[]) AS s(step, to_queue_id, condition, after_seconds)
      """;

  /**
   * The roll-up, one statement for every due chat: a chat waiting in a queue with an {@code
   * unclaimed} route, past that route's time in the queue, moves to its target (the lowest step
   * first), with its {@code routed} event numbered from the chat row. The UPDATE re-checks that the
   * chat still waits in the queue it was found in, under its row lock, so two nodes sweeping at
   * once move a chat once, and a claim that won meanwhile keeps it.
   */
  static final String ROLL_UP =
      """
      WITH due AS (
        SELECT DISTINCT ON (c.id) c.id, c.queue_id AS from_queue_id, r.to_queue_id
          FROM chats c JOIN queue_routes r ON r.queue_id = c.queue_id AND r.condition = 'unclaimed'
         WHERE c.state = 'waiting' AND c.queue_entered_at <= now() - make_interval(secs => r.after_seconds)
         ORDER BY c.id, r.step
      ), moved AS (
        UPDATE chats c SET queue_id = d.to_queue_id, coop_id = COALESCE(t.coop_id, c.coop_id),
               queue_entered_at = now(), last_seq = c.last_seq + 1
          FROM due d JOIN queues t ON t.id = d.to_queue_id
         WHERE c.id = d.id AND c.state = 'waiting' AND c.queue_id = d.from_queue_id
        RETURNING c.id, d.from_queue_id, c.queue_id, c.coop_id, c.library_id, c.last_seq, c.created_at,
                  c.patron_name, c.question, t.coop_id IS NOT NULL AS to_coop
      ), event AS (
        INSERT INTO chat_events (chat_id, seq, library_id, type, sender_kind, body, data)
        SELECT m.id, m.last_seq, m.library_id, 'routed', 'system',
               CASE WHEN m.to_coop THEN $1 ELSE $2 END,
               jsonb_build_object('fromQueueId', m.from_queue_id, 'toQueueId', m.queue_id, 'coopId', m.coop_id)
          FROM moved m
        RETURNING chat_id, seq, created_at, type, sender_kind, sender_id, sender_name, body, data, client_msg_id
      )
      SELECT m.id, m.from_queue_id, m.queue_id, m.coop_id, m.library_id, m.created_at AS arrived_at,
             m.patron_name, m.question, l.name AS library_name,
             e.chat_id, e.seq, e.created_at, e.type, e.sender_kind, e.sender_id, e.sender_name,
             e.body, e.data, e.client_msg_id
        FROM moved m JOIN event e ON e.chat_id = m.id JOIN libraries l ON l.id = m.library_id
      """;

  /**
   * A chat that starts in another queue than the one asked: its first line says so, as a roll-up's
   * does, numbered after the question.
   */
  static final String ROUTED_AT_START =
      """
      WITH bumped AS (
        UPDATE chats SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq, library_id, queue_id, coop_id, home_queue_id
      )
      INSERT INTO chat_events (chat_id, seq, library_id, type, sender_kind, body, data)
      SELECT $1, last_seq, library_id, 'routed', 'system', $2,
             jsonb_build_object('fromQueueId', home_queue_id, 'toQueueId', queue_id, 'coopId', coop_id)
        FROM bumped
      RETURNING chat_id, seq, created_at, type, sender_kind, sender_id, sender_name, body, data, client_msg_id
      """;

  /**
   * The co-op's report: chats routed to it in [$2, $3), answered (claimed) or not, per home
   * library.
   */
  static final String REPORT =
      """
      SELECT l.id AS library_id, l.name AS library_name,
             count(c.id) AS routed,
             count(c.id) FILTER (WHERE c.claimed_at IS NOT NULL) AS answered,
             count(c.id) FILTER (WHERE c.claimed_at IS NOT NULL
                                   AND EXISTS (SELECT 1 FROM operators o WHERE o.id = c.owner_id AND o.library_id <> c.library_id)) AS answered_by_coop
        FROM coop_members m JOIN libraries l ON l.id = m.library_id
        LEFT JOIN chats c ON c.coop_id = m.coop_id AND c.library_id = m.library_id
                         AND c.created_at >= $2 AND c.created_at < $3
       WHERE m.coop_id = $1
       GROUP BY l.id, l.name
       ORDER BY l.name
      """;

  /** What each member library's librarians answered for the co-op, in [$2, $3). */
  static final String ANSWERED_BY_LIBRARY =
      """
      SELECT o.library_id, count(*) AS answered_for_others
        FROM chats c JOIN operators o ON o.id = c.owner_id
       WHERE c.coop_id = $1 AND c.claimed_at IS NOT NULL AND o.library_id <> c.library_id
         AND c.created_at >= $2 AND c.created_at < $3
       GROUP BY o.library_id
      """;
}
