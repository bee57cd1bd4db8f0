package org.refdesk.chat;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.refdesk.platform.cache.EventLoopCache;
import org.refdesk.queue.QueueState;

/**
 * The one memory of chat facts on an event loop (library, queue, owner, participants, ended or
 * not), for claims and for deciding who may see a chat. It is kept current by the chats' own
 * events, heard from every node: started, claimed, people changed (transfers and shared chats),
 * ended. An event the bus drops (it is transport, not storage) is bounded by the expiry: after it,
 * the facts are read from Postgres again.
 */
public final class ChatDirectory {

  /** The chats of a busy day; an entry is under a hundred bytes. */
  static final int CAPACITY = 10_000;

  /**
   * A backstop only: every node hears when a chat starts, is claimed or ends. Should it miss an
   * end, a claim key the end could not delete either (Redis was away) would be believed this long:
   * see docs/decisions.md.
   */
  static final long TTL_MINUTES = 10;

  private final ChatRepository chats;
  private final QueueState queues;
  private final EventLoopCache<Long, ChatFacts> facts;

  public ChatDirectory(ChatRepository chats, QueueState queues) {
    this.chats = chats;
    this.queues = queues;
    this.facts = new EventLoopCache<>(CAPACITY, TTL_MINUTES, TimeUnit.MINUTES, this::load);
  }

  /**
   * Listens, on the calling verticle's event loop, for chats starting, being claimed and ending
   * anywhere in the cluster: a chat's first presses and registers come right after it starts, and
   * find its facts here already.
   */
  public Future<Void> follow(EventBus bus) {
    var started =
        bus.<JsonObject>consumer(
            ChatAddresses.CHAT_STARTED,
            message -> {
              var chat = ChatFacts.fromJson(message.body());
              facts.put(chat.chatId(), chat);
            });
    var claimed =
        bus.<JsonObject>consumer(
            ChatAddresses.CHAT_CLAIMED,
            message -> {
              var chatId = message.body().getLong("chatId");
              var operatorId = message.body().getLong("operatorId");
              if (chatId != null && operatorId != null) {
                facts
                    .get(chatId)
                    .onSuccess(
                        found ->
                            found.ifPresent(chat -> facts.put(chatId, chat.ownedBy(operatorId))));
              }
            });
    var people =
        bus.<JsonObject>consumer(
            ChatAddresses.CHAT_PEOPLE,
            message -> {
              var change = message.body();
              var chatId = change.getLong("chatId");
              if (chatId == null) {
                return;
              }
              var participants = new HashSet<Long>();
              change
                  .getJsonArray("participants", new JsonArray())
                  .forEach(id -> participants.add(((Number) id).longValue()));
              var known = facts.peek(chatId);
              if (known.isPresent()) {
                facts.put(
                    chatId,
                    known
                        .get()
                        .withPeople(
                            change.getLong("queueId", known.get().queueId()),
                            change.getLong("ownerId"),
                            participants,
                            // Only a move says where the chat now belongs; a transfer keeps it.
                            change.containsKey("coopId")
                                ? change.getLong("coopId")
                                : known.get().coopId()));
              } else {
                facts.forget(chatId);
              }
            });
    // Forgotten rather than marked: the next question reads Postgres, which also clears a claim key
    // that the end could not delete (see load).
    var ended =
        bus.<JsonObject>consumer(
            ChatAddresses.CHAT_ENDED, message -> facts.forget(message.body().getLong("chatId")));
    return Future.all(
            started.completion(), claimed.completion(), people.completion(), ended.completion())
        .mapEmpty();
  }

  /** The chat's facts, from memory or from Postgres; empty when there is no such chat. */
  public Future<Optional<ChatFacts>> get(long chatId) {
    return facts.get(chatId);
  }

  /**
   * The chat's facts as this event loop remembers them, without waiting, for a decision that cannot
   * wait (an event about to reach a socket). Facts past their expiry are still answered, and read
   * again in the background; none at all starts a read and answers empty.
   */
  public Optional<ChatFacts> known(long chatId) {
    return facts.peek(chatId);
  }

  /** What this event loop learnt itself (a claim found the chat ended), ahead of the event. */
  void remember(ChatFacts chat) {
    facts.put(chat.chatId(), chat);
  }

  /**
   * The facts from Postgres. An ended chat's claim key should be gone already; deleting it again
   * clears one that an end could not delete because Redis was away at that moment.
   */
  private Future<Optional<ChatFacts>> load(long chatId) {
    return chats
        .claimFacts(chatId)
        .compose(
            found ->
                found.isPresent() && found.get().ended()
                    ? queues.remove(found.get().queueId(), chatId).otherwiseEmpty().map(found)
                    : Future.succeededFuture(found));
  }
}
