package org.refdesk.transfer;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.refdesk.chat.Chat;
import org.refdesk.chat.ChatAddresses;
import org.refdesk.chat.ChatEvent.Sender;
import org.refdesk.chat.ChatFacts;
import org.refdesk.chat.ChatRepository;
import org.refdesk.chat.ChatVisibility;
import org.refdesk.operator.KnownOperators;
import org.refdesk.operator.Operator;
import org.refdesk.operator.OperatorAddresses;
import org.refdesk.operator.OperatorRepository;
import org.refdesk.platform.bus.Identity;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;
import org.refdesk.presence.PresenceState;
import org.refdesk.queue.Queue;
import org.refdesk.queue.QueueAddresses;
import org.refdesk.queue.QueueRepository;
import org.refdesk.queue.QueueState;
import org.refdesk.transfer.TransferRepository.LockedChat;
import org.refdesk.transfer.TransferRepository.NewHandoff;
import org.refdesk.transfer.TransferRepository.People;

/**
 * The rules of handing a chat over: who may transfer it and to whom, who may accept, what the
 * patron is told, and who takes part afterwards; and of sharing a chat with a colleague. Every
 * change is committed first (the hand-off's conditional update decides which of several acceptors
 * wins), then every node's chat directory hears the chat's new people, and only then the chat's own
 * events go out, so an operator who left hears nothing of what follows.
 */
public final class TransferService {

  static final int CARD_TEXT_CHARS = 2000;
  static final int CARD_LINKS = 10;
  static final int LINK_CHARS = 500;
  static final int REASON_CHARS = 500;

  private final Vertx vertx;
  private final TransferRepository handoffs;
  private final ChatRepository chats;
  private final ChatVisibility visibility;
  private final KnownOperators operators;
  private final OperatorRepository operatorAccounts;
  private final QueueRepository queues;
  private final QueueState queueState;
  private final PresenceState presence;

  TransferService(
      Vertx vertx,
      TransferRepository handoffs,
      ChatRepository chats,
      ChatVisibility visibility,
      KnownOperators operators,
      OperatorRepository operatorAccounts,
      QueueRepository queues,
      QueueState queueState,
      PresenceState presence) {
    this.vertx = vertx;
    this.handoffs = handoffs;
    this.chats = chats;
    this.visibility = visibility;
    this.operators = operators;
    this.operatorAccounts = operatorAccounts;
    this.queues = queues;
    this.queueState = queueState;
    this.presence = presence;
  }

  /** What a transfer is for: a queue or an operator, the card, and whether the sender stays. */
  record TransferRequest(Long toQueueId, Long toOperatorId, JsonObject card, boolean stay) {}

  /**
   * Where the caller could send the chat now: the library's queues with how many of their operators
   * are online, and its operators who are online (not away, not offline), the caller left out.
   */
  Future<JsonObject> targets(Operator caller, long chatId) {
    return openChatFor(caller, chatId)
        .compose(chat -> statuses(caller.libraryId()))
        .compose(
            statuses ->
                Future.all(
                        queues.all(),
                        operatorAccounts.listInLibrary(caller.libraryId()),
                        Future.succeededFuture(statuses))
                    .compose(
                        done -> {
                          List<Queue> all = done.resultAt(0);
                          List<OperatorRepository.OperatorWithQueues> people = done.resultAt(1);
                          var online = new JsonArray();
                          for (var person : people) {
                            var op = person.operator();
                            if (op.id() != caller.id()
                                && !op.disabled()
                                && PresenceState.ONLINE.equals(statuses.get(op.id()))) {
                              online.add(
                                  new JsonObject()
                                      .put("id", op.id())
                                      .put("name", op.displayName())
                                      .put("status", PresenceState.ONLINE));
                            }
                          }
                          var mine =
                              all.stream()
                                  .filter(q -> q.libraryId() == caller.libraryId())
                                  .toList();
                          return Future.all(
                                  mine.stream()
                                      .map(q -> onlineIn(q.id(), caller.id(), statuses))
                                      .toList())
                              .map(
                                  counts -> {
                                    var list = new JsonArray();
                                    for (int i = 0; i < mine.size(); i++) {
                                      list.add(
                                          new JsonObject()
                                              .put("id", mine.get(i).id())
                                              .put("name", mine.get(i).name())
                                              .put("online", (Integer) counts.resultAt(i)));
                                    }
                                    return new JsonObject()
                                        .put("queues", list)
                                        .put("operators", online);
                                  });
                        }));
  }

