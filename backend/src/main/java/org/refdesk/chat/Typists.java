package org.refdesk.chat;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.refdesk.chat.ChatEvent.Sender;
import org.refdesk.chat.ChatRepository.TypingFacts;
import org.refdesk.operator.KnownOperators;
import org.refdesk.platform.bus.Identity;
import org.refdesk.platform.cache.EventLoopCache;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;

/**
 * Who is typing, as the others see them, from the chat verticle's memory: a typing frame comes
 * every second or two from each typist, and asking Postgres for the sender each time was most of
 * its cost. An open chat's patron name never changes and its operators only join (by claiming)
 * until it ends; an end is heard from every node and forgotten, a join is found by asking once
 * more.
 */
final class Typists {

  /** The open chats of a busy node; an entry is under a hundred bytes. */
  static final int CAPACITY = 10_000;

  /**
   * A backstop only, for an end event the bus lost: typing in an ended chat stops after this long.
   */
  static final long TTL_SECONDS = 60;

  private final EventLoopCache<Long, TypingFacts> chats;
  private final KnownOperators operators;

  Typists(ChatRepository repository, KnownOperators operators) {
    this.chats =
        new EventLoopCache<>(CAPACITY, TTL_SECONDS, TimeUnit.SECONDS, repository::typingFacts);
    this.operators = operators;
  }

  /**
   * Listens, on the calling verticle's event loop, for chats ending anywhere in the cluster, and
   * for chats whose people changed: an operator who handed a chat over or left it types in it no
   * more.
   */
  Future<Void> forgetEndedChats(EventBus bus) {
    var ended =
        bus.<JsonObject>consumer(
            ChatAddresses.CHAT_ENDED, message -> chats.forget(message.body().getLong("chatId")));
    var people =
        bus.<JsonObject>consumer(
            ChatAddresses.CHAT_PEOPLE, message -> chats.forget(message.body().getLong("chatId")));
    return Future.all(ended.completion(), people.completion()).mapEmpty();
  }

  /** The sender of a typing frame; an operator must have joined the chat to type in it. */
  Future<Sender> of(Identity who, long chatId) {
    return chats
        .get(chatId)
        .compose(
            found -> {
              if (found.isEmpty()) {
                return Future.failedFuture(
                    new ApiException(ErrorCode.CHAT_ENDED, "This chat has ended."));
              }
              if (who.isPatron()) {
                return Future.succeededFuture(
                    new Sender(Sender.PATRON, null, found.get().patronName()));
              }
              if (found.get().participants().contains(who.id())) {
                return operator(who.id());
              }
              // Joined since the chat was remembered (a claim just now): ask Postgres once more.
              chats.forget(chatId);
              return chats
                  .get(chatId)
                  .compose(
                      again ->
                          again.isPresent() && again.get().participants().contains(who.id())
                              ? operator(who.id())
                              : Future.failedFuture(
                                  new ApiException(
                                      ErrorCode.NOT_PARTICIPANT,
                                      "Join the chat before writing in it.")));
            });
  }

  private Future<Sender> operator(long operatorId) {
    return operators
        .name(operatorId)
        .map(
            (Optional<String> name) ->
                new Sender(Sender.OPERATOR, operatorId, name.orElse("Librarian")));
  }
}
