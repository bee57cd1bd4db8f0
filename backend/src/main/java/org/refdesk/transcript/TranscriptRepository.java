package org.refdesk.transcript;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.refdesk.platform.mail.MailOutbox;

/** Transcript requests in Postgres, and the making of their mail once the chat has ended. */
final class TranscriptRepository {

  /** What a request came to: made now, or there already (and whether its mail is queued). */
  enum Outcome {
    REQUESTED,
    ALREADY_REQUESTED,
    ALREADY_SENT,
    TOO_MANY_ADDRESSES
  }

  private final Pool pool;

  TranscriptRepository(Pool pool) {
    this.pool = pool;
  }

  Future<Outcome> request(long chatId, long libraryId, String email, String by, int maxAddresses) {
    return pool.preparedQuery(TranscriptSql.REQUEST)
        .execute(Tuple.of(chatId, libraryId, email, by, maxAddresses))
        .compose(
            rows ->
                rows.size() > 0
                    ? Future.succeededFuture(Outcome.REQUESTED)
                    : pool.preparedQuery(TranscriptSql.EXISTING)
                        .execute(Tuple.of(chatId, email))
                        .map(
                            existing -> {
                              var it = existing.iterator();
                              if (!it.hasNext()) {
                                return Outcome.TOO_MANY_ADDRESSES;
                              }
                              return it.next().getBoolean("queued")
                                  ? Outcome.ALREADY_SENT
                                  : Outcome.ALREADY_REQUESTED;
                            }));
  }

  /**
   * Makes the mail of one due request, in the transaction that marks it: answers whether there was
   * one. Two nodes never make the same one (the row is locked, others skip it).
   */
  Future<Boolean> mailNextDue() {
    return pool.withTransaction(
        conn ->
            conn.query(TranscriptSql.NEXT_DUE)
                .execute()
                .compose(
                    rows -> {
                      var it = rows.iterator();
                      if (!it.hasNext()) {
                        return Future.succeededFuture(false);
                      }
                      var row = it.next();
                      long requestId = row.getLong("id");
                      long chatId = row.getLong("chat_id");
                      var email = row.getString("email");
                      return transcript(conn, chatId)
                          .compose(
                              transcript ->
                                  MailOutbox.enqueue(conn, TranscriptMail.of(transcript, email)))
                          .compose(
                              mailId ->
                                  conn.preparedQuery(TranscriptSql.MARK_QUEUED)
                                      .execute(Tuple.of(requestId, mailId)))
                          .map(true);
                    }));
  }

  private Future<Transcript> transcript(SqlConnection conn, long chatId) {
    var chat = conn.preparedQuery(TranscriptSql.CHAT).execute(Tuple.of(chatId));
    return chat.compose(
        chatRows ->
            conn.preparedQuery(TranscriptSql.PATRON_VISIBLE_EVENTS)
                .execute(Tuple.of(chatId))
                .map(
                    eventRows -> {
                      var c = chatRows.iterator().next();
                      var lines = new ArrayList<Transcript.Line>();
                      eventRows.forEach(
                          e ->
                              lines.add(
                                  new Transcript.Line(
                                      e.getString("type"),
                                      e.getString("sender_kind"),
                                      e.getString("sender_name"),
                                      e.getString("body"),
                                      e.getOffsetDateTime("created_at"))));
                      return new Transcript(
                          chatId,
                          c.getString("library_name"),
                          c.getString("queue_name"),
                          Optional.ofNullable(c.getString("timezone")).orElse("UTC"),
                          c.getOffsetDateTime("created_at"),
                          List.copyOf(lines));
                    }));
  }

  /** A chat as its transcript shows it: what the patron saw, in order. */
  record Transcript(
      long chatId,
      String libraryName,
      String queueName,
      String timezone,
      OffsetDateTime startedAt,
      List<Line> lines) {

    record Line(
        String type, String senderKind, String senderName, String text, OffsetDateTime at) {}
  }
}
