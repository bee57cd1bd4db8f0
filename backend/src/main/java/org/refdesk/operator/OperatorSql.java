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

  static final String SIGNED_OFF_AT =
      """
      SELECT signed_off_at FROM operators WHERE id = $1
      """;

  /** What the admin's list shows beside each account: capacity and a scheduled sign-off. */
  static final String ACCOUNT_LIMITS_IN_LIBRARY =
      """
      SELECT id, max_chats, sign_off_at FROM operators WHERE library_id = $1
      """;

  /**
   * A partial edit: each of display name, role and capacity only when its flag says it was given.
   * Locks the row, so two admins' edits of the same operator apply one after the other.
   */
  static final String UPDATE =
      """
      UPDATE operators
         SET display_name = CASE WHEN $3 THEN $4 ELSE display_name END,
             role = coalesce($5, role),
             max_chats = CASE WHEN $6 THEN $7::integer ELSE max_chats END
       WHERE id = $1 AND library_id = $2
      RETURNING id, library_id, username, display_name, role, disabled_at
      """;

  static final String FIND_IN_LIBRARY =
      """
      SELECT id, library_id, username, display_name, role, disabled_at
        FROM operators
       WHERE id = $1 AND library_id = $2
      """;

  static final String REMOVE_OTHER_MEMBERSHIPS =
      """
      DELETE FROM operator_queues WHERE operator_id = $1 AND NOT (queue_id = ANY($2))
      """;

  static final String ADD_MISSING_MEMBERSHIPS =
      """
      INSERT INTO operator_queues (operator_id, queue_id, library_id)
      SELECT $1, q, $3 FROM unnest($2::bigint[]) AS q
      ON CONFLICT (operator_id, queue_id) DO NOTHING
      """;

  static final String ENABLE =
      """
      UPDATE operators SET disabled_at = NULL
       WHERE id = $1 AND library_id = $2
      RETURNING id, library_id, username, display_name, role, disabled_at
      """;

  /**
   * Signs off now, by the node's clock ($3), the clock tokens are issued by; a sign-off that was
   * scheduled is done with.
   */
  static final String SIGN_OFF =
      """
      UPDATE operators SET signed_off_at = $3, sign_off_at = NULL
       WHERE id = $1 AND library_id = $2
      RETURNING id, library_id, signed_off_at
      """;

  static final String SCHEDULE_SIGN_OFF =
      """
      UPDATE operators SET sign_off_at = $3
       WHERE id = $1 AND library_id = $2
      RETURNING id
      """;

  static final String SCHEDULE_LIBRARY_SIGN_OFF =
      """
      UPDATE operators SET sign_off_at = $2
       WHERE library_id = $1 AND disabled_at IS NULL
      RETURNING id
      """;

  /**
   * The sign-offs that are due, each taken by exactly one sweeping node: rows another node holds
   * are skipped, and clearing {@code sign_off_at} in the same statement means none is done twice.
   */
  static final String TAKE_DUE_SIGN_OFFS =
      """
      UPDATE operators SET signed_off_at = $1, sign_off_at = NULL
       WHERE id IN (SELECT id FROM operators
                     WHERE sign_off_at <= $1
                     ORDER BY sign_off_at
                     LIMIT 100
                     FOR UPDATE SKIP LOCKED)
      RETURNING id, library_id, signed_off_at
      """;

  /**
   * The operator's capacity and, only when they have one, the open chats they own or share: the
   * claim's check, on the partial index of present participants.
   */
  static final String CAPACITY =
      """
      SELECT o.max_chats,
             CASE WHEN o.max_chats IS NULL THEN 0 ELSE
               (SELECT count(*) FROM chat_participants p JOIN chats c ON c.id = p.chat_id
                 WHERE p.operator_id = o.id AND p.left_at IS NULL AND c.state = 'active') END AS in_hand
        FROM operators o WHERE o.id = $1
      """;

  /** Open chats each operator of the library owns or shares now. */
  static final String CHATS_IN_HAND =
      """
      SELECT p.operator_id, count(*) AS chats
        FROM chat_participants p JOIN chats c ON c.id = p.chat_id
       WHERE p.library_id = $1 AND p.left_at IS NULL AND c.state = 'active'
       GROUP BY p.operator_id
      """;
}
