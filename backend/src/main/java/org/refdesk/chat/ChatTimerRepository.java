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

  Future<List<JsonObject>> escalate() {
    return run(ChatTimerSql.ESCALATE, row -> new JsonObject()
        .put("type", "escalation")
        .put("chatId", row.getLong("id"))
        .put("libraryId", row.getLong("library_id"))
        .put("queueId", row.getLong("queue_id"))
        .put("queueName", row.getString("queue_name"))
        .put("patronName", row.getString("patron_name"))
        .put("question", row.getString("question"))
        .put("waitedSeconds", row.getInteger("waited")));
  }

  /** Chat id and queue id of each waiting patron owed word on the wait. */
  Future<List<long[]>> waitNotices() {
    return run(ChatTimerSql.WAIT_NOTICES, row -> new long[] {row.getLong("id"), row.getLong("queue_id")});
  }

  /** Chat id and the seconds until it closes, for each patron to ask whether they are still there. */
  Future<List<long[]>> idleWarnings() {
    return run(ChatTimerSql.IDLE_WARNINGS, row -> new long[] {row.getLong("id"), row.getInteger("end_after")});
  }

  /** Chat id and seconds the librarian's last message went unanswered, for each warned chat to close. */
  Future<List<long[]>> idleEnds(int graceSeconds) {
    return run(ChatTimerSql.IDLE_ENDS, Tuple.of(graceSeconds), row -> new long[] {row.getLong("id"), row.getInteger("unanswered")});
  }

  /** Chat id and queue id of each waiting chat just marked missed. */
  Future<List<long[]>> miss(int graceSeconds) {
    return run(ChatTimerSql.MISS, Tuple.of(graceSeconds), row -> new long[] {row.getLong("id"), row.getLong("queue_id")});
  }

  private <T> Future<List<T>> run(String sql, Function<Row, T> map) {
    return mapped(pool.query(sql).execute(), map);
  }

  private <T> Future<List<T>> run(String sql, Tuple params, Function<Row, T> map) {
    return mapped(pool.preparedQuery(sql).execute(params), map);
  }

  private static <T> Future<List<T>> mapped(Future<RowSet<Row>> query, Function<Row, T> map) {
    return query.map((RowSet<Row> rows) -> {
      var list = new ArrayList<T>();
      rows.forEach(row -> list.add(map.apply(row)));
      return list;
    });
  }
}
