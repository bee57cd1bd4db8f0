package org.refdesk.operator;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Map;
import org.refdesk.auth.PasswordPolicy;
import org.refdesk.auth.Passwords;
import org.refdesk.operator.OperatorRepository.AccountLimits;
import org.refdesk.operator.OperatorRepository.NewOperator;
import org.refdesk.operator.OperatorRepository.OperatorWithQueues;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;
import org.refdesk.platform.web.JsonInput;
import org.refdesk.platform.web.PathParams;
import org.refdesk.platform.web.Responses;

/** An admin manages the operators of their own library, and no other. */
public final class AdminOperatorRoutes {

  private final OperatorRepository operators;
  private final Passwords passwords;

  public AdminOperatorRoutes(OperatorRepository operators, Passwords passwords) {
    this.operators = operators;
    this.passwords = passwords;
  }

  public void mount(Router router, OperatorAuth operatorAuth) {
    var admin = OperatorAuth.requireAdmin();
    router.post("/api/admin/operators").handler(operatorAuth).handler(admin).handler(this::create);
    router.get("/api/admin/operators").handler(operatorAuth).handler(admin).handler(this::list);
    router
        .post("/api/admin/operators/:id/disable")
        .handler(operatorAuth)
        .handler(admin)
        .handler(this::disable);
  }

  private void create(RoutingContext ctx) {
    var admin = OperatorAuth.operator(ctx);
    var input = JsonInput.body(ctx);
    var username =
        input
            .matching("username", OperatorLimits.USERNAME, OperatorLimits.USERNAME_RULE)
            .toLowerCase(Locale.ROOT);
    var displayName = input.requiredText("displayName", 80);
    var password =
        input.requiredSecret("password", PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH);
    var role = input.oneOf("role", Roles.ALL);
    if (!Roles.mayGrant(admin, role)) {
      throw ApiException.forbidden("Only a system admin may make another system admin.");
    }
    var queues = input.textList("queues", 100, 63);
    passwords
        .refusal(password, username, displayName)
        .compose(
            refusal ->
                refusal.isEmpty()
                    ? passwords.hash(password)
                    : Future.failedFuture(
                        ApiException.invalid("'password' is refused: " + refusal.get())))
        .compose(
            hash ->
                operators.create(
                    new NewOperator(admin.libraryId(), username, displayName, hash, role, queues),
                    admin.id()))
        .onSuccess(created -> Responses.created(ctx, created.toJson()))
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    long libraryId = OperatorAuth.operator(ctx).libraryId();
    var all = operators.listInLibrary(libraryId);
    var limits = operators.limitsInLibrary(libraryId);
    Future.all(all, limits)
        .onSuccess(
            done -> {
              var list = new JsonArray();
              all.result().forEach(o -> list.add(withLimits(o, limits.result())));
              Responses.ok(ctx, new JsonObject().put("operators", list));
            })
        .onFailure(ctx::fail);
  }

  /** The admin's view of an account: its details, queues, capacity and scheduled sign-off. */
  static JsonObject withLimits(OperatorWithQueues operator, Map<Long, AccountLimits> limits) {
    var own = limits.get(operator.operator().id());
    return operator
        .toJson()
        .put("maxChats", own == null ? null : own.maxChats())
        .put(
            "signOffAt",
            own == null || own.signOffAt() == null ? null : own.signOffAt().toInstant().toString());
  }

  private void disable(RoutingContext ctx) {
    var admin = OperatorAuth.operator(ctx);
    long id = PathParams.id(ctx, "id");
    if (id == admin.id()) {
      throw new ApiException(
          ErrorCode.CONFLICT, "You cannot disable your own account; ask another admin.");
    }
    operators
        .disable(admin.libraryId(), id, admin.id())
        .onSuccess(
            disabled -> {
              if (disabled.isEmpty()) {
                ctx.fail(ApiException.notFound("There is no such operator in your library."));
              } else {
                // This node refuses the operator from now on; every node closes their open sockets.
                KnownOperators.markDisabled(ctx.vertx(), id);
                ctx.vertx()
                    .eventBus()
                    .publish(
                        OperatorAddresses.OPERATOR_DISABLED,
                        new JsonObject().put("operatorId", id));
                Responses.ok(ctx, disabled.get().details());
              }
            })
        .onFailure(ctx::fail);
  }
}
