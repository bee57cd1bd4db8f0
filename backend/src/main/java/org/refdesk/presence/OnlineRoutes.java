package org.refdesk.presence;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.refdesk.operator.OperatorAuth;
import org.refdesk.operator.OperatorRepository;
import org.refdesk.operator.OperatorRepository.OperatorWithQueues;
import org.refdesk.platform.web.Responses;

/**
 * "Who's online" for a library admin: each enabled operator of the library with their status, the
 * chats in their hands, their last heartbeat and a scheduled sign-off. Redis being down shows
 * everyone offline rather than failing the page.
 */
final class OnlineRoutes {

  private final PresenceState presence;
  private final OperatorRepository operators;

  OnlineRoutes(PresenceState presence, OperatorRepository operators) {
    this.presence = presence;
    this.operators = operators;
  }

  void mount(Router router, OperatorAuth operatorAuth) {
    router
        .get("/api/admin/online")
        .handler(operatorAuth)
        .handler(OperatorAuth.requireAdmin())
        .handler(this::online);
  }

  private void online(RoutingContext ctx) {
    long libraryId = OperatorAuth.operator(ctx).libraryId();
    operators
        .listInLibrary(libraryId)
        .map(all -> all.stream().filter(o -> !o.operator().disabled()).toList())
        .compose(
            enabled -> {
              var ids = enabled.stream().map(o -> o.operator().id()).toList();
              var statuses = presence.statuses(libraryId).otherwise(Map.of());
              var seen =
                  presence
                      .lastSeen(libraryId, ids)
                      .otherwise(ids.stream().map(id -> (Long) null).toList());
              var inHand = operators.chatsInHand(libraryId);
              var limits = operators.limitsInLibrary(libraryId);
              return Future.all(statuses, seen, inHand, limits)
                  .map(
                      done ->
                          rows(
                              enabled,
                              statuses.result(),
                              seen.result(),
                              inHand.result(),
                              limits.result()));
            })
        .onSuccess(list -> Responses.ok(ctx, new JsonObject().put("operators", list)))
        .onFailure(ctx::fail);
  }

  private static JsonArray rows(
      List<OperatorWithQueues> enabled,
      Map<Long, String> statuses,
      List<Long> seen,
      Map<Long, Long> inHand,
      Map<Long, OperatorRepository.AccountLimits> limits) {
    var list = new JsonArray();
    for (int i = 0; i < enabled.size(); i++) {
      var operator = enabled.get(i).operator();
      var lastSeen = seen.get(i);
      var own = limits.get(operator.id());
      list.add(
          new JsonObject()
              .put("id", operator.id())
              .put("name", operator.displayName())
              .put("role", operator.role())
              .put("status", statuses.getOrDefault(operator.id(), PresenceState.OFFLINE))
              .put("signedIn", lastSeen != null)
              .put(
                  "lastHeartbeat",
                  lastSeen == null ? null : Instant.ofEpochMilli(lastSeen).toString())
              .put("chats", inHand.getOrDefault(operator.id(), 0L))
              .put("maxChats", own == null ? null : own.maxChats())
              .put(
                  "signOffAt",
                  own == null || own.signOffAt() == null
                      ? null
                      : own.signOffAt().toInstant().toString()));
    }
    return list;
  }
}
