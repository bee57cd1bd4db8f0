package org.refdesk.chat;

/**
 * The SQL of {@link ChatRepository}. Sequence numbers always come from the chat row (see
 * DESIGN.md).
 */
final class ChatSql {

  private ChatSql() {}

  /** The chat and its first event, the patron's question, in one statement. */
  static final String INSERT_CHAT =
      """
      WITH chat AS (
        INSERT INTO chats (library_id, queue_id, patron_name, patron_email, patron_ip, user_agent, page_url, question, last_seq,
                           home_queue_id, coop_id, prechat)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, (SELECT coop_id FROM queues WHERE id = $2), $10)
        RETURNING id, library_id, created_at, patron_name, question
      ), first_event AS (
        INSERT INTO chat_events (chat_id, seq, library_id, type, sender_kind, sender_name, body, created_at)
        SELECT id, 1, library_id, 'message', 'patron', patron_name, question, created_at FROM chat
        RETURNING seq
      )
      SELECT c.id, c.created_at FROM chat c, first_event
      """;

  /**
   * Locks a batch's open chats in ascending id, whatever order their messages arrived in, so two
   * batches (two lanes, or two nodes) can never wait on each other in a cycle. Run first in the
   * batch's transaction; {@link #APPEND_MESSAGES} then reads with a snapshot taken after the locks,
   * so it sees a repeat another node committed meanwhile.
   */
  static final String LOCK_OPEN_CHATS =
      """
      SELECT id FROM chats WHERE id = ANY($1) AND state IN ('waiting', 'active') ORDER BY id FOR UPDATE
      """;

  /**
   * Stores a whole batch of messages in one statement: one UPDATE per chat (last_seq + its count)
   * and one multi-row INSERT, instead of a statement per message. The arrays are the messages'
   * fields in arrival order; a chat's messages are numbered in that order. A message whose client
   * id was stored before answers the first copy's seq and bumps nothing; one sent to an ended chat,
   * or by an operator who does not take part, gets no row: refused, and no sequence number is used
   * up. Each returned row carries its message's 1-based position in the arrays. A client id must
   * not appear twice in one batch. {@code $6} holds each message's server-attached data as JSON
   * text, or null.
   */
  static final String APPEND_MESSAGES =
      """
      WITH sent AS (
        SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[])
               WITH ORDINALITY AS s(chat_id, client_msg_id, sender_kind, sender_id, body, data, ord)
      ), repeated AS (
        SELECT s.ord, e.seq, e.created_at, e.sender_name
          FROM sent s JOIN chat_events e ON e.chat_id = s.chat_id AND e.client_msg_id = s.client_msg_id
      ), accepted AS (
        SELECT s.*, row_number() OVER (PARTITION BY s.chat_id ORDER BY s.ord) AS k
          FROM sent s JOIN chats c ON c.id = s.chat_id AND c.state IN ('waiting', 'active')
         WHERE NOT EXISTS (SELECT 1 FROM repeated r WHERE r.ord = s.ord)
           AND (s.sender_kind = 'patron' OR EXISTS (
                 SELECT 1 FROM chat_participants p
                  WHERE p.chat_id = s.chat_id AND p.operator_id = s.sender_id AND p.left_at IS NULL))
      ), counted AS (
        SELECT chat_id, count(*)::int AS n, bool_or(sender_kind = 'patron') AS patron_wrote,
               bool_or(sender_kind = 'operator') AS operator_wrote
          FROM accepted GROUP BY chat_id
      ), bumped AS (
        -- Whoever writes, the idle warning starts over: the patron answered, or the librarian wrote
        -- again and the patron's clock runs from that message.
        UPDATE chats c SET last_seq = c.last_seq + n.n,
               patron_last_at = CASE WHEN n.patron_wrote THEN now() ELSE c.patron_last_at END,
               operator_last_at = CASE WHEN n.operator_wrote THEN now() ELSE c.operator_last_at END,
               idle_warned_at = NULL
          FROM counted n
         WHERE c.id = n.chat_id
        RETURNING c.id, c.last_seq - n.n AS seq_before, c.library_id, c.patron_name
      ), inserted AS (
        INSERT INTO chat_events (chat_id, seq, library_id, type, sender_kind, sender_id, sender_name, body, data, client_msg_id)
        SELECT a.chat_id, b.seq_before + a.k, b.library_id, 'message', a.sender_kind, a.sender_id,
               CASE WHEN a.sender_kind = 'patron' THEN b.patron_name ELSE chat_staff_name(a.sender_id, b.library_id) END, a.body,
               COALESCE(a.data::jsonb, '{}'::jsonb), a.client_msg_id
          FROM accepted a JOIN bumped b ON b.id = a.chat_id
        RETURNING chat_id, client_msg_id, seq, created_at, sender_name
      )
      SELECT s.ord, i.seq, i.created_at, i.sender_name, false AS repeated
        FROM inserted i JOIN sent s ON s.chat_id = i.chat_id AND s.client_msg_id = i.client_msg_id
      UNION ALL
      SELECT ord, seq, created_at, sender_name, true FROM repeated
      """;

