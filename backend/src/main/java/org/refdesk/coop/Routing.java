package org.refdesk.coop;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.refdesk.chat.ChatAddresses;
import org.refdesk.chat.ChatFacts;
import org.refdesk.coop.CoopRepository.Moved;
import org.refdesk.presence.PresenceState;
import org.refdesk.queue.Queue;
import org.refdesk.queue.QueueAddresses;
import org.refdesk.queue.QueueHours;
import org.refdesk.queue.QueueRepository;
import org.refdesk.queue.QueueState;

/**
 * Where a chat waits: a queue's cascade, followed when the patron starts ({@code always}, {@code
 * outside_hours}, and {@code unclaimed} when nobody is online to claim it here), and the roll-up of
 * chats left unclaimed past a step's time. A moved chat keeps its arrival, so it waits in its new
 * queue in the order it first asked.
 */
public final class Routing {

  private static final Logger log = Logger.getLogger(Routing.class.getName());

  /** What the patron reads when their chat goes to a co-op's librarians. */
  static final String TO_COOP_LINE =
      "Your question has been passed to librarians of our co-operative, who will answer you here.";

  /** ... and when it goes to another department of the library. */
  static final String TO_QUEUE_LINE =
      "Your question has been passed to more of our librarians, who will answer you here.";

  private final Vertx vertx;
  private final CoopRepository coops;
  private final QueueRepository queues;
  private final QueueState queueState;
  private final PresenceState presence;

  Routing(
      Vertx vertx,
      CoopRepository coops,
      QueueRepository queues,
      QueueState queueState,
      PresenceState presence) {
    this.vertx = vertx;
    this.coops = coops;
    this.queues = queues;
    this.queueState = queueState;
    this.presence = presence;
  }

  /** The queue a chat asked in {@code asked} starts in, following its cascade now. */
  public Future<Queue> destination(Queue asked) {
    return follow(asked, new HashSet<>(Set.of(asked.id())), Instant.now());
  }

  private Future<Queue> follow(Queue at, Set<Long> visited, Instant now) {
    if (visited.size() > CoopLimits.MAX_CHAIN) {
      return Future.succeededFuture(at);
    }
    return coops
        .routesFrom(at.id())
        .compose(
            routes ->
                routes.isEmpty()
                    ? Future.succeededFuture(at)
                    : firstApplying(at, routes, 0, now)
                        .compose(
                            route -> {
                              if (route == null || !visited.add(route.toQueueId())) {
                                return Future.succeededFuture(at);
                              }
                              return queues
                                  .byId(route.toQueueId())
                                  .compose(
                                      next ->
                                          next.isEmpty()
                                              ? Future.succeededFuture(at)
                                              : follow(next.get(), visited, now));
                            }));
  }

  /** The first step, in order, whose condition holds now; null when none does. */
  private Future<Route> firstApplying(Queue at, List<Route> routes, int index, Instant now) {
    if (index >= routes.size()) {
      return Future.succeededFuture(null);
    }
    var route = routes.get(index);
    return applies(at, route, now)
        .compose(
            yes -> yes ? Future.succeededFuture(route) : firstApplying(at, routes, index + 1, now));
  }

  private Future<Boolean> applies(Queue at, Route route, Instant now) {
    return switch (route.condition()) {
      case Route.ALWAYS -> Future.succeededFuture(true);
      case Route.OUTSIDE_HOURS ->
          coops
              .timezone(at.libraryId())
              .map(
                  zone ->
                      // A queue without hours is never outside them.
                      QueueHours.isOpen(at.settings(), zone, now).map(open -> !open).orElse(false));
      // Nobody here could claim it: it waits where someone can, rather than roll up later.
      case Route.UNCLAIMED -> online(at).map(anyone -> !anyone);
      default -> Future.succeededFuture(false);
    };
  }

  /**
   * Whether anyone who monitors the queue is online now: only an operator who monitors it and is
   * *online* counts; internal and away do not. A co-op queue's operators are of several libraries,
   * each library's presence saying theirs.
   */
  public Future<Boolean> online(Queue queue) {
    return queues
        .membersWithLibrary(queue.id())
        .compose(
            members -> {
              var libraries = Set.copyOf(members.values());
              var statuses =
                  libraries.stream()
                      .map(library -> presence.statuses(library).otherwise(Map.of()))
                      .toList();
              return Future.all(statuses)
                  .map(
                      done ->
                          statuses.stream()
                              .anyMatch(
                                  each ->
                                      each.result().entrySet().stream()
                                          .anyMatch(
                                              status ->
                                                  members.containsKey(status.getKey())
                                                      && PresenceState.ONLINE.equals(
                                                          status.getValue()))));
            });
  }

  /**
   * A chat that started in another queue than the one asked: the patron's first line after their
   * question says where it went.
   */
  public Future<Void> startedElsewhere(long chatId, Queue asked, Queue startedIn) {
    if (asked.id() == startedIn.id()) {
      return Future.succeededFuture();
    }
    return coops
        .routedAtStart(chatId, startedIn.isCoopQueue() ? TO_COOP_LINE : TO_QUEUE_LINE)
        .onSuccess(event -> vertx.eventBus().publish(ChatAddresses.chat(chatId), event))
        .mapEmpty();
  }

  /** Moves every chat due to roll up; answers how many moved. */
  Future<Integer> rollUp() {
    return coops
        .rollUp(TO_COOP_LINE, TO_QUEUE_LINE)
        .compose(
            moved ->
                Future.join(moved.stream().map(this::announce).toList()).map(done -> moved.size()));
  }

  /**
   * Committed in Postgres; now Redis (out of the old queue's list, into the new one's at its first
   * arrival), the chat's directories, the patron and both queues hear it.
   */
  private Future<Void> announce(Moved chat) {
    var bus = vertx.eventBus();
    bus.publish(
        ChatAddresses.CHAT_PEOPLE,
        ChatFacts.movedTo(chat.chatId(), chat.toQueueId(), chat.coopId()));
    bus.publish(ChatAddresses.chat(chat.chatId()), chat.event());
    var at = Instant.now().toString();
    bus.publish(
        QueueAddresses.queue(chat.fromQueueId()),
        new JsonObject()
            .put("type", "routed")
            .put("chatId", chat.chatId())
            .put("toQueueId", chat.toQueueId())
            .put("queueId", chat.fromQueueId())
            .put("at", at));
    bus.publish(
        QueueAddresses.queue(chat.toQueueId()),
        new JsonObject()
            .put("type", "waiting")
            .put("chatId", chat.chatId())
            .put("patronName", chat.patronName())
            .put("question", chat.question())
            .put("createdAt", chat.arrivedAt().toInstant().toString())
            .put("homeLibraryId", chat.libraryId())
            .put("homeLibraryName", chat.libraryName())
            .put("routed", true)
            .put("queueId", chat.toQueueId())
            .put("at", at));
    // If Redis is away, its rebuild puts the chat in its new queue from Postgres.
    return queueState
        .forget(chat.fromQueueId(), List.of(chat.chatId()))
        .compose(
            v ->
                queueState.enqueue(
                    chat.toQueueId(), chat.chatId(), chat.arrivedAt().toInstant().toEpochMilli()))
        .onFailure(
            redisDown ->
                log.warning(
                    "Chat "
                        + chat.chatId()
                        + " moved but not requeued in Redis: "
                        + redisDown.getMessage()))
        .otherwiseEmpty()
        .mapEmpty();
  }
}
