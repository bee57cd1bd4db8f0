package org.refdesk.chat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.refdesk.chat.ChatEvent.Sender;

/** Chats, their numbered events, claims and endings, in Postgres. */
public final class ChatRepository {

  private final Pool pool;

  public ChatRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<StartedChat> start(NewChat chat) {
    return pool.preparedQuery(ChatSql.INSERT_CHAT)
        .execute(
            Tuple.tuple()
                .addLong(chat.libraryId())
                .addLong(chat.queueId())
                .addString(chat.patronName())
                .addString(chat.patronEmail())
                .addString(chat.patronIp())
                .addString(chat.userAgent())
                .addString(chat.pageUrl())
                .addString(chat.question())
                .addLong(chat.homeQueueId())
                .addValue(
                    chat.prechat() == null || chat.prechat().isEmpty() ? null : chat.prechat()))
        .map(
            rows -> {
              var row = rows.iterator().next();
              return new StartedChat(row.getLong("id"), row.getOffsetDateTime("created_at"));
            });
  }

  /**
   * Stores a batch of messages in one transaction (group commit): one commit, so one fsync, and one
   * statement for everything that arrived while the previous batch was being written. Empty entries
   * were refused. No two entries may share a chat and client id (the caller holds such a repeat
   * back for the next batch, where it is answered as a repeat).
   */
  public Future<List<Optional<StoredMessage>>> appendBatch(List<MessageSend> batch) {
    var chatIds = new Long[batch.size()];
    var clientIds = new String[batch.size()];
    var senderKinds = new String[batch.size()];
    var senderIds = new Long[batch.size()];
    var texts = new String[batch.size()];
    var data = new String[batch.size()];
    for (int i = 0; i < batch.size(); i++) {
      var m = batch.get(i);
      chatIds[i] = m.chatId();
      clientIds[i] = m.clientMsgId();
      senderKinds[i] = m.senderKind();
      senderIds[i] = m.senderId();
      texts[i] = m.text();
      data[i] = m.data() == null ? null : m.data().encode();
    }
    // The whole transaction goes out at once, pipelined on one connection: one round trip instead
    // of
    // four, which is most of a small batch's time. Postgres still runs the statements one after the
    // other, so the append starts once the locks are held. If one fails, Postgres turns the COMMIT
    // into
    // a rollback and that statement's failure fails the batch; join waits for every reply before
    // the
    // connection goes back to the pool.
    return pool.withConnection(
            conn -> {
              var begin = conn.query("BEGIN").execute();
              var lock =
                  conn.preparedQuery(ChatSql.LOCK_OPEN_CHATS)
                      .execute(Tuple.tuple().addArrayOfLong(chatIds));
              var append =
                  conn.preparedQuery(ChatSql.APPEND_MESSAGES)
                      .execute(Tuple.of(chatIds, clientIds, senderKinds, senderIds, texts, data));
              var commit = conn.query("COMMIT").execute();
              return Future.join(begin, lock, append, commit).map(done -> append.result());
            })
        .map(
            rows -> {
              var results =
                  new ArrayList<Optional<StoredMessage>>(
                      Collections.nCopies(batch.size(), Optional.empty()));
              rows.forEach(
                  row ->
                      results.set(
                          row.getLong("ord").intValue() - 1,
                          Optional.of(
                              new StoredMessage(
                                  row.getInteger("seq"),
                                  row.getOffsetDateTime("created_at"),
                                  row.getString("sender_name"),
                                  row.getBoolean("repeated")))));
              return results;
            });
  }

  /**
   * One message in its own transaction, for when its batch failed. A repeat racing on another node
   * can lose the unique-index race once; the retry then finds the first copy and answers its seq.
   */
  public Future<Optional<StoredMessage>> appendAlone(MessageSend message) {
    return appendBatch(List.of(message))
        .recover(failure -> appendBatch(List.of(message)))
        .map(results -> results.get(0));
  }

  /**
   * Appends a non-message event inside the caller's transaction and returns it as clients see it.
   */
  public Future<JsonObject> appendEvent(
      SqlClient client, long chatId, String type, Sender from, String text, JsonObject data) {
    return client
        .preparedQuery(ChatSql.APPEND_EVENT)
        .execute(
            Tuple.of(
                chatId,
                type,
                from.kind(),
                from.id(),
                from.name(),
                text,
                data == null ? new JsonObject() : data))
        .map(rows -> ChatEvent.from(rows.iterator().next()));
  }

  public Future<Optional<Chat>> find(long chatId) {
    return pool.preparedQuery(ChatSql.FIND_CHAT)
        .execute(Tuple.of(chatId))
        .map(rows -> first(rows).map(Chat::from));
  }

