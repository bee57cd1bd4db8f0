package org.refdesk.ticket;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Tickets in Postgres. Every read is scoped to a library: another library's ticket is not found.
 */
public final class TicketRepository {

  private final Pool pool;

  public TicketRepository(Pool pool) {
    this.pool = pool;
  }

  /** Runs the work in one transaction: a change, its history and any mail commit together. */
  <T> Future<T> inTransaction(Function<SqlConnection, Future<T>> work) {
    return pool.withTransaction(work::apply);
  }

  /** The new ticket's id, or empty when the queue is not one of the library's. */
  Future<Optional<Long>> create(SqlConnection conn, NewTicket ticket) {
    return conn.preparedQuery(TicketSql.CREATE)
        .execute(
            Tuple.of(
                ticket.libraryId(),
                ticket.queueId(),
                ticket.chatId(),
                ticket.subject(),
                ticket.email(),
                ticket.createdBy()))
        .map(rows -> first(rows, row -> row.getLong("id")));
  }

  Future<Optional<Ticket>> find(long ticketId, long libraryId) {
    return pool.preparedQuery(TicketSql.FIND)
        .execute(Tuple.of(ticketId, libraryId))
        .map(rows -> first(rows, Ticket::from));
  }

  /** The id of the ticket made from the chat, if the library has one. */
  Future<Optional<Long>> findByChat(long chatId, long libraryId) {
    return pool.preparedQuery(TicketSql.FIND_BY_CHAT)
        .execute(Tuple.of(chatId, libraryId))
        .map(rows -> first(rows, row -> row.getLong("id")));
  }

  /** The ticket's status and assignee, locked for the transaction; empty if not the library's. */
  Future<Optional<Locked>> lock(SqlConnection conn, long ticketId, long libraryId) {
    return conn.preparedQuery(TicketSql.LOCK)
        .execute(Tuple.of(ticketId, libraryId))
        .map(
            rows ->
                first(
                    rows,
                    row ->
                        new Locked(
                            row.getLong("id"),
                            row.getString("status"),
                            row.getLong("assignee_id"))));
  }

  Future<List<Ticket>> list(long libraryId, TicketFilter filter) {
    return pool.preparedQuery(TicketSql.LIST)
        .execute(
            Tuple.of(
                libraryId,
                filter.status(),
                filter.queueId(),
                filter.assignee(),
                filter.assigneeId(),
                filter.limit(),
                filter.offset()))
        .map(rows -> all(rows, Ticket::from));
  }

  Future<Boolean> isOperatorOf(SqlClient client, long operatorId, long libraryId) {
    return client
        .preparedQuery(TicketSql.OPERATOR_OF_LIBRARY)
        .execute(Tuple.of(operatorId, libraryId))
        .map(rows -> rows.size() > 0);
  }

  Future<Void> setAssignee(SqlConnection conn, long ticketId, Long assigneeId, String status) {
    return conn.preparedQuery(TicketSql.SET_ASSIGNEE)
        .execute(Tuple.of(ticketId, assigneeId, status))
        .mapEmpty();
  }

  Future<Void> setStatus(SqlConnection conn, long ticketId, String status) {
    return conn.preparedQuery(TicketSql.SET_STATUS).execute(Tuple.of(ticketId, status)).mapEmpty();
  }

  /** {@code authorId} is null for a patron's message. */
  Future<Long> addMessage(
      SqlConnection conn, long ticketId, String kind, Long authorId, String text, Long mailId) {
    return conn.preparedQuery(TicketSql.ADD_MESSAGE)
        .execute(Tuple.of(ticketId, kind, authorId, text, mailId))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  Future<RecentReplies> recentPatronReplies(SqlConnection conn, long ticketId) {
    return conn.preparedQuery(TicketSql.RECENT_PATRON_REPLIES)
        .execute(Tuple.of(ticketId))
        .map(
            rows -> {
              var row = rows.iterator().next();
              return new RecentReplies(row.getLong("last_hour"), row.getString("newest"));
            });
  }

  /** {@code actorId} is null for what a patron did. */
  Future<Void> addHistory(
      SqlConnection conn, long ticketId, Long actorId, String action, JsonObject detail) {
    return conn.preparedQuery(TicketSql.ADD_HISTORY)
        .execute(Tuple.of(ticketId, actorId, action, detail))
        .mapEmpty();
  }

  Future<List<TicketMessage>> messages(long ticketId) {
    return pool.preparedQuery(TicketSql.MESSAGES)
        .execute(Tuple.of(ticketId))
        .map(rows -> all(rows, TicketMessage::from));
  }

  /**
   * What the patron may read of the thread: replies to them and their own messages, never notes.
   */
  Future<List<TicketMessage>> patronVisibleMessages(long ticketId) {
    return pool.preparedQuery(TicketSql.PATRON_VISIBLE_MESSAGES)
        .execute(Tuple.of(ticketId))
        .map(rows -> all(rows, TicketMessage::from));
  }

  Future<List<TicketChange>> history(long ticketId) {
    return pool.preparedQuery(TicketSql.HISTORY)
        .execute(Tuple.of(ticketId))
        .map(rows -> all(rows, TicketChange::from));
  }

  private static <T> Optional<T> first(RowSet<Row> rows, Function<Row, T> map) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(map.apply(it.next())) : Optional.empty();
  }

  private static <T> List<T> all(RowSet<Row> rows, Function<Row, T> map) {
    var list = new ArrayList<T>();
    rows.forEach(row -> list.add(map.apply(row)));
    return list;
  }

  /** {@code createdBy} is null for a patron's question left in the widget. */
  record NewTicket(
      long libraryId, long queueId, Long chatId, String subject, String email, Long createdBy) {}

  record Locked(long id, String status, Long assigneeId) {}

  /**
   * The patron's answers on a ticket in the last hour, and the newest one's words if it is fresh.
   */
  record RecentReplies(long lastHour, String newest) {}
}
