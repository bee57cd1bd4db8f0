package org.refdesk.surge;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.refdesk.library.LibraryRepository;
import org.refdesk.operator.Operator;
import org.refdesk.operator.OperatorAddresses;
import org.refdesk.operator.OperatorRepository;
import org.refdesk.platform.audit.AuditLog;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;
import org.refdesk.platform.redis.RedisKeys;
import org.refdesk.platform.redis.WindowLimit;
import org.refdesk.presence.PresenceState;
import org.refdesk.queue.QueueRef;
import org.refdesk.queue.QueueRepository;
import org.refdesk.queue.QueueState;

/**
 * Calls for help: an operator who is swamped pages the colleagues who can come, and so does the
 * gateway when chats pour in on a lone operator. The page goes to each colleague's own address
 * ({@code operator.<id>}), so only those who can help hear it, the caller never does, and another
 * library cannot.
 */
public final class SurgeService {

  private static final Logger log = Logger.getLogger(SurgeService.class.getName());

  /** Type of the event on {@code operator.<id>}. */
  public static final String SURGE = "surge";

  private final Vertx vertx;
  private final Pool pool;
  private final Redis redis;
  private final RedisKeys keys;
  private final SurgeState state;
  private final SurgeRepository surges;
  private final PresenceState presence;
  private final QueueState queueState;
  private final QueueRepository queues;
  private final OperatorRepository operators;
  private final LibraryRepository libraries;

  public SurgeService(Vertx vertx, Pool pool, Redis redis, RedisKeys keys) {
    this.vertx = vertx;
    this.pool = pool;
    this.redis = redis;
    this.keys = keys;
    this.state = new SurgeState(redis, keys);
    this.surges = new SurgeRepository(pool);
    this.presence = new PresenceState(redis, keys);
    this.queueState = new QueueState(redis, keys);
    this.queues = new QueueRepository(pool);
    this.operators = new OperatorRepository(pool);
    this.libraries = new LibraryRepository(pool);
  }

  /**
   * The caller, who must be online, pages their colleagues with the chats waiting in the caller's
   * queues; refused while the library's last call is recent, whoever sent it.
   */
  public Future<JsonObject> callForHelp(Operator caller) {
    long libraryId = caller.libraryId();
    long now = System.currentTimeMillis();
    return presence
        .statuses(libraryId)
        .compose(
            statuses ->
                PresenceState.ONLINE.equals(statuses.get(caller.id()))
                    ? Future.succeededFuture(statuses)
                    : Future.failedFuture(
                        ApiException.forbidden(
                            "Only an operator who is online can call for help: set your status to"
                                + " Online first.")))
        .compose(
            statuses ->
                WindowLimit.count(
                        redis,
                        keys.surgeCalls(caller.id()),
                        SurgeLimits.CALLS_WINDOW_SECONDS,
                        SurgeLimits.CALLS_PER_OPERATOR,
                        () ->
                            new ApiException(
                                ErrorCode.RATE_LIMITED,
                                "You have called for help "
                                    + SurgeLimits.CALLS_PER_OPERATOR
                                    + " times in the last hour, the most one operator may.",
                                new JsonObject().put("limit", SurgeLimits.CALLS_PER_OPERATOR)))
                    .map(statuses))
        .compose(
            statuses ->
                state
                    .takeTurn(libraryId, now)
                    .compose(
                        earlier -> {
                          if (earlier.isPresent()) {
                            return Future.failedFuture(recentCall(earlier.get(), now));
                          }
                          return operators
                              .queuesOf(caller.id())
                              .compose(
                                  mine ->
                                      page(
                                          libraryId,
                                          statuses,
                                          Set.of(caller.id()),
                                          mine,
                                          new JsonObject()
                                              .put("from", caller.displayName())
                                              .put("fromId", caller.id())
                                              .put("automatic", false),
                                          now,
                                          detail ->
                                              AuditLog.operatorDid(
                                                  pool,
                                                  libraryId,
                                                  caller.id(),
                                                  "surge.page",
                                                  "library:" + libraryId,
                                                  detail)));
                        }));
  }

