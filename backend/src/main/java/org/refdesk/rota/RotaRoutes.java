package org.refdesk.rota;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.refdesk.operator.OperatorAuth;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.web.JsonInput;
import org.refdesk.platform.web.PathParams;
import org.refdesk.platform.web.QueryParams;
import org.refdesk.platform.web.Responses;

/**
 * The rota: every operator reads the calendar and their own current shift; the library's admins
 * read the coverage and add, change and delete shifts and exceptions.
 */
final class RotaRoutes {

  private final RotaService service;

  RotaRoutes(RotaService service) {
    this.service = service;
  }

  void mount(Router router, OperatorAuth operatorAuth) {
    var admin = OperatorAuth.requireAdmin();
    router.get("/api/rota").handler(operatorAuth).handler(this::calendar);
    router.get("/api/rota/me/now").handler(operatorAuth).handler(this::myNow);
    router.get("/api/rota/coverage").handler(operatorAuth).handler(admin).handler(this::coverage);
    router.post("/api/rota/shifts").handler(operatorAuth).handler(admin).handler(this::createShift);
    router
        .put("/api/rota/shifts/:id")
        .handler(operatorAuth)
        .handler(admin)
        .handler(this::updateShift);
    router
        .delete("/api/rota/shifts/:id")
        .handler(operatorAuth)
        .handler(admin)
        .handler(this::deleteShift);
    router
        .post("/api/rota/exceptions")
        .handler(operatorAuth)
        .handler(admin)
        .handler(this::createException);
    router
        .delete("/api/rota/exceptions/:id")
        .handler(operatorAuth)
        .handler(admin)
        .handler(this::deleteException);
  }

  /** {@code from} (a date, today unless given) and {@code days} (7 unless given). */
  private void calendar(RoutingContext ctx) {
    var from = RotaInput.queryDate("from", ctx.queryParams().get("from"));
    int days = QueryParams.intParam(ctx, "days", RotaLimits.DEFAULT_DAYS, 1, RotaLimits.MAX_DAYS);
    service
        .calendar(OperatorAuth.operator(ctx), from, days)
        .onSuccess(rota -> Responses.ok(ctx, rota))
        .onFailure(ctx::fail);
  }

  private void myNow(RoutingContext ctx) {
    service
        .myNow(OperatorAuth.operator(ctx))
        .onSuccess(now -> Responses.ok(ctx, now))
        .onFailure(ctx::fail);
  }

  /** {@code from}: the week's first day (this week's Monday unless given); {@code queue}: one. */
  private void coverage(RoutingContext ctx) {
    var from = RotaInput.queryDate("from", ctx.queryParams().get("from"));
    service
        .coverage(OperatorAuth.operator(ctx), from, queue(ctx))
        .onSuccess(coverage -> Responses.ok(ctx, coverage))
        .onFailure(ctx::fail);
  }

  private void createShift(RoutingContext ctx) {
    var admin = OperatorAuth.operator(ctx);
    var input = JsonInput.body(ctx);
    service
        .today(admin.libraryId())
        .map(today -> RotaInput.shift(input, today))
        .compose(fields -> service.createShift(admin, fields))
        .onSuccess(shift -> Responses.created(ctx, shift.toJson()))
        .onFailure(ctx::fail);
  }

  private void updateShift(RoutingContext ctx) {
    var admin = OperatorAuth.operator(ctx);
    long id = PathParams.id(ctx, "id");
    var input = JsonInput.body(ctx);
    service
        .today(admin.libraryId())
        .map(today -> RotaInput.shift(input, today))
        .compose(fields -> service.updateShift(admin, id, fields))
        .onSuccess(shift -> Responses.ok(ctx, shift.toJson()))
        .onFailure(ctx::fail);
  }

  private void deleteShift(RoutingContext ctx) {
    service
        .deleteShift(OperatorAuth.operator(ctx), PathParams.id(ctx, "id"))
        .onSuccess(done -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private void createException(RoutingContext ctx) {
    var fields = RotaInput.exception(JsonInput.body(ctx));
    service
        .createException(OperatorAuth.operator(ctx), fields)
        .onSuccess(made -> Responses.created(ctx, made.toJson()))
        .onFailure(ctx::fail);
  }

  private void deleteException(RoutingContext ctx) {
    service
        .deleteException(OperatorAuth.operator(ctx), PathParams.id(ctx, "id"))
        .onSuccess(done -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private static Optional<Long> queue(RoutingContext ctx) {
    var raw = ctx.queryParams().get("queue");
    if (raw == null || raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      long id = Long.parseLong(raw);
      if (id > 0) {
        return Optional.of(id);
      }
    } catch (NumberFormatException e) {
      // reported below, like a number out of range
    }
    throw ApiException.invalid("'queue' must be a queue id.");
  }
}