  /**
   * The chat's owner offers it to a queue (its operators who are online) or to one online operator
   * of the library, with a hand-off card. The patron is told they are being transferred; the card
   * reaches only the receiving operators.
   */
  Future<Handoff> transfer(Operator caller, long chatId, TransferRequest request) {
    return openChatFor(caller, chatId)
        .compose(
            chat -> {
              if (chat.ownerId() == null || chat.ownerId() != caller.id()) {
                return Future.failedFuture(
                    new ApiException(
                        ErrorCode.NOT_OWNER,
                        "Only the librarian who holds the chat can transfer it."));
              }
              return request.toQueueId() != null
                  ? queueTarget(caller, request.toQueueId()).map(name -> (Object) name)
                  : operatorTarget(caller, request.toOperatorId()).map(op -> (Object) op);
            })
        .compose(
            target -> {
              var notice =
                  target instanceof String queueName
                      ? "I'm transferring you to the " + queueName + "."
                      : "I'm transferring you to another librarian.";
              var offer =
                  new NewHandoff(
                      chatId,
                      caller.libraryId(),
                      Handoff.TRANSFER,
                      caller.id(),
                      request.toOperatorId(),
                      request.toQueueId(),
                      request.card(),
                      request.stay());
              return offer(caller, offer, notice);
            });
  }

  /** A participant invites an online colleague of the library to share the chat. */
  Future<Handoff> invite(Operator caller, long chatId, long operatorId) {
    return openChatFor(caller, chatId)
        .compose(chat -> operatorTarget(caller, operatorId))
        .compose(
            colleague ->
                offer(
                    caller,
                    new NewHandoff(
                        chatId,
                        caller.libraryId(),
                        Handoff.INVITE,
                        caller.id(),
                        operatorId,
                        null,
                        new JsonObject(),
                        false),
                    null));
  }

  private Future<Handoff> offer(Operator caller, NewHandoff offer, String notice) {
    return handoffs
        .inTransaction(
            conn ->
                lockOpen(conn, offer.chatId())
                    .compose(chat -> handoffs.roleIn(conn, offer.chatId(), caller.id()))
                    .compose(
                        role -> {
                          if (role.isEmpty()) {
                            return Future.failedFuture(notParticipant());
                          }
                          if (offer.kind().equals(Handoff.TRANSFER)
                              && !"owner".equals(role.get())) {
                            return Future.failedFuture(
                                new ApiException(
                                    ErrorCode.NOT_OWNER,
                                    "Only the librarian who holds the chat can transfer it."));
                          }
                          return offer.toOperatorId() == null
                              ? Future.succeededFuture(Optional.<String>empty())
                              : handoffs.roleIn(conn, offer.chatId(), offer.toOperatorId());
                        })
                    .compose(
                        targetRole -> {
                          if (targetRole.isPresent() && offer.kind().equals(Handoff.INVITE)) {
                            return Future.failedFuture(
                                new ApiException(
                                    ErrorCode.CONFLICT, "That colleague is in the chat already."));
                          }
                          if (targetRole.filter("owner"::equals).isPresent()) {
                            return Future.failedFuture(
                                ApiException.invalid("You cannot transfer a chat to yourself."));
                          }
                          return handoffs.insert(conn, offer);
                        })
                    .recover(TransferService::pendingAlready)
                    .compose(
                        id ->
                            notice == null
                                ? Future.succeededFuture(new Offered(id, null))
                                : chats
                                    .appendEvent(
                                        conn,
                                        offer.chatId(),
                                        "notice",
                                        Sender.system(),
                                        notice,
                                        null)
                                    .map(event -> new Offered(id, event)))
                    .compose(
                        offered ->
                            handoffs
                                .find(conn, offered.id(), caller.libraryId())
                                .map(found -> new Offered(offered.id(), offered.event(), found))))
        .map(
            offered -> {
              var handoff = offered.handoff().orElseThrow();
              if (offered.event() != null) {
                publishChat(offer.chatId(), offered.event());
              }
              publishToReceivers(
                  handoff,
                  new JsonObject().put("type", "handoff-offered").put("handoff", handoff.toJson()));
              return handoff;
            });
  }