  /** Any other event: numbered in the same sequence, inside the caller's transaction. */
  static final String APPEND_EVENT =
      """
      WITH bumped AS (
        UPDATE chats SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq, library_id
      )
      INSERT INTO chat_events (chat_id, seq, library_id, type, sender_kind, sender_id, sender_name, body, data)
      SELECT $1, last_seq, library_id, $2, $3, $4, $5, $6, $7 FROM bumped
      RETURNING chat_id, seq, created_at, type, sender_kind, sender_id, sender_name, body, data, client_msg_id
      """;

  static final String EVENTS_AFTER =
      """
      SELECT chat_id, seq, created_at, type, sender_kind, sender_id, sender_name, body, data, client_msg_id
        FROM chat_events
       WHERE chat_id = $1 AND seq > $2
       ORDER BY seq
       LIMIT $3
      """;

  static final String FIND_CHAT =
      """
      SELECT c.id, c.library_id, c.queue_id, c.state, c.patron_name, c.patron_email, c.patron_ip, c.user_agent,
             c.page_url, c.question, c.last_seq, c.owner_id, o.display_name AS owner_name, c.prechat,
             c.created_at, c.claimed_at, c.ended_at, q.name AS queue_name,
             c.home_queue_id, c.coop_id, hl.name AS home_library_name,
             COALESCE((SELECT json_agg(json_build_object('id', p.operator_id, 'name', po.display_name, 'role', p.role) ORDER BY p.joined_at, p.operator_id)
                         FROM chat_participants p JOIN operators po ON po.id = p.operator_id
                        WHERE p.chat_id = c.id AND p.left_at IS NULL), '[]'::json) AS participants
        FROM chats c JOIN queues q ON q.id = c.queue_id LEFT JOIN operators o ON o.id = c.owner_id
        JOIN libraries hl ON hl.id = c.library_id
       WHERE c.id = $1
      """;

  /** Only what a claim needs; see {@link ChatFacts}. */
  static final String CLAIM_FACTS =
      """
      SELECT c.id, c.library_id, c.queue_id, c.created_at, c.state, c.owner_id, c.coop_id,
             ARRAY(SELECT p.operator_id FROM chat_participants p WHERE p.chat_id = c.id AND p.left_at IS NULL) AS participants
        FROM chats c WHERE c.id = $1
      """;

