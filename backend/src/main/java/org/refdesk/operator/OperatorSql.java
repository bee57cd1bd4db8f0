package org.refdesk.operator;

/** The SQL of {@link OperatorRepository}. */
final class OperatorSql {

  private OperatorSql() {}

  static final String COLUMNS = "id, library_id, username, display_name, role, disabled_at";

  static final String FIND_FOR_LOGIN =
      """
      SELECT id, library_id, username, display_name, role, disabled_at, password_hash
        FROM operators
       WHERE username = $1
      """;

  static final String FIND_ACTIVE =
      """
      SELECT id, library_id, username, display_name, role, disabled_at
        FROM operators
       WHERE id = $1 AND disabled_at IS NULL
      """;

  /** The end of the operator's shift: when they last went offline, on whatever device. */
  static final String MARK_OFFLINE =
      """
      UPDATE operators SET last_offline_at = now() WHERE id = $1
      """;

  static final String DISPLAY_NAME =
      """
      SELECT display_name FROM operators WHERE id = $1
      """;

  static final String LIST_IN_LIBRARY =
      """
      SELECT id, library_id, username, display_name, role, disabled_at
        FROM operators
       WHERE library_id = $1
       ORDER BY display_name, id
      """;

  static final String INSERT =
      """
      INSERT INTO operators (library_id, username, display_name, password_hash, role)
      VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT (username) DO NOTHING
      RETURNING id, library_id, username, display_name, role, disabled_at
      """;

  static final String QUEUES_BY_SLUG =
      """
      SELECT id, slug, name FROM queues WHERE library_id = $1 AND slug = ANY($2)
      """;

  static final String ADD_MEMBERSHIP =
      """
      INSERT INTO operator_queues (operator_id, queue_id, library_id) VALUES ($1, $2, $3)
      """;

  static final String QUEUES_OF_OPERATOR =
      """
      SELECT q.id, q.slug, q.name, q.coop_id, k.name AS coop_name
        FROM operator_queues oq JOIN queues q ON q.id = oq.queue_id LEFT JOIN coops k ON k.id = q.coop_id
       WHERE oq.operator_id = $1
       ORDER BY q.name, q.id
      """;

  static final String QUEUES_OF_LIBRARY_OPERATORS =
      """
      SELECT oq.operator_id, q.id, q.slug, q.name
        FROM operator_queues oq JOIN queues q ON q.id = oq.queue_id
       WHERE oq.library_id = $1
       ORDER BY q.name, q.id
      """;

  static final String DISABLE =
      """
      UPDATE operators SET disabled_at = coalesce(disabled_at, now())
       WHERE id = $1 AND library_id = $2
      RETURNING id, library_id, username, display_name, role, disabled_at
      """;
}
