package org.refdesk.ticket;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.List;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;
import org.refdesk.platform.mail.MailOutbox;
import org.refdesk.queue.Queue;
import org.refdesk.ticket.TicketRepository.Locked;
import org.refdesk.ticket.TicketRepository.NewTicket;

/**
 * The patron's side of tickets, without an account: a question left in the widget while nobody is
 * online becomes a ticket in that queue with a receipt by e-mail; the signed link in a reply shows
 * the thread's patron-visible messages (never a note) and takes the patron's answer, which opens
 * the ticket again.
 */
public final class PatronTickets {

  /** A custom field of the library's form with what the patron wrote in it. */
  public record Field(String label, String value) {}

  /** A question as the widget's form gave it, already checked: {@code name} may be null. */
  public record Question(String name, String email, String question, List<Field> fields) {}

  /** Answers through one ticket's link in an hour, the most a patron writes in a real exchange. */
  static final int PATRON_REPLIES_PER_HOUR = 10;

  private final TicketRepository tickets;
  private final ReplyLinks links;

  PatronTickets(TicketRepository tickets, ReplyLinks links) {
    this.tickets = tickets;
    this.links = links;
  }

  /**
   * Makes the ticket, its first from-patron message and the receipt in one transaction; answers
   * {@code {ticketId, email}}. {@code answerTime} is the library's own sentence, or null.
   */
  public Future<JsonObject> ask(Queue queue, Question question, String answerTime) {
    var message = firstMessage(question);
    var draft =
        new NewTicket(
            queue.libraryId(),
            queue.id(),
            null,
            TicketService.shortened(question.question(), TicketLimits.SUBJECT_CHARS),
            question.email(),
            null);
    return tickets
        .inTransaction(
            conn ->
                tickets
                    .create(conn, draft)
                    .compose(
                        id -> {
                          long ticketId = id.orElseThrow();
                          var receipt =
                              TicketMail.receipt(
                                  ticketId,
                                  queue.libraryName(),
                                  queue.name(),
                                  question.email(),
                                  question.name(),
                                  message,
                                  answerTime,
                                  links.forTicket(ticketId, queue.libraryId()));
                          return tickets
                              .addMessage(
                                  conn, ticketId, TicketMessage.FROM_PATRON, null, message, null)
                              .compose(
                                  messageId ->
                                      tickets.addHistory(
                                          conn,
                                          ticketId,
                                          null,
                                          "created",
                                          new JsonObject().put("source", "widget")))
                              .compose(v -> MailOutbox.enqueue(conn, receipt))
                              .map(ticketId);
                        }))
        .map(ticketId -> new JsonObject().put("ticketId", ticketId).put("email", question.email()));
  }

  /** The question first, then who asked and the library's own fields, one per line. */
  static String firstMessage(Question question) {
    var text = new StringBuilder(question.question());
    var details = new StringBuilder();
    if (question.name() != null) {
      details.append("\nName: ").append(question.name());
    }
    for (var field : question.fields()) {
      details.append('\n').append(field.label()).append(": ").append(field.value());
    }
    if (!details.isEmpty()) {
      text.append("\n\n--").append(details);
    }
    return text.toString();
  }

  /** Refuses a tampered or expired link at once (401 or 410). */
  void checkLink(String token) {
    links.verify(token);
  }

  /**
   * The thread as the link's holder may see it: {@code {ticket:{id, subject, status, library},
   * messages}}.
   */
  public Future<JsonObject> thread(String token) {
    var link = links.verify(token);
    return linked(link.ticketId(), link.libraryId())
        .compose(
            ticket ->
                tickets
                    .patronVisibleMessages(ticket.id())
                    .map(
                        messages ->
                            new JsonObject()
                                .put(
                                    "ticket",
                                    new JsonObject()
                                        .put("id", ticket.id())
                                        .put("subject", ticket.subject())
                                        .put("status", ticket.status())
                                        .put("library", ticket.libraryName())
                                        .put("queue", ticket.queueName()))
                                .put(
                                    "messages",
                                    new JsonArray(
                                        messages.stream()
                                            .map(
                                                m ->
                                                    new JsonObject()
                                                        .put(
                                                            "from",
                                                            TicketMessage.FROM_PATRON.equals(
                                                                    m.kind())
                                                                ? "patron"
                                                                : "library")
                                                        .put("text", m.text())
                                                        .put("at", m.at().toInstant().toString()))
                                            .toList()))));
  }

  /**
   * The patron's answer: a from-patron message, and the ticket open again (whatever it was). The
   * same words sent again within minutes (a form sent twice, a retry after a cut) are kept once;
   * more than {@link #PATRON_REPLIES_PER_HOUR} answers in an hour are refused, so a leaked link
   * cannot flood a ticket.
   */
  public Future<JsonObject> reply(String token, String text) {
    var link = links.verify(token);
    return linked(link.ticketId(), link.libraryId())
        .compose(
            ticket ->
                tickets.inTransaction(
                    conn ->
                        tickets
                            .lock(conn, ticket.id(), ticket.libraryId())
                            .compose(locked -> answer(conn, locked.orElseThrow(), text))))
        .compose(v -> thread(token));
  }

  private Future<Void> answer(SqlConnection conn, Locked ticket, String text) {
    return tickets
        .recentPatronReplies(conn, ticket.id())
        .compose(
            recent -> {
              if (text.equals(recent.newest())) {
                return Future.succeededFuture();
              }
              if (recent.lastHour() >= PATRON_REPLIES_PER_HOUR) {
                return Future.failedFuture(
                    new ApiException(
                        ErrorCode.RATE_LIMITED,
                        "This question has had "
                            + PATRON_REPLIES_PER_HOUR
                            + " answers in the last hour; please wait a little before writing again.",
                        new JsonObject().put("limit", PATRON_REPLIES_PER_HOUR)));
              }
              return tickets
                  .addMessage(conn, ticket.id(), TicketMessage.FROM_PATRON, null, text, null)
                  .compose(
                      messageId ->
                          tickets.addHistory(
                              conn,
                              ticket.id(),
                              null,
                              "patron_replied",
                              new JsonObject().put("messageId", messageId)))
                  .compose(v -> reopen(conn, ticket));
            });
  }

  private Future<Void> reopen(SqlConnection conn, Locked ticket) {
    if (ticket.status().equals(Ticket.OPEN)) {
      return Future.succeededFuture();
    }
    return tickets
        .setStatus(conn, ticket.id(), Ticket.OPEN)
        .compose(
            done ->
                tickets.addHistory(
                    conn,
                    ticket.id(),
                    null,
                    "status",
                    new JsonObject().put("from", ticket.status()).put("to", Ticket.OPEN)));
  }

  private Future<Ticket> linked(long ticketId, long libraryId) {
    return tickets
        .find(ticketId, libraryId)
        .compose(
            found ->
                found.isPresent()
                    ? Future.succeededFuture(found.get())
                    : Future.failedFuture(
                        ApiException.notFound(
                            "The question this link was for is no longer here.")));
  }
}
