package org.refdesk.ticket;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.refdesk.chat.Chat;
import org.refdesk.chat.ChatEvent.Sender;
import org.refdesk.chat.ChatLifecycle;
import org.refdesk.chat.ChatRepository;
import org.refdesk.chat.ChatVisibility;
import org.refdesk.platform.bus.Identity;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;
import org.refdesk.platform.mail.MailOutbox;
import org.refdesk.ticket.TicketRepository.Locked;
import org.refdesk.ticket.TicketRepository.NewTicket;

/**
 * The rules of tickets: only the operators of a ticket's library see or change it (to anyone else
 * it does not exist); a ticket made from a chat takes its queue, e-mail and question and needs an
 * e-mail; a reply is mailed to the patron in the same transaction that stores it, a note never;
 * every change leaves a history line.
 */
public final class TicketService {

  private static final String NOT_FOUND = "There is no such ticket.";

  private final TicketRepository tickets;
  private final ChatVisibility chats;
  private final ChatRepository chatEvents;
  private final ChatLifecycle lifecycle;
  private final ReplyLinks links;

  TicketService(
      TicketRepository tickets,
      ChatVisibility chats,
      ChatRepository chatEvents,
      ChatLifecycle lifecycle,
      ReplyLinks links) {
    this.tickets = tickets;
    this.chats = chats;
    this.chatEvents = chatEvents;
    this.lifecycle = lifecycle;
    this.links = links;
  }

  /**
   * What an operator asks for; empty fields are taken from the chat when there is one. {@code note}
   * is an internal note kept with a new ticket.
   */
  record Request(
      Optional<Long> chatId,
      Optional<Long> queueId,
      Optional<String> email,
      Optional<String> subject,
      Optional<String> note) {}

  /** The ticket's answer, and whether this request made it or found the chat's ticket there. */
  record Made(JsonObject ticket, boolean created) {}

  /**
   * Makes the ticket; for a chat, once: asking again answers the chat's ticket and changes nothing.
   * A ticket from a chat keeps its transcript as the first message; a missed chat then ends, as it
   * has been followed up.
   */
  Future<Made> create(Identity operator, Request request) {
    if (request.chatId().isEmpty()) {
      var draft = draft(operator, request, Optional.empty());
      return store(operator, draft, null, request.note())
          .compose(id -> view(operator, id.orElseThrow()))
          .map(ticket -> new Made(ticket, true));
    }
    long chatId = request.chatId().get();
    return chats
        .chatFor(operator, chatId)
        .compose(
            chat ->
                tickets
                    .findByChat(chatId, chat.libraryId())
                    .compose(
                        existing ->
                            existing.isPresent()
                                ? existingTicket(operator, chat, existing.get())
                                : fromChat(operator, request, chat)));
  }

  private Future<Made> fromChat(Identity operator, Request request, Chat chat) {
    var draft = draft(operator, request, Optional.of(chat));
    return chatEvents
        .transcript(chat.id(), TicketTranscript.MAX_EVENTS)
        .map(TicketTranscript::of)
        .compose(transcript -> store(operator, draft, transcript, request.note()))
        .compose(
            made -> {
              if (made.isEmpty()) {
                // Another request for the same chat made it a moment ago.
                return tickets
                    .findByChat(chat.id(), chat.libraryId())
                    .compose(id -> existingTicket(operator, chat, id.orElseThrow()));
              }
              return followedUp(chat)
                  .compose(v -> seenBy(operator, chat, made.get()))
                  .map(ticket -> new Made(ticket, true));
            });
  }

  private Future<Made> existingTicket(Identity operator, Chat chat, long ticketId) {
    return seenBy(operator, chat, ticketId).map(ticket -> new Made(ticket, false));
  }

  /**
   * The ticket as its maker may see it. A co-op librarian made it for the patron's home library,
   * whose tickets they do not see: they learn only that it went there.
   */
  private Future<JsonObject> seenBy(Identity operator, Chat chat, long ticketId) {
    if (chat.libraryId() == operator.libraryId()) {
      return view(operator, ticketId);
    }
    return Future.succeededFuture(
        new JsonObject()
            .put("id", ticketId)
            .put("chatId", chat.id())
            .put("homeLibraryId", chat.libraryId())
            .put("homeLibraryName", chat.homeLibraryName())
            .put("inHomeLibrary", true));
  }

