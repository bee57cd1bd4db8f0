package org.refdesk.operator;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.regex.Pattern;
import org.refdesk.auth.PasswordPolicy;
import org.refdesk.auth.Passwords;
import org.refdesk.operator.OperatorRepository.NewOperator;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;
import org.refdesk.platform.web.JsonInput;
import org.refdesk.platform.web.PathParams;
import org.refdesk.platform.web.Responses;

/** An admin manages the operators of their own library, and no other. */
public final class AdminOperatorRoutes {

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");

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
            .matching(
                "username",
                USERNAME,
                "must be 3 to 40 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit")
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
    operators
        .listInLibrary(OperatorAuth.operator(ctx).libraryId())
        .onSuccess(
            all -> {
              var list = new JsonArray();
              all.forEach(o -> list.add(o.toJson()));
              Responses.ok(ctx, new JsonObject().put("operators", list));
            })
        .onFailure(ctx::fail);
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