  public Future<Optional<ChatFacts>> claimFacts(long chatId) {
    return pool.preparedQuery(ChatSql.CLAIM_FACTS)
        .execute(Tuple.of(chatId))
        .map(rows -> first(rows).map(ChatFacts::from));
  }

  public Future<List<JsonObject>> eventsAfter(long chatId, int after, int limit) {
    return pool.preparedQuery(ChatSql.EVENTS_AFTER)
        .execute(Tuple.of(chatId, after, limit))
        .map(rows -> mapped(rows, row -> ChatEvent.from(row)));
  }

  /**
   * The conditional update that decides a claim: only a waiting chat can be claimed, so however
   * many nodes or stale Redis states let a request through, one operator wins. Empty when it was
   * lost.
   */
  public Future<Optional<Claimed>> claim(long chatId, Sender operator) {
    // The name the patron reads is the database's chat_staff_name: with their library, in a co-op
    // chat.
    return pool.preparedQuery(ChatSql.CLAIM)
        .execute(Tuple.of(chatId, operator.id()))
        .map(
            rows ->
                first(rows).map(row -> new Claimed(ChatEvent.from(row), row.getLong("queue_id"))));
  }

  /** A system notice for the chat's patron and operators, numbered like every stored event. */
  public Future<JsonObject> appendNotice(long chatId, String text) {
    return pool.withTransaction(
        conn -> appendEvent(conn, chatId, "notice", Sender.system(), text, null));
  }

