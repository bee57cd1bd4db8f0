package org.refdesk.chat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.refdesk.chat.ChatEvent.Sender;
import org.refdesk.operator.KnownOperators;
import org.refdesk.operator.Operator;
import org.refdesk.operator.OperatorRepository;
import org.refdesk.operator.OperatorRepository.Capacity;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;
import org.refdesk.platform.metrics.RefdeskMetrics;
import org.refdesk.queue.QueueAddresses;
import org.refdesk.queue.QueueState;

/**
 * Claiming a waiting chat. Postgres decides every win; the losers, who are most of the presses when
 * several operators go for one chat, are answered from this event loop's memory and Redis alone:
 * the chat's facts come from the chat directory, the holder's name is remembered, and Redis knows
 * who holds the chat.
 */
public final class ChatClaims {

  private final Vertx vertx;
  private final ChatRepository chats;
  private final QueueState queues;
  private final KnownOperators operators;
  private final OperatorRepository accounts;
  private final RefdeskMetrics metrics;
  private final ChatDirectory directory;
  private final ChatVisibility visibility;

  /** Presses this event loop has sent to Redis and not yet heard back about, by chat. */
  private final Map<Long, Press> pressing = new HashMap<>();

  public ChatClaims(
      Vertx vertx,
      ChatRepository chats,
      ChatDirectory directory,
      ChatVisibility visibility,
      QueueState queues,
      KnownOperators operators,
      OperatorRepository accounts,
      RefdeskMetrics metrics) {
    this.accounts = accounts;
    this.vertx = vertx;
    this.chats = chats;
    this.queues = queues;
    this.operators = operators;
    this.metrics = metrics;
    this.directory = directory;
    this.visibility = visibility;
  }

  /**
   * 200 with the claimed event's seq; 404 for a chat of another library (not a co-op chat of the
   * caller's); 409 {@code already_claimed} naming the holder (the caller too, if they hold it
   * already); 409 {@code chat_ended}.
   */
  public Future<JsonObject> claim(long chatId, Operator operator) {
    var sender = new Sender(Sender.OPERATOR, operator.id(), operator.displayName());
    return claimFor(chatId, operator.libraryId(), sender)
        .onSuccess(won -> metrics.claim(true))
        .onFailure(
            lost -> {
              if (lost instanceof ApiException e && e.code() == ErrorCode.ALREADY_CLAIMED) {
                metrics.claim(false);
              }
            });
  }

  private Future<JsonObject> claimFor(long chatId, long libraryId, Sender operator) {
    return directory
        .get(chatId)
        .compose(found -> seenBy(libraryId, found))
        .compose(
            found -> {
              // A chat of another library, unless it waits in a co-op queue of the caller's.
              if (found.isEmpty()) {
                return Future.failedFuture(ApiException.notFound("There is no such chat."));
              }
              var chat = found.get();
              if (chat.ended()) {
                return Future.failedFuture(ChatLifecycle.ended());
              }
              return holderAfterPress(chat, operator.id())
                  // Without Redis every press goes to Postgres, which decides alone.
                  .recover(redisDown -> Future.succeededFuture(Optional.empty()))
                  .compose(
                      holder ->
                          holder.isPresent() ? heldBy(holder.get()) : confirm(chat, operator));
            });
  }

  /** The facts, if the library's operators may see the chat; empty as for a missing chat. */
  private Future<Optional<ChatFacts>> seenBy(long libraryId, Optional<ChatFacts> found) {
    return found.isEmpty()
        ? Future.succeededFuture(found)
        : visibility
            .librarySees(libraryId, found.get())
            .map(sees -> sees ? found : Optional.<ChatFacts>empty());
  }

  /**
   * Asks Redis for a pending claim, unless a press for the same chat from this event loop is
   * already on its way: Redis would answer this one with that one's outcome (its presser, if Redis
   * gave them the claim), so it waits for that answer instead of sending the same question again.
   */
  private Future<Optional<Long>> holderAfterPress(ChatFacts chat, long operatorId) {
    var earlier = pressing.get(chat.chatId());
    if (earlier != null) {
      return earlier.holder().map(holder -> Optional.of(holder.orElse(earlier.operatorId())));
    }
    var holder = queues.claim(chat.queueId(), chat.chatId(), operatorId);
    var press = new Press(operatorId, holder);
    pressing.put(chat.chatId(), press);
    holder.onComplete(done -> pressing.remove(chat.chatId(), press));
    return holder;
  }

  /**
   * Redis says someone holds the chat, pending or confirmed: the loser hears who, without Postgres.
   */
  private Future<JsonObject> heldBy(long holderId) {
    return operators
        .name(holderId)
        .compose(name -> Future.failedFuture(alreadyClaimed(holderId, name.orElse(null))));
  }