  static final String ACTIVE_IN_LIBRARY =
      """
      SELECT c.id, c.queue_id, c.patron_name, c.question, c.owner_id, o.display_name AS owner_name, c.claimed_at, c.last_seq,
             COALESCE((SELECT json_agg(json_build_object('id', p.operator_id, 'name', po.display_name, 'role', p.role) ORDER BY p.joined_at, p.operator_id)
                         FROM chat_participants p JOIN operators po ON po.id = p.operator_id
                        WHERE p.chat_id = c.id AND p.left_at IS NULL), '[]'::json) AS participants
        FROM chats c JOIN operators o ON o.id = c.owner_id
       WHERE c.library_id = $1 AND c.state = 'active'
       ORDER BY c.claimed_at, c.id
      """;

  /**
   * The same patron's other chats in the library, by e-mail, newest first. A viewer of another
   * library ($2, answering a co-op chat) sees only those that were the same co-op's chats too.
   */
  static final String EARLIER_CHATS =
      """
      SELECT c.id, c.created_at, c.question, c.state
        FROM chats c JOIN chats this ON this.id = $1
       WHERE c.library_id = this.library_id AND c.id <> this.id AND this.patron_email IS NOT NULL
         AND (this.library_id = $2 OR c.coop_id = this.coop_id)
         AND lower(c.patron_email) = lower(this.patron_email)
       ORDER BY c.created_at DESC
       LIMIT 20
      """;

  static final String SET_EMAIL =
      """
      UPDATE chats SET patron_email = $2 WHERE id = $1
      """;

  static final String RECENT_FOR_OPERATOR =
      """
      SELECT c.id, c.queue_id, c.patron_name, c.question, c.ended_at
        FROM chats c JOIN chat_participants p ON p.chat_id = c.id AND p.operator_id = $1
       WHERE c.state = 'ended' AND c.ended_at > now() - interval '7 days'
       ORDER BY c.ended_at DESC
       LIMIT 20
      """;

  /**
   * The conditional update that decides a claim, with the owner's participation and the numbered
   * {@code claimed} event, in one statement: one round trip and one commit however busy the claim
   * is. Only a waiting chat can be claimed; no row back means the claim was lost.
   */
  static final String CLAIM =
      """
      WITH claimed AS (
        UPDATE chats SET state = 'active', owner_id = $2, claimed_at = now(), last_seq = last_seq + 1
         WHERE id = $1 AND state = 'waiting'
        RETURNING id, queue_id, library_id, last_seq
      ), owner AS (
        INSERT INTO chat_participants (chat_id, operator_id, library_id, role)
        SELECT id, $2, library_id, 'owner' FROM claimed
        ON CONFLICT (chat_id, operator_id) DO UPDATE SET left_at = NULL, role = 'owner'
      ), event AS (
        INSERT INTO chat_events (chat_id, seq, library_id, type, sender_kind, sender_id, sender_name, data)
        SELECT id, last_seq, library_id, 'claimed', 'operator', $2, chat_staff_name($2, library_id),
               jsonb_build_object('operator', jsonb_build_object('id', $2, 'name', chat_staff_name($2, library_id)))
          FROM claimed
        RETURNING chat_id, seq, created_at, type, sender_kind, sender_id, sender_name, body, data, client_msg_id
      )
      SELECT e.*, c.queue_id FROM event e, claimed c
      """;

  /**
   * Ends a chat that is still open (or missed: its patron came back only to end it) and says what
   * state it was in, so a waiting chat counts as abandoned.
   */
  static final String END =
      """
      UPDATE chats c SET state = 'ended', ended_at = now(), ended_by = $2
        FROM (SELECT id, state FROM chats WHERE id = $1 FOR UPDATE) previous
       WHERE c.id = previous.id AND previous.state IN ('waiting', 'active', 'missed')
      RETURNING previous.state AS previous_state, c.queue_id, c.library_id
      """;

  static final String CLOSE_PARTICIPATION =
      """
      UPDATE chat_participants SET left_at = now() WHERE chat_id = $1 AND left_at IS NULL
      """;

