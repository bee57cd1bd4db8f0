package org.refdesk.operator;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.refdesk.operator.OperatorRepository.OperatorChange;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;
import org.refdesk.platform.web.JsonInput;
import org.refdesk.platform.web.PathParams;
import org.refdesk.platform.web.Responses;

/**
 * What an admin changes on an operator of their own library after creating them: name, role,
 * capacity and queues, enabling a disabled account, signing them off now or at a set time; and an
 * operator's own scheduled sign-off.
 */
final class OperatorAccountRoutes {

  private final OperatorRepository operators;

  OperatorAccountRoutes(OperatorRepository operators) {
    this.operators = operators;
  }

  void mount(Router router, OperatorAuth operatorAuth) {
    var admin = OperatorAuth.requireAdmin();
    router.put("/api/admin/operators/:id").handler(operatorAuth).handler(admin).handler(this::edit);
    router
        .post("/api/admin/operators/:id/enable")
        .handler(operatorAuth)
        .handler(admin)
        .handler(this::enable);
    router
        .post("/api/admin/operators/:id/sign-off")
        .handler(operatorAuth)
        .handler(admin)
        .handler(this::signOffNow);
    router
        .put("/api/admin/operators/:id/sign-off-at")
        .handler(operatorAuth)
        .handler(admin)
        .handler(this::scheduleFor);
    router
        .put("/api/admin/sign-off-at")
        .handler(operatorAuth)
        .handler(admin)
        .handler(this::scheduleForEveryone);
    router.put("/api/me/sign-off-at").handler(operatorAuth).handler(this::scheduleOwn);
  }

  /**
   * Any of {@code displayName}, {@code role}, {@code maxChats} (null: no limit), {@code queues}.
   */
  private void edit(RoutingContext ctx) {
    var admin = OperatorAuth.operator(ctx);
    long id = PathParams.id(ctx, "id");
    var input = JsonInput.body(ctx);
    var json = input.json();
    var displayName =
        json.containsKey("displayName")
            ? input.requiredText("displayName", OperatorLimits.DISPLAY_NAME_CHARS)
            : null;
    var role = json.containsKey("role") ? input.oneOf("role", Roles.ALL) : null;
    var setsMaxChats = json.containsKey("maxChats");
    var maxChats = setsMaxChats ? maxChats(json.getValue("maxChats")) : null;
    List<String> queues =
        json.containsKey("queues")
            ? input.textList("queues", OperatorLimits.MAX_QUEUES, OperatorLimits.QUEUE_SLUG_CHARS)
            : null;
    if (json.containsKey("queues") && json.getValue("queues") == null) {
      throw ApiException.invalid("'queues' must be a list of queue slugs.");
    }
    if (role != null && !Roles.mayGrant(admin, role)) {
      throw ApiException.forbidden("Only a system admin may make another system admin.");
    }
    var change = new OperatorChange(displayName, role, setsMaxChats, maxChats, queues);
    operators
        .findInLibrary(admin.libraryId(), id)
        .compose(
            found -> {
              if (found.isEmpty()) {
                return Future.failedFuture(notHere());
              }
              var target = found.get();
              if (role != null && !role.equals(target.role())) {
                if (target.id() == admin.id()) {
                  return Future.failedFuture(
                      new ApiException(
                          ErrorCode.CONFLICT,
                          "You cannot change your own role; ask another admin."));
                }
                if (target.isSystemAdmin() && !admin.isSystemAdmin()) {
                  return Future.failedFuture(
                      ApiException.forbidden("Only a system admin may change a system admin."));
                }
              }
              return operators.update(admin.libraryId(), id, change, admin.id());
            })
        .compose(
            updated ->
                updated.isPresent() ? withLimits(updated.get()) : Future.failedFuture(notHere()))
        .onSuccess(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private Future<JsonObject> withLimits(OperatorRepository.OperatorWithQueues operator) {
    return operators
        .limitsInLibrary(operator.operator().libraryId())
        .map(limits -> AdminOperatorRoutes.withLimits(operator, limits));
  }

  private static Integer maxChats(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number n)
        || n.doubleValue() != n.longValue()
        || n.longValue() < OperatorLimits.MIN_CHATS
        || n.longValue() > OperatorLimits.MAX_CHATS) {
      throw ApiException.invalid(
          "'maxChats' must be a whole number from "
              + OperatorLimits.MIN_CHATS
              + " to "
              + OperatorLimits.MAX_CHATS
              + ", or null for no limit.");
    }
    return n.intValue();
  }

