package org.refdesk.rota;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.refdesk.platform.audit.AuditLog;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;

/** The rota in Postgres: weekly shifts, their exceptions and the empty-shift alerts sent. */
final class RotaRepository {

  /** What an admin asks a weekly shift to be. */
  record ShiftFields(
      long queueId,
      long operatorId,
      int weekday,
      LocalTime starts,
      LocalTime ends,
      LocalDate validFrom,
      LocalDate validTo) {}

  /** What an admin asks an exception to be; queue and times only for an extra shift. */
  record ExceptionFields(
      String kind,
      LocalDate onDate,
      Long shiftId,
      long operatorId,
      Long queueId,
      LocalTime starts,
      LocalTime ends,
      String note) {}

  /** A shift occurrence running with its alert not yet sent, as the sweep found it. */
  record DueShift(
      String occurrence,
      long libraryId,
      long queueId,
      String queueName,
      long operatorId,
      String operatorName,
      OffsetDateTime startsAt,
      LocalTime starts,
      LocalTime ends,
      LocalDate onDate) {}

  private final Pool pool;

  RotaRepository(Pool pool) {
    this.pool = pool;
  }

  Future<String> timezone(long libraryId) {
    return pool.preparedQuery(RotaSql.LIBRARY_TIMEZONE)
        .execute(Tuple.of(libraryId))
        .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString(0) : "UTC");
  }

  /** The shifts valid on some day of the range; of one operator, or of everyone for null. */
  Future<List<Shift>> shifts(long libraryId, LocalDate from, LocalDate to, Long operatorId) {
    return pool.preparedQuery(RotaSql.SHIFTS_IN_RANGE)
        .execute(Tuple.of(libraryId, from, to, operatorId))
        .map(rows -> all(rows, Shift::from));
  }

  Future<List<ShiftException>> exceptions(
      long libraryId, LocalDate from, LocalDate to, Long operatorId) {
    return pool.preparedQuery(RotaSql.EXCEPTIONS_IN_RANGE)
        .execute(Tuple.of(libraryId, from, to, operatorId))
        .map(rows -> all(rows, ShiftException::from));
  }

  Future<Optional<Shift>> shift(long libraryId, long id) {
    return pool.preparedQuery(RotaSql.SHIFT_BY_ID)
        .execute(Tuple.of(libraryId, id))
        .map(rows -> first(rows).map(Shift::from));
  }

  Future<Optional<ShiftException>> exception(long libraryId, long id) {
    return pool.preparedQuery(RotaSql.EXCEPTION_BY_ID)
        .execute(Tuple.of(libraryId, id))
        .map(rows -> first(rows).map(ShiftException::from));
  }

  /** The active operator's name, if they belong to the library. */
  Future<Optional<String>> operatorName(long libraryId, long operatorId) {
    return pool.preparedQuery(RotaSql.OPERATOR_IN_LIBRARY)
        .execute(Tuple.of(libraryId, operatorId))
        .map(rows -> first(rows).map(row -> row.getString(0)));
  }

  Future<Optional<String>> queueName(long libraryId, long queueId) {
    return pool.preparedQuery(RotaSql.QUEUE_IN_LIBRARY)
        .execute(Tuple.of(libraryId, queueId))
        .map(rows -> first(rows).map(row -> row.getString(0)));
  }

  /** The library's queues and active operators, for the admin's shift form. */
  Future<JsonObject> choices(long libraryId) {
    var queues = pool.preparedQuery(RotaSql.LIBRARY_QUEUES).execute(Tuple.of(libraryId));
    var operators = pool.preparedQuery(RotaSql.LIBRARY_OPERATORS).execute(Tuple.of(libraryId));
    return Future.all(queues, operators)
        .map(
            done ->
                new JsonObject()
                    .put("queues", idsAndNames(queues.result()))
                    .put("operators", idsAndNames(operators.result())));
  }

  /** Adds the shift unless the operator already has one then (409); answers its id. */
  Future<Long> createShift(long libraryId, ShiftFields fields, long actorId) {
    return pool.withTransaction(
        tx ->
            refuseWeeklyOverlap(tx, fields, 0)
                .compose(
                    free ->
                        tx.preparedQuery(RotaSql.INSERT_SHIFT)
                            .execute(
                                Tuple.of(
                                    libraryId,
                                    fields.queueId(),
                                    fields.operatorId(),
                                    fields.weekday(),
                                    fields.starts(),
                                    fields.ends(),
                                    fields.validFrom(),
                                    fields.validTo())))
                .map(rows -> rows.iterator().next().getLong(0))
                .compose(
                    id ->
                        audit(tx, libraryId, actorId, "rota.shift-created", "shift:" + id, fields)
                            .map(done -> id)));
  }

  /** Changes the shift; false when the library has no such shift. */
  Future<Boolean> updateShift(long libraryId, long id, ShiftFields fields, long actorId) {
    return pool.withTransaction(
        tx ->
            refuseWeeklyOverlap(tx, fields, id)
                .compose(
                    free ->
                        tx.preparedQuery(RotaSql.UPDATE_SHIFT)
                            .execute(
                                Tuple.from(
                                    new Object[] {
                                      libraryId,
                                      id,
                                      fields.queueId(),
                                      fields.operatorId(),
                                      fields.weekday(),
                                      fields.starts(),
                                      fields.ends(),
                                      fields.validFrom(),
                                      fields.validTo()
                                    })))
                .compose(
                    rows ->
                        rows.rowCount() == 1
                            ? audit(
                                    tx,
                                    libraryId,
                                    actorId,
                                    "rota.shift-changed",
                                    "shift:" + id,
                                    fields)
                                .map(done -> true)
                            : Future.succeededFuture(false)));
  }

  /** Deletes the shift and its exceptions; false when the library has no such shift. */
  Future<Boolean> deleteShift(long libraryId, long id, long actorId) {
    return deleted(libraryId, RotaSql.DELETE_SHIFT, id, actorId, "rota.shift-deleted", "shift:");
  }

  /**
   * Adds the exception; an extra shift that overlaps what the operator already works that day, or a
   * second "off" for the same occurrence, is a 409.
   */
  Future<Long> createException(long libraryId, ExceptionFields fields, long createdBy) {
    return pool.withTransaction(
        tx ->
            lock(tx, fields.operatorId())
                .compose(
                    locked ->
                        ShiftException.OFF.equals(fields.kind())
                            ? Future.succeededFuture(false)
                            : exists(
                                tx,
                                RotaSql.DAY_OVERLAP,
                                Tuple.of(
                                    fields.operatorId(),
                                    fields.onDate(),
                                    fields.starts(),
                                    fields.ends())))
                .compose(
                    overlaps ->
                        overlaps
                            ? Future.failedFuture(alreadyRostered())
                            : tx.preparedQuery(RotaSql.INSERT_EXCEPTION)
                                .execute(
                                    Tuple.from(
                                        new Object[] {
                                          libraryId,
                                          fields.kind(),
                                          fields.onDate(),
                                          fields.shiftId(),
                                          fields.operatorId(),
                                          fields.queueId(),
                                          fields.starts(),
                                          fields.ends(),
                                          fields.note(),
                                          createdBy
                                        })))
                .compose(
                    rows ->
                        rows.iterator().hasNext()
                            ? Future.succeededFuture(rows.iterator().next().getLong(0))
                                .compose(
                                    id ->
                                        AuditLog.operatorDid(
                                                tx,
                                                libraryId,
                                                createdBy,
                                                "rota.exception-created",
                                                "shift-exception:" + id,
                                                new JsonObject()
                                                    .put("kind", fields.kind())
                                                    .put("date", fields.onDate().toString())
                                                    .put("shiftId", fields.shiftId())
                                                    .put("operatorId", fields.operatorId()))
                                            .map(done -> id))
                            : Future.failedFuture(
                                new ApiException(
                                    ErrorCode.CONFLICT,
                                    "That shift is already off on that date."))));
  }

  Future<Boolean> deleteException(long libraryId, long id, long actorId) {
    return deleted(
        libraryId,
        RotaSql.DELETE_EXCEPTION,
        id,
        actorId,
        "rota.exception-deleted",
        "shift-exception:");
  }

  /** Deletes the row of the library and records who did, in one transaction. */
  private Future<Boolean> deleted(
      long libraryId, String sql, long id, long actorId, String action, String target) {
    return pool.withTransaction(
        tx ->
            tx.preparedQuery(sql)
                .execute(Tuple.of(libraryId, id))
                .compose(
                    rows ->
                        rows.rowCount() == 1
                            ? AuditLog.operatorDid(
                                    tx, libraryId, actorId, action, target + id, null)
                                .map(done -> true)
                            : Future.succeededFuture(false)));
  }

  private static Future<Void> audit(
      SqlClient tx,
      long libraryId,
      long actorId,
      String action,
      String target,
      ShiftFields fields) {
    return AuditLog.operatorDid(
        tx,
        libraryId,
        actorId,
        action,
        target,
        new JsonObject()
            .put("operatorId", fields.operatorId())
            .put("queueId", fields.queueId())
            .put("weekday", fields.weekday())
            .put("starts", RotaTimes.text(fields.starts()))
            .put("ends", RotaTimes.text(fields.ends())));
  }

  /** Running shift occurrences past their alert time, not alerted yet, in every library. */
  Future<List<DueShift>> dueForCheck(int defaultMinutes, int limit) {
    return pool.preparedQuery(RotaSql.DUE_FOR_CHECK)
        .execute(Tuple.of(defaultMinutes, limit))
        .map(
            rows ->
                all(
                    rows,
                    row ->
                        new DueShift(
                            row.getString("occurrence"),
                            row.getLong("library_id"),
                            row.getLong("queue_id"),
                            row.getString("queue_name"),
                            row.getLong("operator_id"),
                            row.getString("operator_name"),
                            row.getOffsetDateTime("starts_at"),
                            row.getLocalTime("starts"),
                            row.getLocalTime("ends"),
                            row.getLocalDate("on_date"))));
  }

  /** True for the one caller whose row landed: that caller sends the alert. */
  Future<Boolean> markAlerted(DueShift due) {
    return pool.preparedQuery(RotaSql.MARK_ALERTED)
        .execute(
            Tuple.of(
                due.occurrence(), due.libraryId(), due.queueId(), due.operatorId(), due.startsAt()))
        .map(rows -> rows.rowCount() == 1);
  }

  private static Future<Void> refuseWeeklyOverlap(SqlClient tx, ShiftFields fields, long selfId) {
    return lock(tx, fields.operatorId())
        .compose(
            locked ->
                exists(
                    tx,
                    RotaSql.WEEKLY_OVERLAP,
                    Tuple.from(
                        new Object[] {
                          fields.operatorId(),
                          fields.weekday(),
                          fields.starts(),
                          fields.ends(),
                          fields.validFrom(),
                          fields.validTo(),
                          selfId
                        })))
        .compose(
            overlaps ->
                overlaps ? Future.failedFuture(alreadyRostered()) : Future.succeededFuture());
  }

  private static Future<Void> lock(SqlClient tx, long operatorId) {
    return tx.preparedQuery(RotaSql.LOCK_OPERATOR).execute(Tuple.of(operatorId)).mapEmpty();
  }

  private static Future<Boolean> exists(SqlClient tx, String sql, Tuple args) {
    return tx.preparedQuery(sql).execute(args).map(rows -> rows.iterator().next().getBoolean(0));
  }

  private static ApiException alreadyRostered() {
    return new ApiException(ErrorCode.CONFLICT, "The operator is already rostered at that time.");
  }

  private static JsonArray idsAndNames(RowSet<Row> rows) {
    var list = new JsonArray();
    rows.forEach(
        row ->
            list.add(
                new JsonObject().put("id", row.getLong("id")).put("name", row.getString("name"))));
    return list;
  }

  private static <T> List<T> all(RowSet<Row> rows, Function<Row, T> map) {
    var list = new ArrayList<T>();
    rows.forEach(row -> list.add(map.apply(row)));
    return list;
  }

  private static Optional<Row> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
  }
}