  /**
   * Stores the ticket with its history, transcript and note in one transaction; empty when the chat
   * has a ticket already.
   */
  private Future<Optional<Long>> store(
      Identity operator, NewTicket draft, String transcript, Optional<String> note) {
    return tickets.inTransaction(
        conn ->
            tickets
                .create(conn, draft)
                .compose(
                    id -> {
                      if (id.isEmpty()) {
                        return draft.chatId() == null
                            ? Future.failedFuture(
                                ApiException.invalid("'queueId' is not a queue of your library."))
                            : tickets
                                .findByChat(draft.chatId(), draft.libraryId())
                                .compose(
                                    other ->
                                        other.isPresent()
                                            ? Future.succeededFuture(Optional.<Long>empty())
                                            : Future.failedFuture(
                                                ApiException.invalid(
                                                    "'queueId' is not a queue of your library.")));
                      }
                      long ticketId = id.get();
                      var done =
                          tickets.addHistory(
                              conn,
                              ticketId,
                              operator.id(),
                              "created",
                              new JsonObject().put("chatId", draft.chatId()));
                      if (transcript != null) {
                        done =
                            done.compose(
                                v ->
                                    tickets
                                        .addMessage(
                                            conn,
                                            ticketId,
                                            TicketMessage.TRANSCRIPT,
                                            null,
                                            transcript,
                                            null)
                                        .mapEmpty());
                      }
                      if (note.isPresent()) {
                        done = done.compose(v -> note(conn, operator, ticketId, note.get()));
                      }
                      return done.map(v -> Optional.of(ticketId));
                    }));
  }

  /**
   * A missed chat is done with once it has a ticket: it ends, so it leaves the missed list, and a
   * patron who comes back reads that the answer will come by e-mail. Any other chat is left as it
   * is.
   */
  private Future<Void> followedUp(Chat chat) {
    if (!chat.isMissed()) {
      return Future.succeededFuture();
    }
    return lifecycle
        .end(chat.id(), Sender.system(), "The library will answer by e-mail.")
        .<Void>mapEmpty()
        .recover(endedMeanwhile -> Future.succeededFuture());
  }

  private static NewTicket draft(Identity operator, Request request, Optional<Chat> chat) {
    var email = request.email().or(() -> chat.map(Chat::patronEmail));
    if (email.isEmpty()) {
      if (chat.isPresent()) {
        throw new ApiException(
            ErrorCode.EMAIL_REQUIRED,
            "The patron gave no e-mail address: ask for one in the chat before making a ticket.");
      }
      throw ApiException.invalid("'email' is required.");
    }
    // A chat's follow-up is its home library's, whoever makes it (a co-op librarian too); a co-op
    // chat's goes to the queue its patron asked in, as the co-op's queue is no library's own.
    boolean othersChat = chat.isPresent() && chat.get().libraryId() != operator.libraryId();
    var queueId =
        othersChat
            ? chat.map(Chat::homeQueueId)
            : request
                .queueId()
                .or(() -> chat.map(c -> c.coopId() != null ? c.homeQueueId() : c.queueId()));
    if (queueId.isEmpty()) {
      throw ApiException.invalid("'queueId' is required.");
    }
    var subject =
        request
            .subject()
            .or(() -> chat.map(c -> shortened(c.question(), TicketLimits.SUBJECT_CHARS)));
    if (subject.isEmpty() || subject.get().isBlank()) {
      throw ApiException.invalid("'subject' is required.");
    }
    return new NewTicket(
        chat.map(Chat::libraryId).orElse(operator.libraryId()),
        queueId.get(),
        chat.map(Chat::id).orElse(null),
        subject.get(),
        email.get(),
        operator.id());
  }

  static String shortened(String text, int chars) {
    if (text == null) {
      return "";
    }
    var line = text.strip().replaceAll("\\s+", " ");
    return line.length() <= chars ? line : line.substring(0, chars - 1) + "…";
  }

  /**
   * The chat's follow-up ticket, as {@link #create} makes it from a chat (its transcript, the note,
   * once per chat), for a feature that sends a chat on: answers the ticket's id, the one the chat
   * has already if it has one.
   */
  public Future<Long> followUpOf(Identity operator, long chatId, Optional<String> note) {
    return create(
            operator,
            new Request(
                Optional.of(chatId), Optional.empty(), Optional.empty(), Optional.empty(), note))
        .map(made -> made.ticket().getLong("id"));
  }

  Future<List<Ticket>> list(Identity operator, TicketFilter filter) {
    return tickets.list(operator.libraryId(), filter);
  }

  /** The ticket with its messages and history. */
  Future<JsonObject> view(Identity operator, long ticketId) {
    return visible(operator, ticketId)
        .compose(
            ticket ->
                Future.all(tickets.messages(ticketId), tickets.history(ticketId))
                    .map(
                        both -> {
                          List<TicketMessage> messages = both.resultAt(0);
                          List<TicketChange> history = both.resultAt(1);
                          return ticket
                              .toJson()
                              .put(
                                  "messages",
                                  new JsonArray(
                                      messages.stream().map(TicketMessage::toJson).toList()))
                              .put(
                                  "history",
                                  new JsonArray(
                                      history.stream().map(TicketChange::toJson).toList()));
                        }));
  }

