package org.refdesk.chat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.refdesk.chat.ChatEvent.Sender;
import org.refdesk.chat.ChatRepository.NewChat;
import org.refdesk.chat.ChatRepository.ReturnedChat;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;
import org.refdesk.queue.Queue;
import org.refdesk.queue.QueueAddresses;
import org.refdesk.queue.QueueState;

/**
 * A chat's life: it starts waiting in its queue, one operator claims it ({@link ChatClaims}),
 * someone ends it; a waiting chat whose patron has gone is missed, and waits again if they return.
 * Each step is committed in Postgres first, then mirrored in Redis, then announced on the chat and
 * on its queue.
 */
public final class ChatLifecycle {

  private static final Logger log = Logger.getLogger(ChatLifecycle.class.getName());

  private final Vertx vertx;
  private final ChatRepository chats;
  private final QueueState queues;

  public ChatLifecycle(Vertx vertx, ChatRepository chats, QueueState queues) {
    this.vertx = vertx;
    this.chats = chats;
    this.queues = queues;
  }

  /**
   * Stores the chat with the question as event 1, puts it in its queue and rings the operators;
   * every node's claims hear of it at once, so the first presses need not ask Postgres about the
   * chat.
   */
  public Future<JsonObject> start(Queue queue, NewChat chat) {
    return start(queue, chat, queue.libraryName());
  }

  /**
   * The same, for a chat that starts in a queue other than the one its patron asked in (a co-op's,
   * whose library is the host): the queue hears whose patron it is.
   */
  public Future<JsonObject> start(Queue queue, NewChat chat, String homeLibraryName) {
    return chats
        .start(chat)
        .compose(
            started -> {
              long arrival = started.createdAt().toInstant().toEpochMilli();
              vertx
                  .eventBus()
                  .publish(
                      ChatAddresses.CHAT_STARTED,
                      new ChatFacts(
                              started.chatId(),
                              chat.libraryId(),
                              queue.id(),
                              arrival,
                              null,
                              Set.of(),
                              false,
                              queue.coopId())
                          .toJson());
              publishQueue(
                  queue.id(),
                  new JsonObject()
                      .put("type", "waiting")
                      .put("chatId", started.chatId())
                      .put("patronName", chat.patronName())
                      .put("question", chat.question())
                      .put("createdAt", ChatEvent.iso(started.createdAt()))
                      .put("homeLibraryId", chat.libraryId())
                      .put("homeLibraryName", homeLibraryName));
              var answer =
                  new JsonObject()
                      .put("chatId", started.chatId())
                      .put("seq", 1)
                      .put("queueId", queue.id());
              // The chat is stored; if Redis is away, the queue is rebuilt from Postgres when it is
              // back.
              return queues
                  .enqueue(queue.id(), started.chatId(), arrival)
                  .compose(v -> queues.position(queue.id(), started.chatId()))
                  .map(position -> answer.put("position", position.orElse(null)))
                  .recover(
                      redisDown -> {
                        log.warning(
                            "Chat "
                                + started.chatId()
                                + " stored but not queued in Redis: "
                                + redisDown.getMessage());
                        return Future.succeededFuture(answer.put("position", null));
                      });
            });
  }

  /** Ends an open chat. The caller has checked that {@code by} may end it. */
  public Future<JsonObject> end(long chatId, Sender by) {
    return end(chatId, by, null);
  }

  /** Ends an open chat, saying why in the ended event's text. */
  public Future<JsonObject> end(long chatId, Sender by, String reason) {
    return chats
        .end(chatId, by, reason)
        .compose(
            result -> {
              if (result.isEmpty()) {
                return Future.failedFuture(ended());
              }
              var ended = result.get();
              vertx
                  .eventBus()
                  .publish(ChatAddresses.CHAT_ENDED, new JsonObject().put("chatId", chatId));
              publishChat(chatId, ended.event());
              boolean abandoned =
                  (Chat.WAITING.equals(ended.previousState())
                          || Chat.MISSED.equals(ended.previousState()))
                      && Sender.PATRON.equals(by.kind());
              publishQueue(
                  ended.queueId(),
                  new JsonObject()
                      .put("type", abandoned ? "abandoned" : "ended")
                      .put("chatId", chatId));
              return queues
                  .remove(ended.queueId(), chatId)
                  .otherwiseEmpty()
                  .map(
                      v ->
                          new JsonObject()
                              .put("chatId", chatId)
                              .put("seq", ended.event().getInteger("seq")));
            });
  }

  /**
   * The chat was marked missed: it leaves the queue in Redis and the operators' lists, which stops
   * the alerts about it. The queue hears {@code abandoned} with {@code state: "missed"}, as the app
   * already takes a patron who left.
   */
  public Future<Void> missed(long chatId, long queueId) {
    return queues
        .remove(queueId, chatId)
        .otherwiseEmpty()
        .onComplete(
            v ->
                publishQueue(
                    queueId,
                    new JsonObject()
                        .put("type", "abandoned")
                        .put("chatId", chatId)
                        .put("state", Chat.MISSED)))
        .mapEmpty();
  }

  /**
   * These chats' patrons have their widget open. A missed chat among them waits again at its old
   * place (its arrival), and the queue hears {@code waiting} again, marked {@code returned}.
   */
  public Future<Void> patronsSeen(List<Long> chatIds) {
    return chats
        .patronsSeen(chatIds)
        .compose(back -> Future.join(back.stream().map(this::waitsAgain).toList()))
        .mapEmpty();
  }

  private Future<Void> waitsAgain(ReturnedChat chat) {
    long arrival = chat.createdAt().toInstant().toEpochMilli();
    // If Redis is away, the rebuild puts the chat back in its place from Postgres.
    return queues
        .enqueue(chat.queueId(), chat.chatId(), arrival)
        .otherwiseEmpty()
        .onComplete(
            v ->
                publishQueue(
                    chat.queueId(),
                    new JsonObject()
                        .put("type", "waiting")
                        .put("chatId", chat.chatId())
                        .put("patronName", chat.patronName())
                        .put("question", chat.question())
                        .put("createdAt", ChatEvent.iso(chat.createdAt()))
                        .put("returned", true)))
        .mapEmpty();
  }

  private void publishChat(long chatId, JsonObject event) {
    vertx.eventBus().publish(ChatAddresses.chat(chatId), event);
  }

  private void publishQueue(long queueId, JsonObject event) {
    vertx
        .eventBus()
        .publish(
            QueueAddresses.queue(queueId),
            event.put("queueId", queueId).put("at", Instant.now().toString()));
  }

  static ApiException ended() {
    return new ApiException(ErrorCode.CHAT_ENDED, "This chat has ended.");
  }
}
