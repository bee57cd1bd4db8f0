package org.refdesk.coop;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.refdesk.coop.CoopRepository.Coop;
import org.refdesk.operator.Operator;
import org.refdesk.platform.audit.AuditLog;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;
import org.refdesk.queue.Queue;
import org.refdesk.queue.QueueRepository;

/**
 * Who runs what of a co-op. The system admin makes co-ops and chooses their members; a coordinator
 * of a member library (or the system admin) keeps the co-op's queues and reads its report; a
 * library admin gives their own operators the co-op queues and sets their own queues' cascades.
 * Somebody outside a co-op hears that it does not exist.
 */
final class CoopService {

  private final Vertx vertx;
  private final CoopRepository coops;
  private final QueueRepository queues;
  private final RouteRules rules;
  private final CoopMembership membership;

  CoopService(
      Vertx vertx, CoopRepository coops, QueueRepository queues, CoopMembership membership) {
    this.vertx = vertx;
    this.coops = coops;
    this.membership = membership;
    this.queues = queues;
    this.rules = new RouteRules(queues, coops);
  }

  /** Every co-op for the system admin; their library's for anyone else. */
  Future<List<Coop>> visibleCoops(Operator caller) {
    return caller.isSystemAdmin() ? coops.all() : coops.withMember(caller.libraryId());
  }

  Future<Coop> create(Operator caller, String name, long hostLibraryId) {
    requireSystem(caller);
    return coops
        .libraryExists(hostLibraryId)
        .compose(
            exists ->
                exists
                    ? coops
                        .pool()
                        .withTransaction(
                            conn ->
                                coops
                                    .create(conn, name, hostLibraryId)
                                    .compose(
                                        id ->
                                            id.isEmpty()
                                                ? Future.failedFuture(
                                                    new ApiException(
                                                        ErrorCode.CONFLICT,
                                                        "There is a co-op of that name already."))
                                                : AuditLog.operatorDid(
                                                        conn,
                                                        caller.libraryId(),
                                                        caller.id(),
                                                        "coop.create",
                                                        "coop:" + id.get(),
                                                        new JsonObject().put("name", name))
                                                    .map(id.get())))
                    : Future.failedFuture(ApiException.notFound("There is no such library.")))
        .compose(id -> membershipChanged(hostLibraryId).compose(v -> existing(id)));
  }

  Future<Coop> addMember(Operator caller, long coopId, long libraryId) {
    requireSystem(caller);
    return existing(coopId)
        .compose(coop -> coops.libraryExists(libraryId))
        .compose(
            exists ->
                exists
                    ? coops
                        .pool()
                        .withTransaction(
                            conn ->
                                coops
                                    .addMember(conn, coopId, libraryId)
                                    .compose(
                                        added ->
                                            AuditLog.operatorDid(
                                                conn,
                                                caller.libraryId(),
                                                caller.id(),
                                                "coop.member.add",
                                                "coop:" + coopId,
                                                new JsonObject().put("libraryId", libraryId))))
                    : Future.failedFuture(ApiException.notFound("There is no such library.")))
        .compose(v -> membershipChanged(libraryId))
        .compose(v -> existing(coopId));
  }

  /** The host stays: its row carries the co-op's queues. */
  Future<Coop> removeMember(Operator caller, long coopId, long libraryId) {
    requireSystem(caller);
    return existing(coopId)
        .compose(
            coop -> {
              if (coop.hostLibraryId() == libraryId) {
                return Future.failedFuture(
                    new ApiException(
                        ErrorCode.CONFLICT, "The host library cannot leave its co-op."));
              }
              return coops
                  .pool()
                  .withTransaction(
                      conn ->
                          coops
                              .removeMember(conn, coopId, libraryId)
                              .compose(
                                  removed ->
                                      removed
                                          ? AuditLog.operatorDid(
                                              conn,
                                              caller.libraryId(),
                                              caller.id(),
                                              "coop.member.remove",
                                              "coop:" + coopId,
                                              new JsonObject().put("libraryId", libraryId))
                                          : Future.failedFuture(
                                              ApiException.notFound(
                                                  "That library is no member of this co-op."))));
            })
        .compose(v -> membershipChanged(libraryId))
        .compose(v -> existing(coopId));
  }

  Future<JsonArray> coopQueues(Operator caller, long coopId) {
    return runnable(caller, coopId)
        .compose(coop -> coops.queues(coopId))
        .map(list -> new JsonArray(list.stream().map(q -> q.toJson()).toList()));
  }

  Future<JsonObject> createQueue(Operator caller, long coopId, CoopQueueInput input) {
    return runnable(caller, coopId)
        .compose(
            coop ->
                coops
                    .pool()
                    .withTransaction(
                        conn ->
                            coops
                                .createQueue(
                                    conn, coopId, input.slug(), input.name(), input.settings())
                                .compose(
                                    id ->
                                        id.isEmpty()
                                            ? Future.failedFuture(
                                                new ApiException(
                                                    ErrorCode.CONFLICT,
                                                    "That slug is taken by another queue."))
                                            : AuditLog.operatorDid(
                                                    conn,
                                                    caller.libraryId(),
                                                    caller.id(),
                                                    "coop.queue.create",
                                                    "queue:" + id.get(),
                                                    new JsonObject().put("coopId", coopId))
                                                .map(id.get()))))
        .compose(id -> coopQueue(coopId, id));
  }