  /**
   * Redis granted a pending claim: Postgres decides, exactly as if Redis were not there. An
   * operator with a capacity is asked first whether they have room; only winners pay for that.
   */
  private Future<JsonObject> confirm(ChatFacts chat, Sender operator) {
    return accounts
        .capacity(operator.id())
        .compose(
            capacity ->
                capacity.isPresent() && capacity.get().isFull()
                    ? Future.failedFuture(full(capacity.get()))
                    : chats.claim(chat.chatId(), operator))
        .recover(
            failure ->
                queues
                    .releaseClaim(chat.queueId(), chat.chatId(), operator.id(), chat.arrivalMs())
                    .otherwiseEmpty()
                    .compose(v -> Future.failedFuture(failure)))
        .compose(
            claimed -> {
              if (claimed.isEmpty()) {
                // Postgres says no: someone else won, or the chat ended meanwhile. Tell the truth
                // it holds.
                return queues
                    .releaseClaim(chat.queueId(), chat.chatId(), operator.id(), chat.arrivalMs())
                    .otherwiseEmpty()
                    .compose(v -> chats.find(chat.chatId()))
                    .compose(
                        now ->
                            now.isPresent() && Chat.ACTIVE.equals(now.get().state())
                                ? claimedElsewhere(chat, now.get())
                                : now.isPresent() && now.get().isMissed()
                                    ? missedMeanwhile(chat)
                                    : endedMeanwhile(chat));
              }
              var event = claimed.get().event();
              var who = new JsonObject().put("id", operator.id()).put("name", operator.name());
              vertx
                  .eventBus()
                  .publish(
                      ChatAddresses.CHAT_CLAIMED,
                      new JsonObject()
                          .put("chatId", chat.chatId())
                          .put("operatorId", operator.id()));
              vertx.eventBus().publish(ChatAddresses.chat(chat.chatId()), event);
              vertx
                  .eventBus()
                  .publish(
                      QueueAddresses.queue(chat.queueId()),
                      new JsonObject()
                          .put("type", "claimed")
                          .put("chatId", chat.chatId())
                          .put("operator", who)
                          .put("queueId", chat.queueId())
                          .put("at", Instant.now().toString()));
              return queues
                  .confirmClaim(chat.chatId(), operator.id())
                  .otherwiseEmpty()
                  .map(
                      v ->
                          new JsonObject()
                              .put("chatId", chat.chatId())
                              .put("seq", event.getInteger("seq"))
                              .put("operator", who));
            });
  }

  /**
   * Redis had lost the owner's claim (a flush before the rebuild). Giving the pending claim back
   * put the chat in the waiting set again, where an active chat must not be.
   */
  private Future<JsonObject> claimedElsewhere(ChatFacts chat, Chat now) {
    return queues
        .forget(chat.queueId(), List.of(chat.chatId()))
        .otherwiseEmpty()
        .compose(v -> Future.failedFuture(alreadyClaimed(now.ownerId(), now.ownerName())));
  }

  /**
   * The patron left before anyone claimed the chat: it is in the missed list, not the queue. It is
   * not remembered as ended, since it waits again if the patron returns.
   */
  private Future<JsonObject> missedMeanwhile(ChatFacts chat) {
    return queues
        .forget(chat.queueId(), List.of(chat.chatId()))
        .otherwiseEmpty()
        .compose(
            v ->
                Future.failedFuture(
                    new ApiException(
                        ErrorCode.CONFLICT,
                        "The patron left before anyone answered; the chat is in the missed list.")));
  }

  /**
   * The chat ended since its facts were remembered: remember that, and take it out of Redis for
   * good.
   */
  private Future<JsonObject> endedMeanwhile(ChatFacts chat) {
    directory.remember(chat.asEnded());
    return queues
        .remove(chat.queueId(), chat.chatId())
        .otherwiseEmpty()
        .compose(v -> Future.failedFuture(ChatLifecycle.ended()));
  }

  /**
   * A press sent to Redis: who pressed, and the holder Redis answers (empty: the presser has it).
   */
  private record Press(long operatorId, Future<Optional<Long>> holder) {}

  private static ApiException full(Capacity capacity) {
    return new ApiException(
        ErrorCode.CONFLICT,
        "You have "
            + capacity.inHand()
            + " chats open, as many as your admin set for you at once; end one before you claim another.",
        new JsonObject().put("maxChats", capacity.maxChats()));
  }

  static ApiException alreadyClaimed(Long holderId, String holderName) {
    return new ApiException(
        ErrorCode.ALREADY_CLAIMED,
        (holderName == null ? "Another librarian" : holderName) + " has already claimed this chat.",
        new JsonObject()
            .put("holder", new JsonObject().put("id", holderId).put("name", holderName)));
  }
}