  /** Ends an open chat; empty when it had already ended. The text, if any, says why. */
  public Future<Optional<Ended>> end(long chatId, Sender by, String text) {
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(ChatSql.END)
                .execute(Tuple.of(chatId, by.kind()))
                .compose(
                    rows -> {
                      var row = first(rows);
                      if (row.isEmpty()) {
                        return Future.succeededFuture(Optional.<Ended>empty());
                      }
                      var previous = row.get().getString("previous_state");
                      long queueId = row.get().getLong("queue_id");
                      return conn.preparedQuery(ChatSql.CLOSE_PARTICIPATION)
                          .execute(Tuple.of(chatId))
                          .compose(
                              v ->
                                  appendEvent(
                                      conn,
                                      chatId,
                                      "ended",
                                      by,
                                      text,
                                      new JsonObject().put("endedBy", by.kind())))
                          .map(event -> Optional.of(new Ended(event, previous, queueId)));
                    }));
  }

  /** Marks these chats' patrons as present; answers the chats that were missed and wait again. */
  public Future<List<ReturnedChat>> patronsSeen(List<Long> chatIds) {
    return pool.preparedQuery(ChatSql.PATRONS_SEEN)
        .execute(Tuple.of(chatIds.toArray(new Long[0])))
        .map(
            rows -> {
              var back = new ArrayList<ReturnedChat>();
              rows.forEach(
                  row -> {
                    if (Chat.MISSED.equals(row.getString("previous_state"))) {
                      back.add(
                          new ReturnedChat(
                              row.getLong("id"),
                              row.getLong("queue_id"),
                              row.getString("patron_name"),
                              row.getString("question"),
                              row.getOffsetDateTime("created_at")));
                    }
                  });
              return back;
            });
  }

  /** The library's missed chats of the last week, newest first. */
  public Future<List<MissedChat>> missedIn(long libraryId) {
    return pool.preparedQuery(ChatSql.MISSED_IN_LIBRARY)
        .execute(Tuple.of(libraryId))
        .map(rows -> mapped(rows, ChatRepository::missedChat));
  }

  /** The library's missed chats since the operator's last shift ended, newest first. */
  public Future<List<MissedChat>> missedSinceShift(long libraryId, long operatorId) {
    return pool.preparedQuery(ChatSql.MISSED_SINCE_SHIFT)
        .execute(Tuple.of(libraryId, operatorId))
        .map(rows -> mapped(rows, ChatRepository::missedChat));
  }

  /** When the operator last went offline, if they ever did. */
  public Future<Optional<OffsetDateTime>> lastShiftEnd(long operatorId) {
    return pool.preparedQuery(ChatSql.LAST_SHIFT_END)
        .execute(Tuple.of(operatorId))
        .map(rows -> first(rows).map(row -> row.getOffsetDateTime("last_offline_at")));
  }

  /** Stores the dismissal if the chat waits or is missed; empty for a chat of another library. */
  Future<Optional<Dismissal>> dismiss(
      long chatId, long libraryId, String reason, String note, long operatorId) {
    return pool.preparedQuery(ChatSql.DISMISS)
        .execute(Tuple.of(chatId, libraryId, reason, note, operatorId))
        .map(
            rows ->
                first(rows)
                    .map(
                        row ->
                            new Dismissal(
                                row.getString("state"),
                                row.getLong("owner_id"),
                                row.getBoolean("stored"))));
  }

  /** How many chats the library dismissed for each reason in the last days. */
  Future<Map<String, Long>> dismissalCounts(long libraryId, int days) {
    return pool.preparedQuery(ChatSql.DISMISSAL_COUNTS)
        .execute(Tuple.of(libraryId, days))
        .map(
            rows -> {
              var counts = new TreeMap<String, Long>();
              rows.forEach(row -> counts.put(row.getString("reason"), row.getLong("n")));
              return counts;
            });
  }

  /** The chat's events from the first, at most {@code limit}: a transcript's material. */
  public Future<List<JsonObject>> transcript(long chatId, int limit) {
    return eventsAfter(chatId, 0, limit);
  }

  private static MissedChat missedChat(Row row) {
    return new MissedChat(
        row.getLong("id"),
        row.getLong("queue_id"),
        row.getString("patron_name"),
        row.getString("patron_email"),
        row.getString("question"),
        row.getOffsetDateTime("created_at"),
        row.getOffsetDateTime("missed_at"));
  }

  /** The patron's name and the operators taking part, if the chat is open. */
  public Future<Optional<TypingFacts>> typingFacts(long chatId) {
    return pool.preparedQuery(ChatSql.TYPING_FACTS)
        .execute(Tuple.of(chatId))
        .map(
            rows ->
                first(rows)
                    .map(
                        row ->
                            new TypingFacts(
                                row.getString("patron_name"),
                                Set.of(row.getArrayOfLongs("participants")))));
  }

  public Future<Boolean> isParticipant(long chatId, long operatorId) {
    return pool.preparedQuery(ChatSql.IS_PARTICIPANT)
        .execute(Tuple.of(chatId, operatorId))
        .map(rows -> rows.iterator().next().getBoolean("taking_part"));
  }

  /** How many operators other than this one take part in the chat now. */
  public Future<Integer> othersTakingPart(long chatId, long operatorId) {
    return pool.preparedQuery(ChatSql.OTHERS_TAKING_PART)
        .execute(Tuple.of(chatId, operatorId))
        .map(rows -> rows.iterator().next().getInteger("others"));
  }

  /**
   * The library's chats in progress, for the operator app's counters and its tabs after a reload.
   */
  public Future<List<ActiveChat>> activeIn(long libraryId) {
    return pool.preparedQuery(ChatSql.ACTIVE_IN_LIBRARY)
        .execute(Tuple.of(libraryId))
        .map(
            rows ->
                mapped(
                    rows,
                    row ->
                        new ActiveChat(
                            row.getLong("id"),
                            row.getLong("queue_id"),
                            row.getString("patron_name"),
                            row.getString("question"),
                            row.getLong("owner_id"),
                            row.getString("owner_name"),
                            row.getOffsetDateTime("claimed_at"),
                            row.getInteger("last_seq"),
                            row.getJsonArray("participants"))));
  }

  public Future<List<EarlierChat>> earlierChatsOfPatron(long chatId, long viewerLibraryId) {
    return pool.preparedQuery(ChatSql.EARLIER_CHATS)
        .execute(Tuple.of(chatId, viewerLibraryId))
        .map(
            rows ->
                mapped(
                    rows,
                    row ->
                        new EarlierChat(
                            row.getLong("id"),
                            row.getOffsetDateTime("created_at"),
                            row.getString("question"),
                            row.getString("state"))));
  }

  public Future<Void> recordEmail(long chatId, String email) {
    return pool.preparedQuery(ChatSql.SET_EMAIL).execute(Tuple.of(chatId, email)).mapEmpty();
  }

  /** The chats this operator took part in that ended in the last week, newest first. */
  public Future<List<EndedChat>> recentlyEndedFor(long operatorId) {
    return pool.preparedQuery(ChatSql.RECENT_FOR_OPERATOR)
        .execute(Tuple.of(operatorId))
        .map(
            rows ->
                mapped(
                    rows,
                    row ->
                        new EndedChat(
                            row.getLong("id"),
                            row.getLong("queue_id"),
                            row.getString("patron_name"),
                            row.getString("question"),
                            row.getOffsetDateTime("ended_at"))));
  }

  private static <T> List<T> mapped(RowSet<Row> rows, Function<Row, T> mapper) {
    var list = new ArrayList<T>(rows.size());
    rows.forEach(row -> list.add(mapper.apply(row)));
    return list;
  }

  private static Optional<Row> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
  }

  /**
   * A chat to store. {@code queueId} is where it starts waiting, {@code homeQueueId} where the
   * patron asked: another queue when the asked queue's routes sent it on at once.
   */
  public record NewChat(
      long libraryId,
      long queueId,
      String patronName,
      String patronEmail,
      String patronIp,
      String userAgent,
      String pageUrl,
      String question,
      long homeQueueId,
      JsonArray prechat) {

    /** A chat that starts where the patron asked. */
    public NewChat(
        long libraryId,
        long queueId,
        String patronName,
        String patronEmail,
        String patronIp,
        String userAgent,
        String pageUrl,
        String question,
        JsonArray prechat) {
      this(
          libraryId,
          queueId,
          patronName,
          patronEmail,
          patronIp,
          userAgent,
          pageUrl,
          question,
          queueId,
          prechat);
    }

    /** The same chat, starting in another queue (the asked one's routes sent it there). */
    public NewChat startingIn(long otherQueueId) {
      return new NewChat(
          libraryId,
          otherQueueId,
          patronName,
          patronEmail,
          patronIp,
          userAgent,
          pageUrl,
          question,
          homeQueueId,
          prechat);
    }
  }

  public record StartedChat(long chatId, OffsetDateTime createdAt) {}

  /**
   * A message to store; {@code data} (null for none) holds what the server attached to it, such as
   * a link card, and is merged into the event as clients see it.
   */
  public record MessageSend(
      long chatId,
      String clientMsgId,
      String senderKind,
      Long senderId,
      String text,
      JsonObject data) {

    public MessageSend(
        long chatId, String clientMsgId, String senderKind, Long senderId, String text) {
      this(chatId, clientMsgId, senderKind, senderId, text, null);
    }
  }

  public record StoredMessage(int seq, OffsetDateTime at, String senderName, boolean repeated) {}

  public record Claimed(JsonObject event, long queueId) {}

  public record Ended(JsonObject event, String previousState, long queueId) {}

  /** An open chat as typing frames need it. */
  public record TypingFacts(String patronName, Set<Long> participants) {}

  /** The chat's state when a dismissal was asked for, and whether it was stored. */
  record Dismissal(String state, Long ownerId, boolean stored) {}

  /** A missed chat whose patron came back: waiting again, at its arrival. */
  public record ReturnedChat(
      long chatId, long queueId, String patronName, String question, OffsetDateTime createdAt) {}

  /** A waiting chat whose patron left, for review at the start of a shift. */
  public record MissedChat(
      long chatId,
      long queueId,
      String patronName,
      String email,
      String question,
      OffsetDateTime createdAt,
      OffsetDateTime missedAt) {

    public JsonObject toJson() {
      return new JsonObject()
          .put("chatId", chatId)
          .put("queueId", queueId)
          .put("patronName", patronName)
          .put("email", email)
          .put("question", question)
          .put("createdAt", ChatEvent.iso(createdAt))
          .put("missedAt", ChatEvent.iso(missedAt));
    }
  }

  /** A chat in progress, for the operator app's counters and its tabs after a reload. */
  public record ActiveChat(
      long chatId,
      long queueId,
      String patronName,
      String question,
      Long ownerId,
      String ownerName,
      OffsetDateTime claimedAt,
      int lastSeq,
      JsonArray participants) {

    public JsonObject toJson() {
      return new JsonObject()
          .put("chatId", chatId)
          .put("queueId", queueId)
          .put("patronName", patronName)
          .put("question", question)
          .put("ownerId", ownerId)
          .put("ownerName", ownerName)
          .put("claimedAt", ChatEvent.iso(claimedAt))
          .put("lastSeq", lastSeq)
          .put("participants", participants == null ? new JsonArray() : participants.copy());
    }
  }

  /** One of the patron's earlier chats in the library. */
  public record EarlierChat(long chatId, OffsetDateTime createdAt, String question, String state) {

    public JsonObject toJson() {
      return new JsonObject()
          .put("chatId", chatId)
          .put("createdAt", ChatEvent.iso(createdAt))
          .put("question", question)
          .put("state", state);
    }
  }

  /** A chat the operator took part in that has ended. */
  public record EndedChat(
      long chatId, long queueId, String patronName, String question, OffsetDateTime endedAt) {

    public JsonObject toJson() {
      return new JsonObject()
          .put("chatId", chatId)
          .put("queueId", queueId)
          .put("patronName", patronName)
          .put("question", question)
          .put("endedAt", ChatEvent.iso(endedAt));
    }
  }
}