  Future<JsonObject> editQueue(Operator caller, long coopId, long queueId, CoopQueueInput input) {
    return runnable(caller, coopId)
        .compose(
            coop ->
                coops
                    .pool()
                    .withTransaction(
                        conn ->
                            coops
                                .updateQueue(conn, coopId, queueId, input.name(), input.settings())
                                .compose(
                                    updated ->
                                        updated
                                            ? AuditLog.operatorDid(
                                                conn,
                                                caller.libraryId(),
                                                caller.id(),
                                                "coop.queue.edit",
                                                "queue:" + queueId,
                                                new JsonObject().put("coopId", coopId))
                                            : Future.failedFuture(
                                                new ApiException(
                                                    ErrorCode.UNKNOWN_QUEUE,
                                                    "There is no such queue in this co-op.")))))
        .compose(v -> coopQueue(coopId, queueId));
  }

  private Future<JsonObject> coopQueue(long coopId, long queueId) {
    return coops
        .queues(coopId)
        .map(
            list ->
                list.stream().filter(q -> q.id() == queueId).findFirst().orElseThrow().toJson());
  }

  /** A library admin's view: the co-op queues of their library's co-ops, and who has which. */
  Future<JsonObject> assignments(Operator caller) {
    requireLibraryAdmin(caller);
    var available = coops.queuesForLibrary(caller.libraryId());
    var people = coops.assignments(caller.libraryId());
    return Future.all(available, people)
        .map(
            done ->
                new JsonObject()
                    .put(
                        "queues",
                        new JsonArray(available.result().stream().map(q -> q.toJson()).toList()))
                    .put("operators", people.result()));
  }

  Future<Void> assign(Operator caller, long queueId, long operatorId, boolean given) {
    requireLibraryAdmin(caller);
    return coops
        .operatorInLibrary(operatorId, caller.libraryId())
        .compose(
            ours ->
                ours
                    ? coops
                        .pool()
                        .withTransaction(
                            conn ->
                                (given
                                        ? coops
                                            .assign(conn, operatorId, queueId, caller.libraryId())
                                            .compose(
                                                done ->
                                                    done
                                                        ? Future.<Void>succeededFuture()
                                                        : alreadyOrUnknown(operatorId, queueId))
                                        : coops.unassign(
                                            conn, operatorId, queueId, caller.libraryId()))
                                    .compose(
                                        v ->
                                            AuditLog.operatorDid(
                                                conn,
                                                caller.libraryId(),
                                                caller.id(),
                                                given ? "coop.queue.assign" : "coop.queue.unassign",
                                                "operator:" + operatorId,
                                                new JsonObject().put("queueId", queueId))))
                    : Future.failedFuture(ApiException.notFound("There is no such operator.")));
  }

  /**
   * Nothing was added: the operator has the queue already, or it is none of the library's co-ops'.
   */
  private Future<Void> alreadyOrUnknown(long operatorId, long queueId) {
    return queues
        .monitors(operatorId, queueId)
        .compose(
            has ->
                has
                    ? Future.succeededFuture()
                    : Future.failedFuture(
                        new ApiException(
                            ErrorCode.UNKNOWN_QUEUE,
                            "There is no such queue of your library's co-ops.")));
  }

  /**
   * A library admin's Routing page: their own queues, each with its cascade, and the co-op queues
   * of their co-ops that a step may name besides those.
   */
  Future<JsonObject> routingOverview(Operator caller) {
    requireLibraryAdmin(caller);
    var own = coops.ownQueues(caller.libraryId());
    var coopQueues = coops.queuesForLibrary(caller.libraryId());
    return Future.all(own, coopQueues)
        .compose(
            done -> {
              JsonArray list = own.result();
              var withSteps =
                  list.stream()
                      .map(
                          q ->
                              coops
                                  .routesFrom(((JsonObject) q).getLong("id"))
                                  .map(
                                      steps ->
                                          ((JsonObject) q)
                                              .copy()
                                              .put(
                                                  "steps",
                                                  new JsonArray(
                                                      steps.stream().map(Route::toJson).toList()))))
                      .toList();
              return Future.all(withSteps)
                  .map(
                      all ->
                          new JsonObject()
                              .put("queues", new JsonArray(all.list()))
                              .put(
                                  "coopQueues",
                                  new JsonArray(
                                      coopQueues.result().stream().map(q -> q.toJson()).toList())));
            });
  }

  Future<JsonArray> routes(Operator caller, long queueId) {
    return routable(caller, queueId)
        .compose(queue -> coops.routesFrom(queue.id()))
        .map(list -> new JsonArray(list.stream().map(Route::toJson).toList()));
  }

