package org.refdesk.queue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.stream.Collectors;
import org.refdesk.platform.bus.Identity;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;
import org.refdesk.platform.web.OperatorGate;
import org.refdesk.platform.web.PathParams;
import org.refdesk.platform.web.Responses;
import org.refdesk.queue.QueueRepository.WaitingChat;

/** What operators ask of a queue: who is waiting in it. */
final class QueueRoutes {

  private final QueueRepository repository;
  private final QueueState queues;

  QueueRoutes(QueueRepository repository, QueueState queues) {
    this.repository = repository;
    this.queues = queues;
  }

  void mount(Router router, OperatorGate gate) {
    router.get("/api/queues/:id/waiting").handler(gate).handler(this::waiting);
  }

  /**
   * The queue's waiting chats, oldest first, in Redis's order with Postgres's details. A chat Redis
   * still lists but Postgres no longer calls waiting is dropped here and from Redis. Postgres alone
   * answers only when Redis cannot: a refusal is never turned into an answer.
   */
  private void waiting(RoutingContext ctx) {
    long queueId = PathParams.id(ctx, "id");
    monitoredQueue(OperatorGate.caller(ctx), queueId)
        .compose(
            queue ->
                queues
                    .waitingIds(queueId)
                    .transform(
                        read ->
                            read.failed() || read.result().isEmpty()
                                ? repository.waitingIn(queue)
                                : inRedisOrder(queue, read.result())))
        .onSuccess(
            list -> {
              var array = new JsonArray();
              for (int i = 0; i < list.size(); i++) {
                array.add(list.get(i).toJson(i + 1));
              }
              Responses.ok(ctx, new JsonObject().put("queueId", queueId).put("chats", array));
            })
        .onFailure(ctx::fail);
  }

  /**
   * A queue of another library is answered as if it did not exist, unless it is a co-op's queue the
   * operator monitors (they were given it, their library being a member); one of this library, by
   * whether it is monitored.
   */
  private Future<Queue> monitoredQueue(Identity operator, long queueId) {
    return repository
        .byId(queueId)
        .compose(
            found ->
                found.isPresent()
                        && found.get().libraryId() != operator.libraryId()
                        && found.get().isCoopQueue()
                    ? repository
                        .monitors(operator.id(), queueId)
                        .compose(
                            monitors ->
                                monitors
                                    ? Future.succeededFuture(found.get())
                                    : Future.failedFuture(
                                        new ApiException(
                                            ErrorCode.UNKNOWN_QUEUE, "There is no such queue.")))
                    : found.isEmpty() || found.get().libraryId() != operator.libraryId()
                        ? Future.failedFuture(
                            new ApiException(ErrorCode.UNKNOWN_QUEUE, "There is no such queue."))
                        : repository
                            .monitors(operator.id(), queueId)
                            .compose(
                                monitors ->
                                    monitors
                                        ? Future.succeededFuture(found.get())
                                        : Future.failedFuture(
                                            ApiException.forbidden(
                                                "You do not monitor this queue."))));
  }

  private Future<List<WaitingChat>> inRedisOrder(Queue queue, List<Long> ids) {
    return repository
        .waitingByIds(queue, ids)
        .compose(
            found -> {
              var byId = found.stream().collect(Collectors.toMap(WaitingChat::chatId, w -> w));
              var stale = ids.stream().filter(id -> !byId.containsKey(id)).toList();
              var ordered = ids.stream().filter(byId::containsKey).map(byId::get).toList();
              return queues.forget(queue.id(), stale).otherwiseEmpty().map(ordered);
            });
  }
}