  private void enable(RoutingContext ctx) {
    var admin = OperatorAuth.operator(ctx);
    long id = PathParams.id(ctx, "id");
    operators
        .enable(admin.libraryId(), id, admin.id())
        .onSuccess(
            enabled -> {
              if (enabled.isEmpty()) {
                ctx.fail(notHere());
                return;
              }
              KnownOperators.markEnabled(ctx.vertx(), id);
              ctx.vertx()
                  .eventBus()
                  .publish(
                      OperatorAddresses.OPERATOR_ENABLED, new JsonObject().put("operatorId", id));
              Responses.ok(ctx, enabled.get().details());
            })
        .onFailure(ctx::fail);
  }

  /** Refuses every token the operator holds, closes their sockets and sets them offline. */
  private void signOffNow(RoutingContext ctx) {
    var admin = OperatorAuth.operator(ctx);
    long id = PathParams.id(ctx, "id");
    if (id == admin.id()) {
      throw new ApiException(
          ErrorCode.CONFLICT, "To sign yourself off, use Sign out in the header.");
    }
    operators
        .signOff(admin.libraryId(), id, admin.id())
        .onSuccess(
            signedOff -> {
              if (signedOff.isEmpty()) {
                ctx.fail(notHere());
                return;
              }
              SignOffs.announce(ctx.vertx(), signedOff.get());
              Responses.ok(
                  ctx,
                  new JsonObject()
                      .put("operatorId", id)
                      .put("signedOffAt", Instant.ofEpochMilli(signedOff.get().atMs()).toString()));
            })
        .onFailure(ctx::fail);
  }

  private void scheduleFor(RoutingContext ctx) {
    var admin = OperatorAuth.operator(ctx);
    long id = PathParams.id(ctx, "id");
    var at = signOffAt(JsonInput.body(ctx).json());
    operators
        .scheduleSignOff(admin.libraryId(), id, at.orElse(null))
        .onSuccess(
            found -> {
              if (found) {
                Responses.ok(ctx, scheduled(id, at));
              } else {
                ctx.fail(notHere());
              }
            })
        .onFailure(ctx::fail);
  }

  /** "Sign everyone off at 22:00": every enabled operator of the library, the admin included. */
  private void scheduleForEveryone(RoutingContext ctx) {
    var admin = OperatorAuth.operator(ctx);
    var at = signOffAt(JsonInput.body(ctx).json());
    operators
        .scheduleLibrarySignOff(admin.libraryId(), at.orElse(null))
        .onSuccess(
            count ->
                Responses.ok(
                    ctx,
                    new JsonObject()
                        .put("operators", count)
                        .put("signOffAt", at.map(OffsetDateTime::toString).orElse(null))))
        .onFailure(ctx::fail);
  }

  private void scheduleOwn(RoutingContext ctx) {
    var me = OperatorAuth.operator(ctx);
    var at = signOffAt(JsonInput.body(ctx).json());
    operators
        .scheduleSignOff(me.libraryId(), me.id(), at.orElse(null))
        .onSuccess(found -> Responses.ok(ctx, scheduled(me.id(), at)))
        .onFailure(ctx::fail);
  }

  private static JsonObject scheduled(long operatorId, Optional<OffsetDateTime> at) {
    return new JsonObject()
        .put("operatorId", operatorId)
        .put("signOffAt", at.map(t -> t.toInstant().toString()).orElse(null));
  }

  /** {@code at}: an ISO instant in the coming two weeks, or null to cancel. */
  private static Optional<OffsetDateTime> signOffAt(JsonObject body) {
    if (!body.containsKey("at")) {
      throw ApiException.invalid("'at' is required: a time, or null to cancel the sign-off.");
    }
    var value = body.getValue("at");
    if (value == null) {
      return Optional.empty();
    }
    var rule =
        "'at' must be a time with its offset (such as 2026-05-04T22:00:00Z) in the next "
            + OperatorLimits.SIGN_OFF_AHEAD.toDays()
            + " days, or null to cancel.";
    if (!(value instanceof String text)) {
      throw ApiException.invalid(rule);
    }
    OffsetDateTime at;
    try {
      at = OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(rule);
    }
    var now = Instant.now();
    if (!at.toInstant().isAfter(now)
        || at.toInstant().isAfter(now.plus(OperatorLimits.SIGN_OFF_AHEAD))) {
      throw ApiException.invalid(rule);
    }
    return Optional.of(at.withOffsetSameInstant(ZoneOffset.UTC));
  }

  private static ApiException notHere() {
    return ApiException.notFound("There is no such operator in your library.");
  }
}
