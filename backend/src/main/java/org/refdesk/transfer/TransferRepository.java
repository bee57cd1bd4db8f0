package org.refdesk.transfer;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Hand-offs and the changes of a chat's people they make, in Postgres. */
public final class TransferRepository {

  private final Pool pool;

  public TransferRepository(Pool pool) {
    this.pool = pool;
  }

  <T> Future<T> inTransaction(Function<SqlConnection, Future<T>> work) {
    return pool.withTransaction(work);
  }

  Future<Optional<Handoff>> find(SqlClient client, long handoffId, long libraryId) {
    return client
        .preparedQuery(TransferSql.FIND)
        .execute(Tuple.of(handoffId, libraryId))
        .map(rows -> first(rows).map(Handoff::from));
  }

  Future<Optional<Handoff>> find(long handoffId, long libraryId) {
    return find(pool, handoffId, libraryId);
  }

  Future<List<Handoff>> incoming(long operatorId, long libraryId) {
    return pool.preparedQuery(TransferSql.INCOMING)
        .execute(Tuple.of(operatorId, libraryId))
        .map(rows -> mapped(rows, Handoff::from));
  }

  Future<List<Handoff>> outgoing(long operatorId, long libraryId) {
    return pool.preparedQuery(TransferSql.OUTGOING)
        .execute(Tuple.of(operatorId, libraryId))
        .map(rows -> mapped(rows, Handoff::from));
  }

  Future<Optional<LockedChat>> lockChat(SqlClient client, long chatId) {
    return client
        .preparedQuery(TransferSql.LOCK_CHAT)
        .execute(Tuple.of(chatId))
        .map(
            rows ->
                first(rows)
                    .map(
                        row ->
                            new LockedChat(
                                row.getLong("id"),
                                row.getLong("library_id"),
                                row.getLong("queue_id"),
                                row.getString("state"),
                                row.getLong("owner_id"))));
  }

  Future<Optional<String>> roleIn(SqlClient client, long chatId, long operatorId) {
    return client
        .preparedQuery(TransferSql.ROLE_IN_CHAT)
        .execute(Tuple.of(chatId, operatorId))
        .map(rows -> first(rows).map(row -> row.getString("role")));
  }

  Future<Long> insert(SqlClient client, NewHandoff handoff) {
    return client
        .preparedQuery(TransferSql.INSERT)
        .execute(
            Tuple.tuple()
                .addLong(handoff.chatId())
                .addLong(handoff.libraryId())
                .addString(handoff.kind())
                .addLong(handoff.fromId())
                .addLong(handoff.toOperatorId())
                .addLong(handoff.toQueueId())
                .addValue(handoff.card())
                .addBoolean(handoff.stay()))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  /** True when this call decided the hand-off; false when it was no longer pending. */
  Future<Boolean> decide(SqlClient client, long handoffId, String state, long by, String reason) {
    return client
        .preparedQuery(TransferSql.DECIDE)
        .execute(Tuple.of(handoffId, state, by, reason))
        .map(rows -> rows.rowCount() == 1);
  }

  /** Voids the chat's other pending hand-offs; answers who must hear of it. */
  Future<List<Voided>> cancelPendingOf(SqlClient client, long chatId, Long except) {
    return client
        .preparedQuery(TransferSql.CANCEL_PENDING_OF_CHAT)
        .execute(Tuple.of(chatId, except))
        .map(
            rows ->
                mapped(
                    rows,
                    row ->
                        new Voided(
                            row.getLong("id"),
                            row.getLong("from_operator_id"),
                            row.getLong("to_operator_id"),
                            row.getLong("to_queue_id"))));
  }

  Future<Void> handOver(
      SqlClient client, long chatId, long toId, Long toQueueId, long fromId, boolean stay) {
    return client
        .preparedQuery(TransferSql.HAND_OVER)
        .execute(Tuple.of(chatId, toId, toQueueId, fromId, stay))
        .mapEmpty();
  }

  Future<Void> joinShared(SqlClient client, long chatId, long operatorId, long libraryId) {
    return client
        .preparedQuery(TransferSql.JOIN_SHARED)
        .execute(Tuple.of(chatId, operatorId, libraryId))
        .mapEmpty();
  }

  /** The role the operator had in the chat; empty when they were not in it. */
  Future<Optional<String>> leave(SqlClient client, long chatId, long operatorId) {
    return client
        .preparedQuery(TransferSql.LEAVE)
        .execute(Tuple.of(chatId, operatorId))
        .map(rows -> first(rows).map(row -> row.getString("role")));
  }

  Future<Long> nextOwner(SqlClient client, long chatId) {
    return client
        .preparedQuery(TransferSql.NEXT_OWNER)
        .execute(Tuple.of(chatId))
        .map(rows -> first(rows).map(row -> row.getLong("owner_id")).orElse(null));
  }

  Future<People> people(SqlClient client, long chatId) {
    return client
        .preparedQuery(TransferSql.PEOPLE)
        .execute(Tuple.of(chatId))
        .map(
            rows -> {
              var row = rows.iterator().next();
              return new People(
                  row.getLong("queue_id"),
                  row.getLong("owner_id"),
                  new LinkedHashSet<>(List.of(row.getArrayOfLongs("participants"))));
            });
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

  record LockedChat(long id, long libraryId, long queueId, String state, Long ownerId) {}

  record NewHandoff(
      long chatId,
      long libraryId,
      String kind,
      long fromId,
      Long toOperatorId,
      Long toQueueId,
      JsonObject card,
      boolean stay) {}

  /** A hand-off voided because its chat ended or changed hands. */
  record Voided(long id, long fromId, Long toOperatorId, Long toQueueId) {}

  /** Who holds a chat and who takes part, after a change. */
  record People(long queueId, Long ownerId, Set<Long> participants) {}
}
