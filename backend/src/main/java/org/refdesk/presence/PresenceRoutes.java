package org.refdesk.presence;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import org.refdesk.operator.OperatorRepository;
import org.refdesk.platform.web.OperatorGate;
import org.refdesk.platform.web.Responses;

/** Who of the library is on, and how: the operators' list beside the queues. */
final class PresenceRoutes {

  private final PresenceState presence;
  private final OperatorRepository operators;

  PresenceRoutes(PresenceState presence, OperatorRepository operators) {
    this.presence = presence;
    this.operators = operators;
  }

  void mount(Router router, OperatorGate gate) {
    router.get("/api/presence").handler(gate).handler(this::presence);
  }

  private void presence(RoutingContext ctx) {
    long libraryId = OperatorGate.caller(ctx).libraryId();
    var statuses = presence.statuses(libraryId).otherwise(Map.of());
    var everyone = operators.listInLibrary(libraryId);
    Future.all(statuses, everyone)
        .onSuccess(
            done -> {
              var list = new JsonArray();
              everyone.result().stream()
                  .filter(o -> !o.operator().disabled())
                  .forEach(
                      o ->
                          list.add(
                              new JsonObject()
                                  .put("id", o.operator().id())
                                  .put("name", o.operator().displayName())
                                  .put(
                                      "status",
                                      statuses
                                          .result()
                                          .getOrDefault(
                                              o.operator().id(), PresenceState.OFFLINE))));
              Responses.ok(ctx, new JsonObject().put("operators", list));
            })
        .onFailure(ctx::fail);
  }
}