  /**
   * Someone the hand-off was offered to takes it: for a transfer they hold the chat from now on
   * (its sender stays as a colleague or leaves), for an invitation they join it. The first to
   * accept wins; the others hear that it is taken.
   */
  Future<JsonObject> accept(Operator caller, long handoffId) {
    return mayAnswer(caller, handoffId)
        .compose(
            handoff ->
                handoffs
                    .inTransaction(conn -> acceptIn(conn, caller, handoff))
                    .compose(
                        accepted -> {
                          var people = accepted.people();
                          vertx
                              .eventBus()
                              .publish(
                                  ChatAddresses.CHAT_PEOPLE,
                                  ChatFacts.peopleChange(
                                      handoff.chatId(),
                                      people.queueId(),
                                      people.ownerId(),
                                      people.participants()));
                          accepted.events().forEach(event -> publishChat(handoff.chatId(), event));
                          var decided = accepted.handoff();
                          tellSender(decided);
                          publishToReceivers(decided, closed(decided));
                          accepted.voided().forEach(this::tellVoided);
                          int lastSeq =
                              accepted.events().get(accepted.events().size() - 1).getInteger("seq");
                          var answer =
                              new JsonObject()
                                  .put("handoff", decided.toJson())
                                  .put("chatId", handoff.chatId())
                                  .put("seq", lastSeq);
                          return handoff.isTransfer()
                              ? queueState
                                  .confirmClaim(handoff.chatId(), caller.id())
                                  .otherwiseEmpty()
                                  .map(answer)
                              : Future.succeededFuture(answer);
                        }));
  }

  private Future<Accepted> acceptIn(SqlConnection conn, Operator caller, Handoff handoff) {
    var me = new Sender(Sender.OPERATOR, caller.id(), caller.displayName());
    var events = new ArrayList<JsonObject>();
    return handoffs
        .decide(conn, handoff.id(), Handoff.ACCEPTED, caller.id(), null)
        .compose(won -> won ? lockOpen(conn, handoff.chatId()) : Future.failedFuture(taken()))
        .compose(
            chat -> {
              if (!handoff.isTransfer()) {
                return handoffs
                    .roleIn(conn, chat.id(), handoff.fromId())
                    .compose(
                        inviter ->
                            inviter.isEmpty()
                                ? Future.failedFuture(
                                    new ApiException(
                                        ErrorCode.CONFLICT,
                                        "The colleague who invited you has left the chat."))
                                : handoffs.joinShared(
                                    conn, chat.id(), caller.id(), chat.libraryId()))
                    .compose(
                        v ->
                            chats.appendEvent(
                                conn, chat.id(), "joined", me, null, operatorData(caller)))
                    .map(
                        joined -> {
                          events.add(joined);
                          return List.<TransferRepository.Voided>of();
                        });
              }
              if (!Long.valueOf(handoff.fromId()).equals(chat.ownerId())) {
                return Future.failedFuture(
                    new ApiException(ErrorCode.CONFLICT, "The chat has changed hands meanwhile."));
              }
              var data =
                  new JsonObject()
                      .put(
                          "fromOperator",
                          new JsonObject()
                              .put("id", handoff.fromId())
                              .put("name", handoff.fromName()))
                      .put(
                          "toOperator",
                          new JsonObject().put("id", caller.id()).put("name", caller.displayName()))
                      .put(
                          "toQueue",
                          handoff.toQueueId() == null
                              ? null
                              : new JsonObject()
                                  .put("id", handoff.toQueueId())
                                  .put("name", handoff.toQueueName()))
                      .put("stayed", handoff.stay());
              var from = new Sender(Sender.OPERATOR, handoff.fromId(), handoff.fromName());
              return handoffs
                  .roleIn(conn, chat.id(), caller.id())
                  .compose(
                      before ->
                          handoffs
                              .handOver(
                                  conn,
                                  chat.id(),
                                  caller.id(),
                                  handoff.toQueueId(),
                                  handoff.fromId(),
                                  handoff.stay())
                              .compose(
                                  v ->
                                      chats.appendEvent(
                                          conn, chat.id(), "transferred", from, null, data))
                              .compose(
                                  transferred -> {
                                    events.add(transferred);
                                    return before.isPresent()
                                        ? Future.succeededFuture()
                                        : chats
                                            .appendEvent(
                                                conn,
                                                chat.id(),
                                                "joined",
                                                me,
                                                null,
                                                operatorData(caller))
                                            .map(events::add)
                                            .mapEmpty();
                                  }))
                  // A transfer voids the chat's open invitations: they were the sender's.
                  .compose(v -> handoffs.cancelPendingOf(conn, chat.id(), handoff.id()));
            })
        .compose(
            voided ->
                handoffs
                    .people(conn, handoff.chatId())
                    .compose(
                        people ->
                            handoffs
                                .find(conn, handoff.id(), caller.libraryId())
                                .map(
                                    found ->
                                        new Accepted(
                                            found.orElseThrow(), people, events, voided))));
  }

