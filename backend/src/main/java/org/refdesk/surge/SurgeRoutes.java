package org.refdesk.surge;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.refdesk.operator.OperatorAuth;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.web.Responses;

/** The swamped button, and what arrived while an operator's page was paused. */
final class SurgeRoutes {

  private final SurgeService surge;

  SurgeRoutes(SurgeService surge) {
    this.surge = surge;
  }

  void mount(Router router, OperatorAuth operatorAuth) {
    router.post("/api/surge").handler(operatorAuth).handler(this::callForHelp);
    router.get("/api/surge/arrivals").handler(operatorAuth).handler(this::arrivals);
  }

  private void callForHelp(RoutingContext ctx) {
    surge
        .callForHelp(OperatorAuth.operator(ctx))
        .onSuccess(page -> Responses.ok(ctx, page))
        .onFailure(ctx::fail);
  }

  private void arrivals(RoutingContext ctx) {
    var since = since(ctx.queryParams().get("since"));
    surge
        .arrivalsSince(OperatorAuth.operator(ctx), since)
        .onSuccess(count -> Responses.ok(ctx, count))
        .onFailure(ctx::fail);
  }

  private static Instant since(String raw) {
    try {
      if (raw != null) {
        var since = Instant.parse(raw);
        if (!since.isAfter(Instant.now())) {
          return since;
        }
      }
    } catch (DateTimeParseException e) {
      // reported below, like a missing or future time
    }
    throw ApiException.invalid("'since' must be a time in the past, as ISO 8601 (UTC).");
  }
}
