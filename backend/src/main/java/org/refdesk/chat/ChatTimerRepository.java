package org.refdesk.chat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Finds and marks, in one step each, what the chat timers must act on. */
final class ChatTimerRepository {

  private final Pool pool;

  ChatTimerRepository(Pool pool) {
    this.pool = pool;
  }

  Future<List<Escalation>> escalate() {
    return run(
        ChatTimerSql.ESCALATE,
        row ->
            new Escalation(
                row.getLong("id"),
                row.getLong("library_id"),
                row.getLong("queue_id"),
                row.getString("queue_name"),
                row.getString("patron_name"),
                row.getString("question"),
                row.getInteger("waited")));
  }

  /** Each waiting patron owed word on the wait. */
  Future<List<QueuedChat>> waitNotices() {
    return run(
        ChatTimerSql.WAIT_NOTICES,
        row -> new QueuedChat(row.getLong("id"), row.getLong("queue_id")));
  }

  /** Each patron to ask whether they are still there, with the seconds until the chat closes. */
  Future<List<TimedChat>> idleWarnings() {
    return run(
        ChatTimerSql.IDLE_WARNINGS,
        row -> new TimedChat(row.getLong("id"), row.getInteger("end_after")));
  }

  /** Each warned chat to close, with the seconds the librarian's last message went unanswered. */
  Future<List<TimedChat>> idleEnds(int graceSeconds) {
    return run(
        ChatTimerSql.IDLE_ENDS,
        Tuple.of(graceSeconds),
        row -> new TimedChat(row.getLong("id"), row.getInteger("unanswered")));
  }

  /** Each waiting chat just marked missed. */
  Future<List<QueuedChat>> miss(int graceSeconds) {
    return run(
        ChatTimerSql.MISS,
        Tuple.of(graceSeconds),
        row -> new QueuedChat(row.getLong("id"), row.getLong("queue_id")));
  }

  private <T> Future<List<T>> run(String sql, Function<Row, T> map) {
    return mapped(pool.query(sql).execute(), map);
  }

  private <T> Future<List<T>> run(String sql, Tuple params, Function<Row, T> map) {
    return mapped(pool.preparedQuery(sql).execute(params), map);
  }

  private static <T> Future<List<T>> mapped(Future<RowSet<Row>> query, Function<Row, T> map) {
    return query.map(
        (RowSet<Row> rows) -> {
          var list = new ArrayList<T>();
          rows.forEach(row -> list.add(map.apply(row)));
          return list;
        });
  }

  /** A chat still unclaimed after the library's first minute. */
  record Escalation(
      long chatId,
      long libraryId,
      long queueId,
      String queueName,
      String patronName,
      String question,
      int waitedSeconds) {

    /** The {@code escalation} event of docs/protocol.md. */
    JsonObject toEvent() {
      return new JsonObject()
          .put("type", "escalation")
          .put("chatId", chatId)
          .put("libraryId", libraryId)
          .put("queueId", queueId)
          .put("queueName", queueName)
          .put("patronName", patronName)
          .put("question", question)
          .put("waitedSeconds", waitedSeconds);
    }
  }

  /** A chat and the queue it waits in. */
  record QueuedChat(long chatId, long queueId) {}

  /** A chat and a number of seconds that matters to it (see the query that answers it). */
  record TimedChat(long chatId, int seconds) {}
}