  /** What a typing frame needs: the patron's name and who takes part, for an open chat only. */
  static final String TYPING_FACTS =
      """
      SELECT c.patron_name,
             ARRAY(SELECT p.operator_id FROM chat_participants p WHERE p.chat_id = c.id AND p.left_at IS NULL) AS participants
        FROM chats c
       WHERE c.id = $1 AND c.state IN ('waiting', 'active')
      """;

  static final String IS_PARTICIPANT =
      """
      SELECT EXISTS (SELECT 1 FROM chat_participants WHERE chat_id = $1 AND operator_id = $2 AND left_at IS NULL) AS taking_part
      """;

  static final String OTHERS_TAKING_PART =
      """
      SELECT count(*)::int AS others FROM chat_participants WHERE chat_id = $1 AND operator_id <> $2 AND left_at IS NULL
      """;

  /**
   * The patrons of these chats have their widget open: seen now. A missed chat among them is
   * waiting again, at its old place (its arrival is unchanged). Rows are locked in ascending id, as
   * message batches lock them, so the two never wait on each other in a cycle.
   */
  static final String PATRONS_SEEN =
      """
      WITH seen AS (
        SELECT id, state FROM chats WHERE id = ANY($1) AND state IN ('waiting', 'active', 'missed') ORDER BY id FOR UPDATE
      )
      UPDATE chats c SET patron_seen_at = now(),
             state = CASE WHEN seen.state = 'missed' THEN 'waiting' ELSE c.state END
        FROM seen
       WHERE c.id = seen.id
      RETURNING c.id, seen.state AS previous_state, c.queue_id, c.patron_name, c.question, c.created_at
      """;

  /**
   * The library's missed chats of the last week, newest first: reviewed at the start of a shift.
   */
  static final String MISSED_IN_LIBRARY =
      """
      SELECT id, queue_id, patron_name, patron_email, question, created_at, missed_at
        FROM chats
       WHERE library_id = $1 AND state = 'missed' AND missed_at > now() - interval '7 days'
       ORDER BY missed_at DESC, id DESC
       LIMIT 200
      """;

  /**
   * The same list, from the end of operator $2's last shift (when they last went offline); the
   * whole week for an operator who never was.
   */
  static final String MISSED_SINCE_SHIFT =
      """
      SELECT id, queue_id, patron_name, patron_email, question, created_at, missed_at
        FROM chats
       WHERE library_id = $1 AND state = 'missed' AND missed_at > now() - interval '7 days'
         AND missed_at > coalesce((SELECT last_offline_at FROM operators WHERE id = $2), '-infinity')
       ORDER BY missed_at DESC, id DESC
       LIMIT 200
      """;

  static final String LAST_SHIFT_END = "SELECT last_offline_at FROM operators WHERE id = $1";

  /**
   * Dismisses chat $1 of library $2 with reason $3 and note $4 by operator $5, only while it waits
   * or is missed; the chat's row is locked so a claim cannot slip in before the dismissal. Answers
   * the chat's state and owner and whether the dismissal was stored; no row for a chat of another
   * library.
   */
  static final String DISMISS =
      """
      WITH target AS (
        SELECT id, library_id, state, owner_id FROM chats WHERE id = $1 AND library_id = $2 FOR UPDATE
      ), stored AS (
        INSERT INTO chat_dismissals (chat_id, library_id, reason, note, operator_id)
        SELECT id, library_id, $3, $4, $5 FROM target WHERE state IN ('waiting', 'missed')
        ON CONFLICT (chat_id) DO NOTHING
        RETURNING chat_id
      )
      SELECT t.state, t.owner_id, EXISTS (SELECT 1 FROM stored) AS stored FROM target t
      """;

  /** Library $1's dismissals of the last $2 days, per reason. */
  static final String DISMISSAL_COUNTS =
      """
      SELECT reason, count(*) AS n FROM chat_dismissals
       WHERE library_id = $1 AND created_at > now() - make_interval(days => $2)
       GROUP BY reason
      """;
}
