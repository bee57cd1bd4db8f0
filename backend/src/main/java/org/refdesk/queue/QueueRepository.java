package org.refdesk.queue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Queues, the operators who monitor them and the chats waiting in them, in Postgres. */
public final class QueueRepository {

  private final Pool pool;

  public QueueRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<Optional<Queue>> bySlug(String slug) {
    return pool.preparedQuery(QueueSql.QUEUE_BY_SLUG)
        .execute(Tuple.of(slug))
        .map(rows -> first(rows).map(Queue::from));
  }

  public Future<List<Queue>> all() {
    return pool.query(QueueSql.ALL_QUEUES).execute().map(rows -> mapped(rows, Queue::from));
  }

  public Future<Optional<Queue>> byId(long id) {
    return pool.preparedQuery(QueueSql.QUEUE_BY_ID)
        .execute(Tuple.of(id))
        .map(rows -> first(rows).map(Queue::from));
  }

  /** Whether the operator may monitor the queue (a membership, whatever they chose to watch). */
  public Future<Boolean> monitors(long operatorId, long queueId) {
    return pool.preparedQuery(QueueSql.MONITORS_QUEUE)
        .execute(Tuple.of(operatorId, queueId))
        .map(rows -> rows.iterator().next().getBoolean("monitors"));
  }

  /** The operators watching the queue now. */
  public Future<List<Long>> members(long queueId) {
    return pool.preparedQuery(QueueSql.QUEUE_MEMBERS)
        .execute(Tuple.of(queueId))
        .map(rows -> mapped(rows, row -> row.getLong("operator_id")));
  }

  /** The operators watching the queue now, each with their library (whose presence says theirs). */
  public Future<Map<Long, Long>> membersWithLibrary(long queueId) {
    return pool.preparedQuery(QueueSql.QUEUE_MEMBERS_WITH_LIBRARY)
        .execute(Tuple.of(queueId))
        .map(
            rows -> {
              var byOperator = new HashMap<Long, Long>();
              rows.forEach(
                  row -> byOperator.put(row.getLong("operator_id"), row.getLong("library_id")));
              return byOperator;
            });
  }

  /** The median wait of the queue's recent claims, in seconds; empty before the first claim. */
  public Future<Optional<Long>> medianWaitSeconds(long queueId) {
    return pool.preparedQuery(QueueSql.MEDIAN_WAIT)
        .execute(Tuple.of(queueId))
        .map(
            rows -> {
              var median = rows.iterator().next().getDouble("median");
              return median == null ? Optional.<Long>empty() : Optional.of(Math.round(median));
            });
  }

  public Future<List<WaitingChat>> waitingIn(Queue queue) {
    return pool.preparedQuery(QueueSql.WAITING_IN_QUEUE)
        .execute(Tuple.of(queue.id(), queue.libraryId()))
        .map(QueueRepository::waitingChats);
  }

  /**
   * The details of the chats Redis lists as waiting, as far as Postgres agrees they wait in this
   * queue.
   */
  public Future<List<WaitingChat>> waitingByIds(Queue queue, List<Long> ids) {
    return pool.preparedQuery(QueueSql.WAITING_DETAILS)
        .execute(Tuple.of(ids.toArray(new Long[0]), queue.id(), queue.libraryId()))
        .map(QueueRepository::waitingChats);
  }

  /** Every waiting chat with its queue and arrival, for rebuilding Redis. */
  Future<List<Arrival>> allWaiting() {
    return pool.query(QueueSql.ALL_WAITING)
        .execute()
        .map(
            rows ->
                mapped(
                    rows,
                    row ->
                        new Arrival(
                            row.getLong("id"),
                            row.getLong("queue_id"),
                            row.getOffsetDateTime("created_at").toInstant().toEpochMilli())));
  }

  /** Every claimed open chat with its owner, for rebuilding Redis. */
  Future<List<Holding>> allClaimed() {
    return pool.query(QueueSql.ALL_CLAIMED)
        .execute()
        .map(rows -> mapped(rows, row -> new Holding(row.getLong("id"), row.getLong("owner_id"))));
  }

  private static List<WaitingChat> waitingChats(RowSet<Row> rows) {
    return mapped(
        rows,
        row ->
            new WaitingChat(
                row.getLong("id"),
                row.getString("patron_name"),
                row.getString("question"),
                row.getOffsetDateTime("created_at"),
                row.getLong("library_id"),
                row.getString("library_name")));
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

  /** A chat waiting in a queue since its arrival, in epoch milliseconds. */
  record Arrival(long chatId, long queueId, long arrivalMs) {}

  /** An open chat and the operator who holds it. */
  record Holding(long chatId, long operatorId) {}

  /**
   * A waiting chat as the operators' queue list shows it, with its home library (in a co-op queue,
   * the chats of several libraries wait).
   */
  public record WaitingChat(
      long chatId,
      String patronName,
      String question,
      OffsetDateTime createdAt,
      long homeLibraryId,
      String homeLibraryName) {

    public JsonObject toJson(int position) {
      return new JsonObject()
          .put("chatId", chatId)
          .put("patronName", patronName)
          .put("question", question)
          .put("createdAt", createdAt == null ? null : createdAt.toInstant().toString())
          .put("position", position)
          .put("homeLibraryId", homeLibraryId)
          .put("homeLibraryName", homeLibraryName);
    }
  }
}
