package org.refdesk.queue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.refdesk.platform.audit.AuditLog;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;

/** The admin's writes to the library's queues; every one is scoped by the library. */
public final class QueueAdminRepository {

  /** Postgres's code for a row that other rows still point at. */
  private static final String STILL_REFERENCED = "23503";

  private final Pool pool;

  public QueueAdminRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<List<AdminQueue>> list(long libraryId) {
    return pool.preparedQuery(QueueSql.LIBRARY_QUEUES)
        .execute(Tuple.of(libraryId))
        .map(
            rows -> {
              var queues = new ArrayList<AdminQueue>();
              rows.forEach(row -> queues.add(AdminQueue.from(row)));
              return queues;
            });
  }

  public Future<AdminQueue> create(
      long libraryId, String slug, String name, JsonObject settings, long by) {
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(QueueSql.INSERT_QUEUE)
                .execute(Tuple.of(libraryId, slug, name, settings))
                .compose(
                    rows -> {
                      var queue = first(rows).map(AdminQueue::from);
                      if (queue.isEmpty()) {
                        return Future.failedFuture(slugTaken(slug));
                      }
                      return AuditLog.operatorDid(
                              conn,
                              libraryId,
                              by,
                              "queue.created",
                              "queue:" + queue.get().id(),
                              null)
                          .map(v -> queue.get());
                    }));
  }

  /** Null fields are left as they are; empty when the queue is not the library's. */
  public Future<Optional<AdminQueue>> update(
      long libraryId, long queueId, String slug, String name, JsonObject settings, long by) {
    var slugFree =
        slug == null
            ? Future.succeededFuture(false)
            : pool.preparedQuery(QueueSql.SLUG_TAKEN)
                .execute(Tuple.of(slug, queueId))
                .map(rows -> rows.iterator().next().getBoolean("taken"));
    return slugFree.compose(
        taken ->
            taken
                ? Future.failedFuture(slugTaken(slug))
                : pool.withTransaction(
                    conn ->
                        conn.preparedQuery(QueueSql.UPDATE_QUEUE)
                            .execute(Tuple.of(queueId, libraryId, slug, name, settings))
                            .compose(
                                rows -> {
                                  var queue = first(rows).map(AdminQueue::from);
                                  if (queue.isEmpty()) {
                                    return Future.succeededFuture(queue);
                                  }
                                  return AuditLog.operatorDid(
                                          conn,
                                          libraryId,
                                          by,
                                          "queue.edited",
                                          "queue:" + queueId,
                                          null)
                                      .map(v -> queue);
                                })));
  }

  /**
   * Deletes a queue nothing was ever recorded in; one with chats, tickets or anything else that
   * points at it is archived instead. Answers what became of it; empty when not the library's.
   */
  public Future<Optional<Removal>> remove(long libraryId, long queueId, long by) {
    return pool.withTransaction(
            conn ->
                conn.preparedQuery(QueueSql.DELETE_MEMBERSHIPS)
                    .execute(Tuple.of(queueId, libraryId))
                    .compose(
                        v ->
                            conn.preparedQuery(QueueSql.DELETE_QUEUE)
                                .execute(Tuple.of(queueId, libraryId)))
                    .compose(
                        rows ->
                            rows.size() == 0
                                ? Future.succeededFuture(Optional.<Removal>empty())
                                : AuditLog.operatorDid(
                                        conn,
                                        libraryId,
                                        by,
                                        "queue.deleted",
                                        "queue:" + queueId,
                                        null)
                                    .map(done -> Optional.of(Removal.DELETED))))
        .recover(
            failure ->
                failure instanceof PgException pg && STILL_REFERENCED.equals(pg.getSqlState())
                    ? archive(libraryId, queueId, by).map(q -> q.map(a -> Removal.ARCHIVED))
                    : Future.failedFuture(failure));
  }

  public Future<Optional<AdminQueue>> archive(long libraryId, long queueId, long by) {
    return change(QueueSql.ARCHIVE_QUEUE, "queue.archived", libraryId, queueId, by);
  }

  public Future<Optional<AdminQueue>> restore(long libraryId, long queueId, long by) {
    return change(QueueSql.RESTORE_QUEUE, "queue.restored", libraryId, queueId, by);
  }

  private Future<Optional<AdminQueue>> change(
      String sql, String action, long libraryId, long queueId, long by) {
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(sql)
                .execute(Tuple.of(queueId, libraryId))
                .compose(
                    rows -> {
                      var queue = first(rows).map(AdminQueue::from);
                      if (queue.isEmpty()) {
                        return Future.succeededFuture(queue);
                      }
                      return AuditLog.operatorDid(
                              conn, libraryId, by, action, "queue:" + queueId, null)
                          .map(v -> queue);
                    }));
  }

  private static ApiException slugTaken(String slug) {
    return new ApiException(
        ErrorCode.CONFLICT, "The queue address '" + slug + "' is already taken; choose another.");
  }

  private static Optional<Row> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
  }

  public enum Removal {
    DELETED,
    ARCHIVED
  }
}
