package org.refdesk.transfer;

/** The SQL of {@link TransferRepository}. */
final class TransferSql {

  private TransferSql() {}

  private static final String HANDOFF_COLUMNS =
      """
      SELECT h.id, h.chat_id, h.library_id, h.kind, h.from_operator_id, fo.display_name AS from_name,
             h.to_operator_id, tor.display_name AS to_name, h.to_queue_id, q.name AS to_queue_name,
             h.card, h.stay, h.state, h.reason, h.created_at, h.decided_at, c.patron_name, c.question
        FROM chat_handoffs h
        JOIN chats c ON c.id = h.chat_id
        JOIN operators fo ON fo.id = h.from_operator_id
        LEFT JOIN operators tor ON tor.id = h.to_operator_id
        LEFT JOIN queues q ON q.id = h.to_queue_id
      """;

  /** One hand-off of the caller's library; another library's is not found. */
  static final String FIND =
      HANDOFF_COLUMNS
          + """
       WHERE h.id = $1 AND h.library_id = $2
      """;

  /**
   * Pending hand-offs the operator may answer: offered to them by name, or to a queue they may
   * monitor, by someone else.
   */
  static final String INCOMING =
      HANDOFF_COLUMNS
          + """
       WHERE h.library_id = $2 AND h.state = 'pending' AND c.state = 'active' AND h.from_operator_id <> $1
         AND (h.to_operator_id = $1
              OR h.to_queue_id IN (SELECT queue_id FROM operator_queues WHERE operator_id = $1))
       ORDER BY h.created_at, h.id
      """;

  /** Pending hand-offs the operator offered. */
  static final String OUTGOING =
      HANDOFF_COLUMNS
          + """
       WHERE h.library_id = $2 AND h.state = 'pending' AND c.state = 'active' AND h.from_operator_id = $1
       ORDER BY h.created_at, h.id
      """;

  /** The chat row, locked for the rest of the transaction: a hand-off changes who holds it. */
  static final String LOCK_CHAT =
      """
      SELECT id, state, owner_id, queue_id, library_id FROM chats WHERE id = $1 FOR UPDATE
      """;

  static final String ROLE_IN_CHAT =
      """
      SELECT role FROM chat_participants WHERE chat_id = $1 AND operator_id = $2 AND left_at IS NULL
      """;

  static final String INSERT =
      """
      INSERT INTO chat_handoffs (chat_id, library_id, kind, from_operator_id, to_operator_id, to_queue_id, card, stay)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
      RETURNING id
      """;

  /** Decides a pending hand-off; no row back means someone else decided it first. */
  static final String DECIDE =
      """
      UPDATE chat_handoffs SET state = $2, decided_by = $3, decided_at = now(), reason = $4
       WHERE id = $1 AND state = 'pending'
      RETURNING id
      """;

  /** Pending hand-offs of a chat that has ended or changed hands are void. */
  static final String CANCEL_PENDING_OF_CHAT =
      """
      UPDATE chat_handoffs SET state = 'cancelled', decided_at = now()
       WHERE chat_id = $1 AND state = 'pending' AND ($2::bigint IS NULL OR id <> $2)
      RETURNING id, kind, from_operator_id, to_operator_id, to_queue_id
      """;

  /**
   * The transfer itself: the acceptor owns the chat (in the target queue, if it was sent to one)
   * and takes part as its owner; the sender stays as a colleague or leaves. Either way the sender's
   * row is no longer the owner's: a chat has one owner row, whoever held it before.
   */
  static final String HAND_OVER =
      """
      WITH moved AS (
        UPDATE chats SET owner_id = $2, queue_id = COALESCE($3, queue_id) WHERE id = $1
        RETURNING id, library_id
      ), newcomer AS (
        INSERT INTO chat_participants (chat_id, operator_id, library_id, role)
        SELECT id, $2, library_id, 'owner' FROM moved
        ON CONFLICT (chat_id, operator_id) DO UPDATE SET role = 'owner', left_at = NULL
      )
      UPDATE chat_participants SET role = 'shared', left_at = CASE WHEN $5 THEN NULL ELSE now() END
       WHERE chat_id = $1 AND operator_id = $4
      """;

  static final String JOIN_SHARED =
      """
      INSERT INTO chat_participants (chat_id, operator_id, library_id, role)
      VALUES ($1, $2, $3, 'shared')
      ON CONFLICT (chat_id, operator_id) DO UPDATE SET role = 'shared', left_at = NULL, joined_at = now()
      """;

  /** Leaves the chat; answers the role held until now (the row keeps one owner per chat). */
  static final String LEAVE =
      """
      UPDATE chat_participants p SET left_at = now(), role = 'shared'
        FROM (SELECT role FROM chat_participants
               WHERE chat_id = $1 AND operator_id = $2 AND left_at IS NULL FOR UPDATE) before
       WHERE p.chat_id = $1 AND p.operator_id = $2 AND p.left_at IS NULL
      RETURNING before.role
      """;

  /** The owner left a shared chat: the colleague who joined first holds it now. */
  static final String NEXT_OWNER =
      """
      WITH next AS (
        SELECT operator_id FROM chat_participants
         WHERE chat_id = $1 AND left_at IS NULL ORDER BY joined_at, operator_id LIMIT 1
      ), promoted AS (
        UPDATE chat_participants p SET role = 'owner' FROM next
         WHERE p.chat_id = $1 AND p.operator_id = next.operator_id
        RETURNING p.operator_id
      )
      UPDATE chats SET owner_id = (SELECT operator_id FROM promoted) WHERE id = $1
      RETURNING owner_id
      """;

  /** Who holds the chat and who takes part, as every node's chat directory hears it. */
  static final String PEOPLE =
      """
      SELECT c.queue_id, c.owner_id,
             ARRAY(SELECT p.operator_id FROM chat_participants p
                    WHERE p.chat_id = c.id AND p.left_at IS NULL ORDER BY p.joined_at, p.operator_id) AS participants
        FROM chats c WHERE c.id = $1
      """;
}