  /**
   * Someone the hand-off was offered to turns it down, saying why; the sender hears the reason and
   * keeps the chat, and the patron hears that their librarian stays.
   */
  Future<Handoff> decline(Operator caller, long handoffId, String reason) {
    return mayAnswer(caller, handoffId)
        .compose(handoff -> close(caller, handoff, Handoff.DECLINED, reason));
  }

  /** The sender takes the offer back. */
  Future<Handoff> cancel(Operator caller, long handoffId) {
    return handoffs
        .find(handoffId, caller.libraryId())
        .compose(
            found -> {
              if (found.isEmpty()) {
                return Future.failedFuture(ApiException.notFound("There is no such hand-off."));
              }
              if (found.get().fromId() != caller.id()) {
                return Future.failedFuture(
                    ApiException.forbidden("Only the librarian who offered it can take it back."));
              }
              return found.get().isPending()
                  ? close(caller, found.get(), Handoff.CANCELLED, null)
                  : Future.failedFuture(taken());
            });
  }

  private Future<Handoff> close(Operator caller, Handoff handoff, String state, String reason) {
    return handoffs
        .inTransaction(
            conn ->
                handoffs
                    .decide(conn, handoff.id(), state, caller.id(), reason)
                    .compose(
                        won -> {
                          if (!won) {
                            return Future.failedFuture(taken());
                          }
                          return handoff.isTransfer()
                              ? lockOpen(conn, handoff.chatId())
                                  .compose(
                                      chat ->
                                          chats.appendEvent(
                                              conn,
                                              chat.id(),
                                              "notice",
                                              Sender.system(),
                                              "Your librarian is staying with you.",
                                              null))
                                  .map(Optional::of)
                              : Future.succeededFuture(Optional.<JsonObject>empty());
                        })
                    .compose(
                        event ->
                            handoffs
                                .find(conn, handoff.id(), caller.libraryId())
                                .map(found -> new Closed(found.orElseThrow(), event))))
        .map(
            closed -> {
              closed.event().ifPresent(event -> publishChat(handoff.chatId(), event));
              tellSender(closed.handoff());
              publishToReceivers(closed.handoff(), closed(closed.handoff()));
              return closed.handoff();
            });
  }

  /**
   * A participant leaves the chat. The last one in cannot (they end it instead); an owner who
   * leaves a shared chat hands it to the colleague who joined first.
   */
  Future<JsonObject> leave(Operator caller, long chatId) {
    var me = new Sender(Sender.OPERATOR, caller.id(), caller.displayName());
    return openChatFor(caller, chatId)
        .compose(
            visible ->
                handoffs.inTransaction(
                    conn ->
                        lockOpen(conn, chatId)
                            .compose(chat -> handoffs.leave(conn, chatId, caller.id()))
                            .compose(
                                role -> {
                                  if (role.isEmpty()) {
                                    return Future.failedFuture(notParticipant());
                                  }
                                  return handoffs
                                      .people(conn, chatId)
                                      .compose(
                                          left -> {
                                            if (left.participants().isEmpty()) {
                                              return Future.failedFuture(
                                                  new ApiException(
                                                      ErrorCode.CONFLICT,
                                                      "You are the last librarian in this chat:"
                                                          + " end it instead."));
                                            }
                                            return "owner".equals(role.get())
                                                ? handoffs
                                                    .nextOwner(conn, chatId)
                                                    .compose(v -> handoffs.people(conn, chatId))
                                                : Future.succeededFuture(left);
                                          });
                                })
                            .compose(
                                people ->
                                    handoffs
                                        .cancelPendingOf(conn, chatId, null)
                                        .compose(
                                            voided ->
                                                chats
                                                    .appendEvent(
                                                        conn,
                                                        chatId,
                                                        "left",
                                                        me,
                                                        null,
                                                        operatorData(caller)
                                                            .put("ownerId", people.ownerId()))
                                                    .map(
                                                        event ->
                                                            new Left(people, event, voided))))))
        .compose(
            left -> {
              vertx
                  .eventBus()
                  .publish(
                      ChatAddresses.CHAT_PEOPLE,
                      ChatFacts.peopleChange(
                          chatId,
                          left.people().queueId(),
                          left.people().ownerId(),
                          left.people().participants()));
              publishChat(chatId, left.event());
              left.voided().forEach(this::tellVoided);
              var answer =
                  new JsonObject()
                      .put("chatId", chatId)
                      .put("seq", left.event().getInteger("seq"))
                      .put("ownerId", left.people().ownerId());
              return left.people().ownerId() == null
                  ? Future.succeededFuture(answer)
                  : queueState
                      .confirmClaim(chatId, left.people().ownerId())
                      .otherwiseEmpty()
                      .map(answer);
            });
  }