  Future<JsonArray> replaceRoutes(Operator caller, long queueId, JsonObject body) {
    return routable(caller, queueId)
        .compose(
            queue ->
                rules
                    .check(queue, body)
                    .compose(
                        steps ->
                            coops
                                .pool()
                                .withTransaction(
                                    conn ->
                                        coops
                                            .replaceRoutes(
                                                conn, queue.id(), caller.libraryId(), steps)
                                            .compose(
                                                v ->
                                                    AuditLog.operatorDid(
                                                        conn,
                                                        caller.libraryId(),
                                                        caller.id(),
                                                        "queue.routes",
                                                        "queue:" + queue.id(),
                                                        new JsonObject()
                                                            .put("steps", steps.size()))))))
        .compose(v -> routes(caller, queueId));
  }

  /** The co-op's chats in the whole UTC days [from, to]: routed, answered, per member library. */
  Future<JsonObject> report(Operator caller, long coopId, LocalDate from, LocalDate to) {
    if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= CoopLimits.MAX_REPORT_DAYS) {
      return Future.failedFuture(
          ApiException.invalid(
              "'to' must be on or after 'from', at most "
                  + CoopLimits.MAX_REPORT_DAYS
                  + " days on."));
    }
    if (!caller.coordinatesCoops()) {
      return Future.failedFuture(
          ApiException.forbidden("Only a co-op coordinator may read the co-op's report."));
    }
    return member(caller, coopId)
        .compose(
            coop ->
                coops
                    .report(
                        coopId,
                        from.atStartOfDay().atOffset(ZoneOffset.UTC),
                        to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
                    .map(
                        rows ->
                            new JsonObject()
                                .put(
                                    "coop",
                                    new JsonObject().put("id", coop.id()).put("name", coop.name()))
                                .put("from", from.toString())
                                .put("to", to.toString())
                                .put("libraries", rows)
                                .put(
                                    "routed",
                                    rows.stream()
                                        .mapToLong(r -> ((JsonObject) r).getLong("routed"))
                                        .sum())
                                .put(
                                    "answered",
                                    rows.stream()
                                        .mapToLong(r -> ((JsonObject) r).getLong("answered"))
                                        .sum())));
  }

  /**
   * The queue whose cascade the caller may set: a library admin's own library queue; a co-op's
   * queue for its coordinators (or the system admin). Another library's is no queue at all.
   */
  private Future<Queue> routable(Operator caller, long queueId) {
    return queues
        .byId(queueId)
        .compose(
            found -> {
              if (found.isEmpty()) {
                return Future.failedFuture(noQueue());
              }
              var queue = found.get();
              if (queue.isCoopQueue()) {
                return runnable(caller, queue.coopId()).map(queue);
              }
              if (queue.libraryId() != caller.libraryId()) {
                return Future.failedFuture(noQueue());
              }
              return caller.isAdmin()
                  ? Future.succeededFuture(queue)
                  : Future.failedFuture(
                      ApiException.forbidden("Only an admin of the library may do this."));
            });
  }

  /** A co-op the caller may run: the system admin's any; a coordinator's of their library. */
  private Future<Coop> runnable(Operator caller, long coopId) {
    return member(caller, coopId)
        .compose(
            coop ->
                caller.coordinatesCoops()
                    ? Future.succeededFuture(coop)
                    : Future.failedFuture(
                        ApiException.forbidden("Only a co-op coordinator may do this.")));
  }

  /** The co-op, if the caller's library belongs to it (or the caller runs the installation). */
  private Future<Coop> member(Operator caller, long coopId) {
    return existing(coopId)
        .compose(
            coop ->
                caller.isSystemAdmin() || coop.hasMember(caller.libraryId())
                    ? Future.succeededFuture(coop)
                    : Future.failedFuture(ApiException.notFound("There is no such co-op.")));
  }

  private Future<Coop> existing(long coopId) {
    return coops
        .byId(coopId)
        .compose(
            found ->
                found.isPresent()
                    ? Future.succeededFuture(found.get())
                    : Future.failedFuture(ApiException.notFound("There is no such co-op.")));
  }

  /** This event loop forgets at once; the others when they hear it. */
  private Future<Void> membershipChanged(long libraryId) {
    membership.forget(libraryId);
    vertx
        .eventBus()
        .publish(CoopAddresses.MEMBERSHIP_CHANGED, new JsonObject().put("libraryId", libraryId));
    return Future.succeededFuture();
  }

  private static void requireSystem(Operator caller) {
    if (!caller.isSystemAdmin()) {
      throw ApiException.forbidden("Only a system admin may do this.");
    }
  }

  private static void requireLibraryAdmin(Operator caller) {
    if (!caller.isAdmin()) {
      throw ApiException.forbidden("Only an admin of the library may do this.");
    }
  }

  private static ApiException noQueue() {
    return new ApiException(ErrorCode.UNKNOWN_QUEUE, "There is no such queue.");
  }
}
