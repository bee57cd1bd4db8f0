package org.refdesk.ticket;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.mail.MailOutbox;
import org.refdesk.queue.Queue;
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

  /** The patron's answer: a from-patron message, and the ticket open again (whatever it was). */
  public Future<JsonObject> reply(String token, String text) {
    var link = links.verify(token);
    return linked(link.ticketId(), link.libraryId())
        .compose(
            ticket ->
                tickets
                    .inTransaction(
                        conn ->
                            tickets
                                .lock(conn, ticket.id(), ticket.libraryId())
                                .compose(
                                    locked -> {
                                      var current = locked.orElseThrow();
                                      return tickets
                                          .addMessage(
                                              conn,
                                              ticket.id(),
                                              TicketMessage.FROM_PATRON,
                                              null,
                                              text,
                                              null)
                                          .compose(
                                              messageId ->
                                                  tickets.addHistory(
                                                      conn,
                                                      ticket.id(),
                                                      null,
                                                      "patron_replied",
                                                      new JsonObject().put("messageId", messageId)))
                                          .compose(
                                              v ->
                                                  current.status().equals(Ticket.OPEN)
                                                      ? Future.<Void>succeededFuture()
                                                      : tickets
                                                          .setStatus(conn, ticket.id(), Ticket.OPEN)
                                                          .compose(
                                                              done ->
                                                                  tickets.addHistory(
                                                                      conn,
                                                                      ticket.id(),
                                                                      null,
                                                                      "status",
                                                                      new JsonObject()
                                                                          .put(
                                                                              "from",
                                                                              current.status())
                                                                          .put(
                                                                              "to", Ticket.OPEN))));
                                    }))
                    .compose(v -> thread(token)));
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