  /** The caller's pending hand-offs: offered to them (or their queues), and offered by them. */
  Future<JsonObject> list(Operator caller) {
    return Future.all(
            handoffs.incoming(caller.id(), caller.libraryId()),
            handoffs.outgoing(caller.id(), caller.libraryId()))
        .map(
            done ->
                new JsonObject()
                    .put("incoming", asArray(done.resultAt(0)))
                    .put("outgoing", asArray(done.resultAt(1))));
  }

  /** The hand-off, if the caller is one it was offered to: another library's is not found. */
  private Future<Handoff> mayAnswer(Operator caller, long handoffId) {
    return handoffs
        .find(handoffId, caller.libraryId())
        .compose(
            found -> {
              if (found.isEmpty()) {
                return Future.failedFuture(ApiException.notFound("There is no such hand-off."));
              }
              var handoff = found.get();
              if (!handoff.isPending()) {
                return Future.failedFuture(taken());
              }
              if (handoff.fromId() == caller.id()) {
                return Future.failedFuture(
                    ApiException.forbidden("This hand-off is yours; take it back instead."));
              }
              if (handoff.toOperatorId() != null) {
                return handoff.toOperatorId() == caller.id()
                    ? Future.succeededFuture(handoff)
                    : Future.failedFuture(
                        ApiException.forbidden("This hand-off was offered to someone else."));
              }
              return queues
                  .monitors(caller.id(), handoff.toQueueId())
                  .compose(
                      monitors ->
                          monitors
                              ? Future.succeededFuture(handoff)
                              : Future.failedFuture(
                                  ApiException.forbidden(
                                      "This transfer is for a queue you do not work.")));
            });
  }

  /** The chat, if it is of the caller's library (404 otherwise) and in progress. */
  private Future<Chat> openChatFor(Operator caller, long chatId) {
    return visibility
        .chatFor(Identity.operator(caller.id(), caller.libraryId()), chatId)
        .compose(
            chat -> {
              if (!chat.isOpen()) {
                return Future.failedFuture(
                    new ApiException(ErrorCode.CHAT_ENDED, "This chat has ended."));
              }
              if (!Chat.ACTIVE.equals(chat.state())) {
                return Future.failedFuture(
                    new ApiException(ErrorCode.CONFLICT, "Nobody has claimed this chat yet."));
              }
              return Future.succeededFuture(chat);
            });
  }

  private Future<LockedChat> lockOpen(SqlConnection conn, long chatId) {
    return handoffs
        .lockChat(conn, chatId)
        .compose(
            chat ->
                chat.isPresent() && Chat.ACTIVE.equals(chat.get().state())
                    ? Future.succeededFuture(chat.get())
                    : Future.failedFuture(
                        new ApiException(ErrorCode.CHAT_ENDED, "This chat has ended.")));
  }

  /** The queue's name, if it is the library's and someone who works it is online. */
  private Future<String> queueTarget(Operator caller, long queueId) {
    return queues
        .byId(queueId)
        .compose(
            queue -> {
              if (queue.isEmpty() || queue.get().libraryId() != caller.libraryId()) {
                return Future.failedFuture(
                    new ApiException(ErrorCode.UNKNOWN_QUEUE, "There is no such queue."));
              }
              return statuses(caller.libraryId())
                  .compose(statuses -> onlineIn(queueId, caller.id(), statuses))
                  .compose(
                      online ->
                          online > 0
                              ? Future.succeededFuture(queue.get().name())
                              : Future.failedFuture(
                                  new ApiException(
                                      ErrorCode.NOBODY_ONLINE,
                                      "Nobody is online for "
                                          + queue.get().name()
                                          + " now; make a ticket for that queue instead.")));
            });
  }

