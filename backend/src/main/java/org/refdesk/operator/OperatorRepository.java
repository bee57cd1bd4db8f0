package org.refdesk.operator;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.refdesk.platform.audit.AuditLog;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;
import org.refdesk.queue.QueueRef;

/** Operators, their credentials and the queues they may monitor. */
public final class OperatorRepository {

  private final Pool pool;

  public OperatorRepository(Pool pool) {
    this.pool = pool;
  }

  /** The operator with that username and their password hash, disabled or not. */
  public Future<Optional<Credentials>> findForLogin(String username) {
    return pool.preparedQuery(OperatorSql.FIND_FOR_LOGIN)
        .execute(Tuple.of(username))
        .map(
            rows ->
                first(rows)
                    .map(
                        row ->
                            new Credentials(Operator.from(row), row.getString("password_hash"))));
  }

  /** The operator if the account exists and is not disabled. */
  public Future<Optional<Operator>> findActive(long id) {
    return pool.preparedQuery(OperatorSql.FIND_ACTIVE)
        .execute(Tuple.of(id))
        .map(rows -> first(rows).map(Operator::from));
  }

  /** Records that the operator went offline now: the end of their shift, for the missed chats. */
  public Future<Void> markOffline(long id) {
    return pool.preparedQuery(OperatorSql.MARK_OFFLINE).execute(Tuple.of(id)).mapEmpty();
  }

  /** The operator's display name, disabled or not. */
  public Future<Optional<String>> displayName(long id) {
    return pool.preparedQuery(OperatorSql.DISPLAY_NAME)
        .execute(Tuple.of(id))
        .map(rows -> first(rows).map(row -> row.getString("display_name")));
  }

  public Future<List<QueueRef>> queuesOf(long operatorId) {
    return pool.preparedQuery(OperatorSql.QUEUES_OF_OPERATOR)
        .execute(Tuple.of(operatorId))
        .map(
            rows -> {
              var queues = new ArrayList<QueueRef>();
              rows.forEach(row -> queues.add(QueueRef.from(row)));
              return queues;
            });
  }

  /** Every operator of the library, each with the queues they may monitor. */
  public Future<List<OperatorWithQueues>> listInLibrary(long libraryId) {
    var operators = pool.preparedQuery(OperatorSql.LIST_IN_LIBRARY).execute(Tuple.of(libraryId));
    var memberships =
        pool.preparedQuery(OperatorSql.QUEUES_OF_LIBRARY_OPERATORS).execute(Tuple.of(libraryId));
    return Future.all(operators, memberships)
        .map(
            done -> {
              Map<Long, List<QueueRef>> queuesByOperator = new HashMap<>();
              memberships
                  .result()
                  .forEach(
                      row ->
                          queuesByOperator
                              .computeIfAbsent(row.getLong("operator_id"), id -> new ArrayList<>())
                              .add(QueueRef.from(row)));
              var result = new ArrayList<OperatorWithQueues>();
              operators
                  .result()
                  .forEach(
                      row -> {
                        var operator = Operator.from(row);
                        result.add(
                            new OperatorWithQueues(
                                operator, queuesByOperator.getOrDefault(operator.id(), List.of())));
                      });
              return result;
            });
  }

  /**
   * Creates the operator with its queue memberships in one transaction. Fails with {@code
   * username_taken} or {@code invalid} (a queue slug not in the library); nothing is stored then.
   */
  public Future<OperatorWithQueues> create(NewOperator spec, Long createdBy) {
    return pool.withTransaction(conn -> insert(conn, spec, createdBy));
  }

  /** As {@link #create}, inside the caller's transaction. */
  public Future<OperatorWithQueues> insert(SqlConnection conn, NewOperator spec, Long createdBy) {
    return conn.preparedQuery(OperatorSql.QUEUES_BY_SLUG)
        .execute(
            Tuple.of(spec.libraryId()).addArrayOfString(spec.queueSlugs().toArray(new String[0])))
        .compose(
            queueRows -> {
              var queues = new ArrayList<QueueRef>();
              queueRows.forEach(row -> queues.add(QueueRef.from(row)));
              if (queues.size() != spec.queueSlugs().size()) {
                var known = queues.stream().map(QueueRef::slug).toList();
                var unknown = spec.queueSlugs().stream().filter(s -> !known.contains(s)).toList();
                return Future.failedFuture(
                    ApiException.invalid(
                        "Unknown queue for this library: " + String.join(", ", unknown) + "."));
              }
              return conn.preparedQuery(OperatorSql.INSERT)
                  .execute(
                      Tuple.of(
                          spec.libraryId(),
                          spec.username(),
                          spec.displayName(),
                          spec.passwordHash(),
                          spec.role()))
                  .compose(
                      inserted -> {
                        var operator =
                            first(inserted)
                                .map(Operator::from)
                                .orElseThrow(
                                    () ->
                                        new ApiException(
                                            ErrorCode.USERNAME_TAKEN,
                                            "The username '"
                                                + spec.username()
                                                + "' is already taken."));
                        var memberships =
                            queues.stream()
                                .map(q -> Tuple.of(operator.id(), q.id(), spec.libraryId()))
                                .toList();
                        var addAll =
                            memberships.isEmpty()
                                ? Future.<Void>succeededFuture()
                                : conn.preparedQuery(OperatorSql.ADD_MEMBERSHIP)
                                    .executeBatch(memberships)
                                    .<Void>mapEmpty();
                        var audit =
                            createdBy == null
                                ? AuditLog.systemDid(
                                    conn,
                                    spec.libraryId(),
                                    "operator.created",
                                    "operator:" + operator.id(),
                                    null)
                                : AuditLog.operatorDid(
                                    conn,
                                    spec.libraryId(),
                                    createdBy,
                                    "operator.created",
                                    "operator:" + operator.id(),
                                    new JsonObject().put("role", spec.role()));
                        return addAll
                            .compose(v -> audit)
                            .map(v -> new OperatorWithQueues(operator, List.copyOf(queues)));
                      });
            });
  }

  /** Disables an operator of the library; empty when there is no such operator there. */
  public Future<Optional<Operator>> disable(long libraryId, long operatorId, long disabledBy) {
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(OperatorSql.DISABLE)
                .execute(Tuple.of(operatorId, libraryId))
                .compose(
                    rows -> {
                      var operator = first(rows).map(Operator::from);
                      if (operator.isEmpty()) {
                        return Future.succeededFuture(operator);
                      }
                      return AuditLog.operatorDid(
                              conn,
                              libraryId,
                              disabledBy,
                              "operator.disabled",
                              "operator:" + operatorId,
                              null)
                          .map(v -> operator);
                    }));
  }

  private static Optional<Row> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
  }

  public record Credentials(Operator operator, String passwordHash) {}

  public record NewOperator(
      long libraryId,
      String username,
      String displayName,
      String passwordHash,
      String role,
      List<String> queueSlugs) {}

  public record OperatorWithQueues(Operator operator, List<QueueRef> queues) {

    public JsonObject toJson() {
      var queueList = new JsonArray();
      queues.forEach(q -> queueList.add(q.toJson()));
      return operator.details().put("queues", queueList);
    }
  }
}
