package org.refdesk.staffchat;

/**
 * The SQL of {@link StaffChatRepository}. Who is in a room is decided here, in one place: an
 * enabled operator of the room's library, and for a direct room one of its two operators.
 */
final class StaffChatSql {

  private StaffChatSql() {}

  /** $1 room, $2 operator: the rows of {@code internal_rooms r} that operator is in. */
  private static final String MEMBER =
      """
      r.id = $1
        AND EXISTS (SELECT 1 FROM operators o
                    WHERE o.id = $2 AND o.library_id = r.library_id AND o.disabled_at IS NULL)
        AND (r.kind = 'staff' OR $2 IN (r.operator_low, r.operator_high))
      """;

  /** The room, if the operator is in it. */
  static final String ROOM_OF_MEMBER =
      "SELECT r.id, r.library_id, r.kind, r.last_seq FROM internal_rooms r WHERE " + MEMBER;

  /** The library's staff room, made the first time anyone asks for it. */
  static final String MAKE_STAFF_ROOM =
      """
      INSERT INTO internal_rooms (library_id, kind) VALUES ($1, 'staff')
      ON CONFLICT (library_id) WHERE kind = 'staff' DO NOTHING
      """;

  /**
   * $1 caller, $2 colleague, $3 library: the pair's direct room, made if it is not there yet. Empty
   * when the colleague is not an enabled operator of the library, or when another request made the
   * room in the same instant (this statement's snapshot cannot see it; read it with {@link
   * #DIRECT_ROOM}).
   */
  static final String OPEN_DIRECT_ROOM =
      """
      WITH colleague AS (
        SELECT id FROM operators
        WHERE id = $2 AND id <> $1 AND library_id = $3 AND disabled_at IS NULL
      ), made AS (
        INSERT INTO internal_rooms (library_id, kind, operator_low, operator_high)
        SELECT $3, 'direct', least($1, id), greatest($1, id) FROM colleague
        ON CONFLICT (operator_low, operator_high) WHERE kind = 'direct' DO NOTHING
        RETURNING id
      )
      SELECT id FROM made
      UNION ALL
      SELECT r.id FROM internal_rooms r, colleague c
      WHERE r.kind = 'direct' AND r.operator_low = least($1, c.id)
        AND r.operator_high = greatest($1, c.id)
      """;

  /** $1 caller, $2 colleague, $3 library: the pair's direct room, if the colleague is one. */
  static final String DIRECT_ROOM =
      """
      SELECT r.id FROM internal_rooms r
      JOIN operators c ON c.id = $2 AND c.id <> $1 AND c.library_id = $3 AND c.disabled_at IS NULL
      WHERE r.kind = 'direct' AND r.library_id = $3
        AND r.operator_low = least($1, $2) AND r.operator_high = greatest($1, $2)
      """;

  /**
   * $1 operator, $2 library: the operator's rooms, the staff room first, each with what they have
   * not read (their own messages never count), and a direct room named by the colleague.
   */
  static final String ROOMS_OF =
      """
      SELECT r.id, r.kind, r.last_seq, COALESCE(rd.last_read_seq, 0) AS last_read_seq,
             c.id AS colleague_id, c.display_name AS colleague_name, l.name AS library_name,
             (SELECT count(*) FROM internal_messages m
              WHERE m.room_id = r.id AND m.seq > COALESCE(rd.last_read_seq, 0)
                AND m.sender_id <> $1) AS unread
      FROM internal_rooms r
      JOIN libraries l ON l.id = r.library_id
      LEFT JOIN internal_reads rd ON rd.room_id = r.id AND rd.operator_id = $1
      LEFT JOIN operators c ON r.kind = 'direct'
        AND c.id = CASE WHEN r.operator_low = $1 THEN r.operator_high ELSE r.operator_low END
      WHERE r.library_id = $2
        AND EXISTS (SELECT 1 FROM operators o
                    WHERE o.id = $1 AND o.library_id = $2 AND o.disabled_at IS NULL)
        AND (r.kind = 'staff' OR $1 IN (r.operator_low, r.operator_high))
      ORDER BY r.kind = 'staff' DESC, c.display_name, r.id
      """;

  /**
   * $1 room, $2 sender, $3 clientMsgId, $4 text: stores a message numbered from the room row, in
   * one statement, so the number and the row commit together and no seq is ever skipped. A repeat
   * of a clientMsgId stores nothing and answers the first message's seq. Empty when the sender is
   * not in the room. Two copies arriving at once: the second waits on the room row, then breaks the
   * unique key and is run again, finding the first.
   */
  static final String SEND =
      """
      WITH member AS (
        SELECT r.id FROM internal_rooms r WHERE
      """
          + MEMBER
          + """
      ), earlier AS (
        SELECT m.seq, m.created_at, m.sender_name FROM internal_messages m
        WHERE m.room_id = $1 AND m.client_msg_id = $3
      ), numbered AS (
        UPDATE internal_rooms SET last_seq = last_seq + 1
        WHERE id = (SELECT id FROM member) AND NOT EXISTS (SELECT 1 FROM earlier)
        RETURNING id, last_seq
      ), stored AS (
        INSERT INTO internal_messages (room_id, seq, client_msg_id, sender_id, sender_name, body)
        SELECT n.id, n.last_seq, $3, o.id, o.display_name, $4
        FROM numbered n JOIN operators o ON o.id = $2
        RETURNING seq, created_at, sender_name
      )
      SELECT seq, created_at, sender_name, false AS repeated FROM stored
      UNION ALL
      SELECT seq, created_at, sender_name, true AS repeated FROM earlier
      WHERE EXISTS (SELECT 1 FROM member)
      """;

  /** $1 room, $2 after, $3 limit: the room's messages after a seq, in order. */
  static final String MESSAGES_AFTER =
      """
      SELECT room_id, seq, client_msg_id, sender_id, sender_name, body, created_at
      FROM internal_messages WHERE room_id = $1 AND seq > $2 ORDER BY seq LIMIT $3
      """;

  /** $1 room, $2 operator, $3 seq: read up to there; reading never goes back. */
  static final String MARK_READ =
      """
      INSERT INTO internal_reads (room_id, operator_id, last_read_seq) VALUES ($1, $2, $3)
      ON CONFLICT (room_id, operator_id)
      DO UPDATE SET last_read_seq = GREATEST(internal_reads.last_read_seq, EXCLUDED.last_read_seq)
      RETURNING last_read_seq
      """;

  /**
   * $1 operator, $2 library, $3 words (as a person types them into a search box), $4 limit: the
   * messages of the operator's rooms holding every word, newest first. Rooms are chosen as in
   * {@link #ROOMS_OF}; the word test matches the index of V10.
   */
  static final String SEARCH =
      """
      SELECT m.room_id, m.seq, m.client_msg_id, m.sender_id, m.sender_name, m.body, m.created_at
      FROM internal_messages m
      JOIN internal_rooms r ON r.id = m.room_id
      WHERE r.library_id = $2
        AND EXISTS (SELECT 1 FROM operators o
                    WHERE o.id = $1 AND o.library_id = $2 AND o.disabled_at IS NULL)
        AND (r.kind = 'staff' OR $1 IN (r.operator_low, r.operator_high))
        AND to_tsvector('simple', m.body) @@ websearch_to_tsquery('simple', $3)
      ORDER BY m.created_at DESC, m.room_id, m.seq DESC
      LIMIT $4
      """;
}
