package org.refdesk.staffchat;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Staff rooms, their messages and how far each operator has read, in Postgres. */
final class StaffChatRepository {

  /** Postgres' unique_violation: a copy of the message committed while this one waited. */
  private static final String UNIQUE_VIOLATION = "23505";

  private final Pool pool;

  StaffChatRepository(Pool pool) {
    this.pool = pool;
  }

  /** The room, if the operator is in it now. */
  Future<Optional<Room>> roomOf(long roomId, long operatorId) {
    return pool.preparedQuery(StaffChatSql.ROOM_OF_MEMBER)
        .execute(Tuple.of(roomId, operatorId))
        .map(rows -> first(rows).map(Room::from));
  }

  /** The operator's rooms with their unread counts; the library's staff room is made if need be. */
  Future<List<RoomSummary>> roomsOf(long operatorId, long libraryId) {
    return pool.preparedQuery(StaffChatSql.MAKE_STAFF_ROOM)
        .execute(Tuple.of(libraryId))
        .compose(
            made ->
                pool.preparedQuery(StaffChatSql.ROOMS_OF).execute(Tuple.of(operatorId, libraryId)))
        .map(rows -> mapped(rows, RoomSummary::from));
  }

  /** The pair's direct room, made if need be; empty when the colleague is not one. */
  Future<Optional<Long>> openDirectRoom(long operatorId, long colleagueId, long libraryId) {
    var params = Tuple.of(operatorId, colleagueId, libraryId);
    return pool.preparedQuery(StaffChatSql.OPEN_DIRECT_ROOM)
        .execute(params)
        .compose(
            rows ->
                rows.size() > 0
                    ? Future.succeededFuture(rows)
                    : pool.preparedQuery(StaffChatSql.DIRECT_ROOM).execute(params))
        .map(rows -> first(rows).map(row -> row.getLong("id")));
  }

  /** Stores the message, or finds the first copy of a repeat; empty when the sender is not in. */
  Future<Optional<Stored>> send(long roomId, long senderId, String clientMsgId, String text) {
    var params = Tuple.of(roomId, senderId, clientMsgId, text);
    return pool.preparedQuery(StaffChatSql.SEND)
        .execute(params)
        .recover(
            failure ->
                failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                    ? pool.preparedQuery(StaffChatSql.SEND).execute(params)
                    : Future.failedFuture(failure))
        .map(rows -> first(rows).map(Stored::from));
  }

  Future<List<StaffMessage>> messagesAfter(long roomId, int after, int limit) {
    return pool.preparedQuery(StaffChatSql.MESSAGES_AFTER)
        .execute(Tuple.of(roomId, after, limit))
        .map(rows -> mapped(rows, StaffMessage::from));
  }

  /** The messages of the operator's rooms that hold every word searched for, newest first. */
  Future<List<StaffMessage>> search(long operatorId, long libraryId, String words, int limit) {
    return pool.preparedQuery(StaffChatSql.SEARCH)
        .execute(Tuple.of(operatorId, libraryId, words, limit))
        .map(rows -> mapped(rows, StaffMessage::from));
  }

  /** Records how far the operator has read; answers the mark kept (never lower than before). */
  Future<Integer> markRead(long roomId, long operatorId, int seq) {
    return pool.preparedQuery(StaffChatSql.MARK_READ)
        .execute(Tuple.of(roomId, operatorId, seq))
        .map(rows -> rows.iterator().next().getInteger("last_read_seq"));
  }

  private static Optional<Row> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
  }

  private static <T> List<T> mapped(RowSet<Row> rows, Function<Row, T> map) {
    var list = new ArrayList<T>(rows.size());
    rows.forEach(row -> list.add(map.apply(row)));
    return list;
  }
}