  /** The operator, if they are another enabled operator of the library and online. */
  private Future<Operator> operatorTarget(Operator caller, Long operatorId) {
    if (operatorId == null) {
      return Future.failedFuture(ApiException.invalid("Name a queue or an operator."));
    }
    if (operatorId == caller.id()) {
      return Future.failedFuture(ApiException.invalid("Choose a colleague, not yourself."));
    }
    return operators
        .active(operatorId)
        .compose(
            found -> {
              if (found.isEmpty() || found.get().libraryId() != caller.libraryId()) {
                return Future.failedFuture(ApiException.notFound("There is no such operator."));
              }
              return statuses(caller.libraryId())
                  .compose(
                      statuses ->
                          PresenceState.ONLINE.equals(statuses.get(operatorId))
                              ? Future.succeededFuture(found.get())
                              : Future.failedFuture(
                                  new ApiException(
                                      ErrorCode.OPERATOR_UNAVAILABLE,
                                      found.get().displayName()
                                          + " is not online now; choose someone who is.")));
            });
  }

  /** Presence, or nobody if Redis is away: a transfer to nobody is refused, never lost. */
  private Future<Map<Long, String>> statuses(long libraryId) {
    return presence.statuses(libraryId).otherwise(Map.of());
  }

  private Future<Integer> onlineIn(long queueId, long callerId, Map<Long, String> statuses) {
    return queues
        .members(queueId)
        .map(
            members ->
                (int)
                    members.stream()
                        .filter(id -> id != callerId)
                        .filter(id -> PresenceState.ONLINE.equals(statuses.get(id)))
                        .count());
  }

  private void publishChat(long chatId, JsonObject event) {
    vertx.eventBus().publish(ChatAddresses.chat(chatId), event);
  }

  /** The named operator's own address, or the target queue's: both reach staff only. */
  private void publishToReceivers(Handoff handoff, JsonObject message) {
    var address =
        handoff.toOperatorId() != null
            ? OperatorAddresses.operator(handoff.toOperatorId())
            : QueueAddresses.queue(handoff.toQueueId());
    vertx.eventBus().publish(address, message);
  }

  private void tellSender(Handoff handoff) {
    vertx
        .eventBus()
        .publish(
            OperatorAddresses.operator(handoff.fromId()),
            new JsonObject().put("type", "handoff-answered").put("handoff", handoff.toJson()));
  }

  private void tellVoided(TransferRepository.Voided voided) {
    var closed =
        new JsonObject()
            .put("type", "handoff-closed")
            .put("handoffId", voided.id())
            .put("state", Handoff.CANCELLED);
    vertx.eventBus().publish(OperatorAddresses.operator(voided.fromId()), closed);
    vertx
        .eventBus()
        .publish(
            voided.toOperatorId() != null
                ? OperatorAddresses.operator(voided.toOperatorId())
                : QueueAddresses.queue(voided.toQueueId()),
            closed);
  }

  private static JsonObject closed(Handoff handoff) {
    return new JsonObject()
        .put("type", "handoff-closed")
        .put("handoffId", handoff.id())
        .put("chatId", handoff.chatId())
        .put("state", handoff.state());
  }

  private static JsonObject operatorData(Operator operator) {
    return new JsonObject()
        .put(
            "operator",
            new JsonObject().put("id", operator.id()).put("name", operator.displayName()));
  }

  private static <T> Future<T> pendingAlready(Throwable failure) {
    if (failure.getMessage() != null && failure.getMessage().contains("chat_handoffs_one_")) {
      return Future.failedFuture(
          new ApiException(
              ErrorCode.TRANSFER_PENDING,
              failure.getMessage().contains("one_transfer")
                  ? "This chat is being transferred already; wait for the answer or take it back."
                  : "That colleague has been invited already."));
    }
    return Future.failedFuture(failure);
  }

  private static ApiException taken() {
    return new ApiException(ErrorCode.CONFLICT, "This hand-off has been answered already.");
  }

  private static ApiException notParticipant() {
    return new ApiException(ErrorCode.NOT_PARTICIPANT, "Only a librarian in the chat can do this.");
  }

  private static JsonArray asArray(List<Handoff> list) {
    var array = new JsonArray();
    list.forEach(handoff -> array.add(handoff.toJson()));
    return array;
  }

  private record Offered(long id, JsonObject event, Optional<Handoff> handoff) {
    Offered(long id, JsonObject event) {
      this(id, event, Optional.empty());
    }
  }

  private record Accepted(
      Handoff handoff,
      People people,
      List<JsonObject> events,
      List<TransferRepository.Voided> voided) {}

  private record Closed(Handoff handoff, Optional<JsonObject> event) {}

  private record Left(People people, JsonObject event, List<TransferRepository.Voided> voided) {}
}