  /**
   * A chat arrived: counted in its library's window; when the window holds the library's {@code
   * surgeChats} and only one operator is online, the gateway pages their colleagues, once per
   * window.
   */
  public Future<Void> chatArrived(long libraryId, long chatId, long arrivalMs) {
    var settings = libraries.settings(libraryId);
    var statuses = presence.statuses(libraryId);
    long now = System.currentTimeMillis();
    return Future.all(settings, statuses)
        .compose(
            both -> {
              long minutes = settings.result().getLong("surgeMinutes");
              long threshold = settings.result().getLong("surgeChats");
              var online = onlineIn(statuses.result());
              return state
                  .arrived(
                      libraryId,
                      chatId,
                      arrivalMs,
                      minutes * 60,
                      threshold,
                      online.size() == 1,
                      now)
                  .compose(
                      arrived ->
                          arrived == 0
                              ? Future.<Void>succeededFuture()
                              : libraryQueues(libraryId)
                                  .compose(
                                      all ->
                                          page(
                                              libraryId,
                                              statuses.result(),
                                              online,
                                              all,
                                              new JsonObject()
                                                  .putNull("from")
                                                  .put("automatic", true)
                                                  .put("arrived", arrived)
                                                  .put("minutes", minutes),
                                              now,
                                              detail ->
                                                  AuditLog.systemDid(
                                                      pool,
                                                      libraryId,
                                                      "surge.automatic",
                                                      "library:" + libraryId,
                                                      detail)))
                                  .mapEmpty());
            });
  }

  /** How many chats arrived in the caller's library since a moment (at most a day back). */
  public Future<JsonObject> arrivalsSince(Operator caller, Instant since) {
    var earliest = Instant.now().minusMillis(SurgeLimits.ARRIVALS_LOOKBACK_MS);
    var from = since.isBefore(earliest) ? earliest : since;
    return surges
        .arrivalsSince(caller.libraryId(), from)
        .map(n -> new JsonObject().put("since", from.toString()).put("arrived", n));
  }

  /**
   * Pages the signed-in colleagues and those on call, but not {@code except}, with the chats now
   * waiting in {@code inQueues}; records the page, then sends it.
   */
  private Future<JsonObject> page(
      long libraryId,
      Map<Long, String> statuses,
      Set<Long> except,
      List<QueueRef> inQueues,
      JsonObject who,
      long now,
      Function<JsonObject, Future<Void>> record) {
    var counts = inQueues.stream().map(q -> queueState.waitingCount(q.id())).toList();
    var onCall = surges.onCall(libraryId);
    return Future.all(onCall, Future.all(counts))
        .compose(
            done -> {
              var recipients = new LinkedHashSet<Long>();
              statuses.forEach(
                  (id, status) -> {
                    if (!PresenceState.OFFLINE.equals(status)) {
                      recipients.add(id);
                    }
                  });
              recipients.addAll(onCall.result());
              recipients.removeAll(except);
              var queueList = new JsonArray();
              for (int i = 0; i < inQueues.size(); i++) {
                queueList.add(
                    new JsonObject()
                        .put("id", inQueues.get(i).id())
                        .put("name", inQueues.get(i).name())
                        .put("waiting", counts.get(i).result()));
              }
              int waiting = counts.stream().mapToInt(Future::result).sum();
              var sent =
                  new JsonObject()
                      .put("paged", recipients.size())
                      .put("waiting", waiting)
                      .put("queues", queueList)
                      .put("at", Instant.ofEpochMilli(now).toString());
              var event =
                  who.copy()
                      .put("type", SURGE)
                      .put("libraryId", libraryId)
                      .put("waiting", waiting)
                      .put("queues", queueList)
                      .put("at", sent.getString("at"));
              return record
                  .apply(new JsonObject().put("waiting", waiting).put("paged", recipients.size()))
                  .map(
                      recorded -> {
                        recipients.forEach(
                            id -> vertx.eventBus().publish(OperatorAddresses.operator(id), event));
                        return sent;
                      });
            })
        .onFailure(failure -> log.fine("Call for help not sent: " + failure.getMessage()));
  }

  private Future<List<QueueRef>> libraryQueues(long libraryId) {
    return queues
        .all()
        .map(
            all ->
                all.stream()
                    // A co-op's queues are counted for the co-op, not for the library that hosts
                    // it.
                    .filter(q -> q.libraryId() == libraryId && !q.isCoopQueue())
                    .map(q -> new QueueRef(q.id(), q.slug(), q.name(), null, null))
                    .toList());
  }

  private static Set<Long> onlineIn(Map<Long, String> statuses) {
    return statuses.entrySet().stream()
        .filter(e -> PresenceState.ONLINE.equals(e.getValue()))
        .map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }

  private static ApiException recentCall(long earlierMs, long now) {
    long retryAfter = Math.max(1, SurgeLimits.PAGE_PAUSE_SECONDS - (now - earlierMs) / 1000);
    return new ApiException(
        ErrorCode.CONFLICT,
        "Your colleagues were called for help at "
            + Instant.ofEpochMilli(earlierMs)
            + "; the next call can go out in "
            + retryAfter
            + " s.",
        new JsonObject()
            .put("lastPageAt", Instant.ofEpochMilli(earlierMs).toString())
            .put("retryAfterSeconds", retryAfter));
  }
}