  /** A reply (mailed to the patron) or an internal note (never mailed); answers the message. */
  Future<JsonObject> addMessage(Identity operator, long ticketId, boolean reply, String text) {
    return visible(operator, ticketId)
        .compose(
            ticket ->
                tickets.inTransaction(
                    conn ->
                        locked(conn, operator, ticketId)
                            .compose(
                                current ->
                                    reply
                                        ? reply(conn, operator, ticket, current, text)
                                        : note(conn, operator, ticketId, text))))
        .compose(v -> view(operator, ticketId));
  }

  private Future<Void> reply(
      SqlConnection conn, Identity operator, Ticket ticket, Locked current, String text) {
    if (current.status().equals(Ticket.CLOSED)) {
      return Future.failedFuture(
          new ApiException(
              ErrorCode.CONFLICT, "The ticket is closed: open it again before replying."));
    }
    // The patron has the answer; the ticket waits on them.
    var status = Ticket.PENDING;
    return MailOutbox.enqueue(
            conn, TicketMail.reply(ticket, text, links.forTicket(ticket.id(), ticket.libraryId())))
        .compose(
            mailId ->
                tickets.addMessage(
                    conn, ticket.id(), TicketMessage.TO_PATRON, operator.id(), text, mailId))
        .compose(
            messageId ->
                tickets.addHistory(
                    conn,
                    ticket.id(),
                    operator.id(),
                    "replied",
                    new JsonObject().put("messageId", messageId)))
        .compose(v -> changeStatus(conn, operator, ticket.id(), current.status(), status));
  }

  private Future<Void> note(SqlConnection conn, Identity operator, long ticketId, String text) {
    return tickets
        .addMessage(conn, ticketId, TicketMessage.NOTE, operator.id(), text, null)
        .compose(
            messageId ->
                tickets.addHistory(
                    conn,
                    ticketId,
                    operator.id(),
                    "noted",
                    new JsonObject().put("messageId", messageId)));
  }

  /** Assigns the ticket (or clears it with null); a new ticket is open once someone has it. */
  Future<JsonObject> assign(Identity operator, long ticketId, Long assigneeId) {
    return tickets
        .inTransaction(
            conn ->
                locked(conn, operator, ticketId)
                    .compose(
                        current ->
                            (assigneeId == null
                                    ? Future.succeededFuture(true)
                                    : tickets.isOperatorOf(conn, assigneeId, operator.libraryId()))
                                .compose(
                                    known -> {
                                      if (!known) {
                                        return Future.failedFuture(
                                            ApiException.invalid(
                                                "'operatorId' is not an operator of your library."));
                                      }
                                      if (Objects.equals(current.assigneeId(), assigneeId)) {
                                        return Future.succeededFuture();
                                      }
                                      var status =
                                          assigneeId != null && current.status().equals(Ticket.NEW)
                                              ? Ticket.OPEN
                                              : current.status();
                                      return tickets
                                          .setAssignee(conn, ticketId, assigneeId, status)
                                          .compose(
                                              v ->
                                                  tickets.addHistory(
                                                      conn,
                                                      ticketId,
                                                      operator.id(),
                                                      "assigned",
                                                      new JsonObject()
                                                          .put("from", current.assigneeId())
                                                          .put("to", assigneeId)));
                                    })))
        .compose(v -> view(operator, ticketId));
  }

  Future<JsonObject> setStatus(Identity operator, long ticketId, String status) {
    return tickets
        .inTransaction(
            conn ->
                locked(conn, operator, ticketId)
                    .compose(
                        current ->
                            changeStatus(conn, operator, ticketId, current.status(), status)))
        .compose(v -> view(operator, ticketId));
  }

  private Future<Void> changeStatus(
      SqlConnection conn, Identity operator, long ticketId, String from, String to) {
    if (from.equals(to)) {
      return Future.succeededFuture();
    }
    return tickets
        .setStatus(conn, ticketId, to)
        .compose(
            v ->
                tickets.addHistory(
                    conn,
                    ticketId,
                    operator.id(),
                    "status",
                    new JsonObject().put("from", from).put("to", to)));
  }

  private Future<Ticket> visible(Identity operator, long ticketId) {
    return tickets
        .find(ticketId, operator.libraryId())
        .compose(
            found ->
                found.isPresent()
                    ? Future.succeededFuture(found.get())
                    : Future.failedFuture(ApiException.notFound(NOT_FOUND)));
  }

  private Future<Locked> locked(SqlConnection conn, Identity operator, long ticketId) {
    return tickets
        .lock(conn, ticketId, operator.libraryId())
        .compose(
            found ->
                found.isPresent()
                    ? Future.succeededFuture(found.get())
                    : Future.failedFuture(ApiException.notFound(NOT_FOUND)));
  }
}
