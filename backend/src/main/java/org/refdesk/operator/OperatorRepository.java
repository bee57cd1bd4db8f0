package org.refdesk.operator;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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

  /**
   * When the operator was last signed off, in epoch milliseconds, 0 if never (an answer a cache
   * keeps, so a request need not ask again); empty for an unknown operator.
   */
  public Future<Optional<Long>> signedOffAt(long id) {
    return pool.preparedQuery(OperatorSql.SIGNED_OFF_AT)
        .execute(Tuple.of(id))
        .map(
            rows ->
                first(rows)
                    .map(
                        row -> {
                          var at = row.getOffsetDateTime("signed_off_at");
                          return at == null ? 0L : at.toInstant().toEpochMilli();
                        }));
  }

  /** Capacity and scheduled sign-off of every operator of the library, by id. */
  public Future<Map<Long, AccountLimits>> limitsInLibrary(long libraryId) {
    return pool.preparedQuery(OperatorSql.ACCOUNT_LIMITS_IN_LIBRARY)
        .execute(Tuple.of(libraryId))
        .map(
            rows -> {
              var limits = new HashMap<Long, AccountLimits>();
              rows.forEach(
                  row ->
                      limits.put(
                          row.getLong("id"),
                          new AccountLimits(
                              row.getInteger("max_chats"), row.getOffsetDateTime("sign_off_at"))));
              return limits;
            });
  }

  /**
   * Applies an admin's edit in one transaction, queues included; empty when the operator is not in
   * the library. A queue that is not the library's is a 400 and nothing changes.
   */
  public Future<Optional<OperatorWithQueues>> update(
      long libraryId, long operatorId, OperatorChange change, long editedBy) {
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(OperatorSql.UPDATE)
                .execute(
                    Tuple.tuple()
                        .addLong(operatorId)
                        .addLong(libraryId)
                        .addBoolean(change.displayName() != null)
                        .addString(change.displayName())
                        .addString(change.role())
                        .addBoolean(change.setsMaxChats())
                        .addInteger(change.maxChats()))
                .compose(
                    rows -> {
                      var operator = first(rows).map(Operator::from);
                      if (operator.isEmpty()) {
                        return Future.succeededFuture(Optional.<OperatorWithQueues>empty());
                      }
                      var queues =
                          change.queueSlugs() == null
                              ? Future.<Void>succeededFuture()
                              : replaceQueues(conn, libraryId, operatorId, change.queueSlugs());
                      return queues
                          .compose(
                              v ->
                                  AuditLog.operatorDid(
                                      conn,
                                      libraryId,
                                      editedBy,
                                      "operator.edited",
                                      "operator:" + operatorId,
                                      change.audit()))
                          .compose(v -> queuesOf(conn, operatorId))
                          .map(list -> Optional.of(new OperatorWithQueues(operator.get(), list)));
                    }));
  }

  private Future<Void> replaceQueues(
      SqlConnection conn, long libraryId, long operatorId, List<String> slugs) {
    return conn.preparedQuery(OperatorSql.QUEUES_BY_SLUG)
        .execute(Tuple.of(libraryId).addArrayOfString(slugs.toArray(new String[0])))
        .compose(
            queueRows -> {
              var ids = new ArrayList<Long>();
              var known = new ArrayList<String>();
              queueRows.forEach(
                  row -> {
                    ids.add(row.getLong("id"));
                    known.add(row.getString("slug"));
                  });
              if (ids.size() != slugs.size()) {
                var unknown = slugs.stream().filter(s -> !known.contains(s)).toList();
                return Future.failedFuture(
                    ApiException.invalid(
                        "Unknown queue for this library: " + String.join(", ", unknown) + "."));
              }
              var array = ids.toArray(new Long[0]);
              return conn.preparedQuery(OperatorSql.REMOVE_OTHER_MEMBERSHIPS)
                  .execute(Tuple.tuple().addLong(operatorId).addArrayOfLong(array))
                  .compose(
                      v ->
                          conn.preparedQuery(OperatorSql.ADD_MISSING_MEMBERSHIPS)
                              .execute(
                                  Tuple.tuple()
                                      .addLong(operatorId)
                                      .addArrayOfLong(array)
                                      .addLong(libraryId)))
                  .mapEmpty();
            });
  }

  private static Future<List<QueueRef>> queuesOf(SqlConnection conn, long operatorId) {
    return conn.preparedQuery(OperatorSql.QUEUES_OF_OPERATOR)
        .execute(Tuple.of(operatorId))
        .map(
            rows -> {
              var queues = new ArrayList<QueueRef>();
              rows.forEach(row -> queues.add(QueueRef.from(row)));
              return queues;
            });
  }

  /** The operator if they belong to the library, disabled or not. */
  public Future<Optional<Operator>> findInLibrary(long libraryId, long operatorId) {
    return pool.preparedQuery(OperatorSql.FIND_IN_LIBRARY)
        .execute(Tuple.of(operatorId, libraryId))
        .map(rows -> first(rows).map(Operator::from));
  }

  /** Enables a disabled operator of the library again; empty when there is no such operator. */
  public Future<Optional<Operator>> enable(long libraryId, long operatorId, long enabledBy) {
    return changeAndAudit(
        OperatorSql.ENABLE,
        Tuple.of(operatorId, libraryId),
        libraryId,
        operatorId,
        enabledBy,
        "operator.enabled",
        Operator::from);
  }

  /** Signs the operator off now; the moment, or empty when there is no such operator. */
  public Future<Optional<SignedOff>> signOff(long libraryId, long operatorId, long signedOffBy) {
    return changeAndAudit(
        OperatorSql.SIGN_OFF,
        Tuple.of(operatorId, libraryId, now()),
        libraryId,
        operatorId,
        signedOffBy,
        "operator.signed-off",
        SignedOff::from);
  }

  /** This node's clock, which tokens are issued by, to the millisecond Postgres keeps. */
  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
  }

  private <T> Future<Optional<T>> changeAndAudit(
      String sql,
      Tuple params,
      long libraryId,
      long operatorId,
      long by,
      String action,
      Function<Row, T> mapper) {
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(sql)
                .execute(params)
                .compose(
                    rows -> {
                      var changed = first(rows).map(mapper);
                      if (changed.isEmpty()) {
                        return Future.succeededFuture(changed);
                      }
                      return AuditLog.operatorDid(
                              conn, libraryId, by, action, "operator:" + operatorId, null)
                          .map(v -> changed);
                    }));
  }

  /** Sets or clears (null) when the operator is to be signed off; false when not in the library. */
  public Future<Boolean> scheduleSignOff(long libraryId, long operatorId, OffsetDateTime at) {
    return pool.preparedQuery(OperatorSql.SCHEDULE_SIGN_OFF)
        .execute(Tuple.of(operatorId, libraryId, at))
        .map(rows -> rows.size() == 1);
  }

  /** Sets or clears (null) the sign-off of every enabled operator of the library; how many. */
  public Future<Integer> scheduleLibrarySignOff(long libraryId, OffsetDateTime at) {
    return pool.preparedQuery(OperatorSql.SCHEDULE_LIBRARY_SIGN_OFF)
        .execute(Tuple.of(libraryId, at))
        .map(RowSet::size);
  }

  /** Signs off every operator whose time has come; each is answered to one caller only. */
  public Future<List<SignedOff>> takeDueSignOffs() {
    return pool.preparedQuery(OperatorSql.TAKE_DUE_SIGN_OFFS)
        .execute(Tuple.of(now()))
        .map(
            rows -> {
              var due = new ArrayList<SignedOff>();
              rows.forEach(row -> due.add(SignedOff.from(row)));
              return due;
            });
  }

  /** How many open chats each operator of the library owns or shares, for those with any. */
  public Future<Map<Long, Long>> chatsInHand(long libraryId) {
    return pool.preparedQuery(OperatorSql.CHATS_IN_HAND)
        .execute(Tuple.of(libraryId))
        .map(
            rows -> {
              var counts = new HashMap<Long, Long>();
              rows.forEach(row -> counts.put(row.getLong("operator_id"), row.getLong("chats")));
              return counts;
            });
  }

  /** How many more chats the operator may take now; empty when they have no limit. */
  public Future<Optional<Capacity>> capacity(long operatorId) {
    return pool.preparedQuery(OperatorSql.CAPACITY)
        .execute(Tuple.of(operatorId))
        .map(
            rows ->
                first(rows)
                    .filter(row -> row.getInteger("max_chats") != null)
                    .map(row -> new Capacity(row.getInteger("max_chats"), row.getLong("in_hand"))));
  }

  private static Optional<Row> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
  }

  /** An admin's edit; a null field is left as it is (capacity: see {@code setsMaxChats}). */
  public record OperatorChange(
      String displayName,
      String role,
      boolean setsMaxChats,
      Integer maxChats,
      List<String> queueSlugs) {

    JsonObject audit() {
      var detail = new JsonObject();
      detail.put("displayName", displayName != null);
      detail.put("role", role);
      if (setsMaxChats) {
        detail.put("maxChats", maxChats);
      }
      detail.put("queues", queueSlugs == null ? null : new JsonArray(queueSlugs));
      return detail;
    }
  }

  /** What the admin's list adds to an account: its capacity (null: none) and scheduled sign-off. */
  public record AccountLimits(Integer maxChats, OffsetDateTime signOffAt) {}

  /** An operator signed off at that moment. */
  public record SignedOff(long operatorId, long libraryId, long atMs) {

    static SignedOff from(Row row) {
      return new SignedOff(
          row.getLong("id"),
          row.getLong("library_id"),
          row.getOffsetDateTime("signed_off_at").toInstant().toEpochMilli());
    }

    public JsonObject toEvent() {
      return new JsonObject()
          .put("operatorId", operatorId)
          .put("libraryId", libraryId)
          .put("atMs", atMs);
    }
  }

  /** The most chats an operator takes at once, and how many they have now. */
  public record Capacity(int maxChats, long inHand) {

    public boolean isFull() {
      return inHand >= maxChats;
    }
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
