package org.refdesk.coop;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.refdesk.operator.OperatorAuth;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.web.JsonInput;
import org.refdesk.platform.web.PathParams;
import org.refdesk.platform.web.Responses;

/**
 * The co-ops' routes: running co-ops (members, queues), giving operators co-op queues, a queue's
 * cascade, and the co-op's report. Every rule of who may do what is in {@link CoopService}.
 */
final class CoopRoutes {

  private final CoopService service;

  CoopRoutes(CoopService service) {
    this.service = service;
  }

  void mount(Router router, OperatorAuth auth) {
    router.get("/api/admin/coops").handler(auth).handler(this::list);
    router.post("/api/admin/coops").handler(auth).handler(this::create);
    router.post("/api/admin/coops/:id/members").handler(auth).handler(this::addMember);
    router
        .delete("/api/admin/coops/:id/members/:libraryId")
        .handler(auth)
        .handler(this::removeMember);
    router.get("/api/admin/coops/:id/queues").handler(auth).handler(this::queues);
    router.post("/api/admin/coops/:id/queues").handler(auth).handler(this::createQueue);
    router.put("/api/admin/coops/:id/queues/:queueId").handler(auth).handler(this::editQueue);
    router.get("/api/admin/coop-queues").handler(auth).handler(this::assignments);
    router
        .put("/api/admin/coop-queues/:queueId/operators/:operatorId")
        .handler(auth)
        .handler(ctx -> assign(ctx, true));
    router
        .delete("/api/admin/coop-queues/:queueId/operators/:operatorId")
        .handler(auth)
        .handler(ctx -> assign(ctx, false));
    router.get("/api/admin/routing").handler(auth).handler(this::routingOverview);
    router.get("/api/admin/queues/:id/routes").handler(auth).handler(this::routes);
    router.put("/api/admin/queues/:id/routes").handler(auth).handler(this::replaceRoutes);
    router.get("/api/coops/:id/report").handler(auth).handler(this::report);
  }

  private void list(RoutingContext ctx) {
    var caller = OperatorAuth.operator(ctx);
    service
        .visibleCoops(caller)
        .onSuccess(
            coops ->
                Responses.ok(
                    ctx,
                    new JsonObject()
                        .put("coops", new JsonArray(coops.stream().map(c -> c.toJson()).toList()))))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    var input = JsonInput.body(ctx);
    var name = input.requiredText("name", CoopLimits.NAME_CHARS);
    var host = input.requiredId("hostLibraryId");
    service
        .create(OperatorAuth.operator(ctx), name, host)
        .onSuccess(coop -> Responses.created(ctx, coop.toJson()))
        .onFailure(ctx::fail);
  }

  private void addMember(RoutingContext ctx) {
    long coopId = PathParams.id(ctx, "id");
    var library = JsonInput.body(ctx).requiredId("libraryId");
    service
        .addMember(OperatorAuth.operator(ctx), coopId, library)
        .onSuccess(coop -> Responses.ok(ctx, coop.toJson()))
        .onFailure(ctx::fail);
  }

  private void removeMember(RoutingContext ctx) {
    long coopId = PathParams.id(ctx, "id");
    long library = PathParams.id(ctx, "libraryId");
    service
        .removeMember(OperatorAuth.operator(ctx), coopId, library)
        .onSuccess(coop -> Responses.ok(ctx, coop.toJson()))
        .onFailure(ctx::fail);
  }

  private void queues(RoutingContext ctx) {
    long coopId = PathParams.id(ctx, "id");
    service
        .coopQueues(OperatorAuth.operator(ctx), coopId)
        .onSuccess(list -> Responses.ok(ctx, new JsonObject().put("queues", list)))
        .onFailure(ctx::fail);
  }

  private void createQueue(RoutingContext ctx) {
    long coopId = PathParams.id(ctx, "id");
    var input = CoopQueueInput.read(JsonInput.body(ctx), true);
    service
        .createQueue(OperatorAuth.operator(ctx), coopId, input)
        .onSuccess(queue -> Responses.created(ctx, queue))
        .onFailure(ctx::fail);
  }

  private void editQueue(RoutingContext ctx) {
    long coopId = PathParams.id(ctx, "id");
    long queueId = PathParams.id(ctx, "queueId");
    var input = CoopQueueInput.read(JsonInput.body(ctx), false);
    service
        .editQueue(OperatorAuth.operator(ctx), coopId, queueId, input)
        .onSuccess(queue -> Responses.ok(ctx, queue))
        .onFailure(ctx::fail);
  }

  private void assignments(RoutingContext ctx) {
    service
        .assignments(OperatorAuth.operator(ctx))
        .onSuccess(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void assign(RoutingContext ctx, boolean given) {
    long queueId = PathParams.id(ctx, "queueId");
    long operatorId = PathParams.id(ctx, "operatorId");
    service
        .assign(OperatorAuth.operator(ctx), queueId, operatorId, given)
        .onSuccess(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private void routingOverview(RoutingContext ctx) {
    service
        .routingOverview(OperatorAuth.operator(ctx))
        .onSuccess(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void routes(RoutingContext ctx) {
    long queueId = PathParams.id(ctx, "id");
    service
        .routes(OperatorAuth.operator(ctx), queueId)
        .onSuccess(
            steps ->
                Responses.ok(ctx, new JsonObject().put("queueId", queueId).put("steps", steps)))
        .onFailure(ctx::fail);
  }

  private void replaceRoutes(RoutingContext ctx) {
    long queueId = PathParams.id(ctx, "id");
    var body = JsonInput.body(ctx).json();
    service
        .replaceRoutes(OperatorAuth.operator(ctx), queueId, body)
        .onSuccess(
            steps ->
                Responses.ok(ctx, new JsonObject().put("queueId", queueId).put("steps", steps)))
        .onFailure(ctx::fail);
  }

  private void report(RoutingContext ctx) {
    long coopId = PathParams.id(ctx, "id");
    var from = date(ctx, "from");
    var to = date(ctx, "to");
    service
        .report(OperatorAuth.operator(ctx), coopId, from, to)
        .onSuccess(report -> Responses.ok(ctx, report))
        .onFailure(ctx::fail);
  }

  private static LocalDate date(RoutingContext ctx, String name) {
    var value = ctx.queryParams().get(name);
    if (value == null) {
      throw ApiException.invalid("'" + name + "' is required, as YYYY-MM-DD.");
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid("'" + name + "' must be a date, YYYY-MM-DD.");
    }
  }
}
