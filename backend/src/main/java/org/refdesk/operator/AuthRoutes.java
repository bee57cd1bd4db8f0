package org.refdesk.operator;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import org.refdesk.auth.LoginThrottle;
import org.refdesk.auth.Passwords;
import org.refdesk.auth.RevokedTokens;
import org.refdesk.auth.Tokens;
import org.refdesk.library.LibraryRepository;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;
import org.refdesk.platform.web.ClientAddress;
import org.refdesk.platform.web.JsonInput;
import org.refdesk.platform.web.Responses;

/** Operator sign-in and "who am I". */
public final class AuthRoutes {

  private final Tokens tokens;
  private final Passwords passwords;
  private final LoginThrottle throttle;
  private final OperatorRepository operators;
  private final LibraryRepository libraries;
  private final ClientAddress clientAddress;
  private final RevokedTokens revoked;
  private final JsonObject limits;

  public AuthRoutes(
      Tokens tokens,
      Passwords passwords,
      LoginThrottle throttle,
      OperatorRepository operators,
      LibraryRepository libraries,
      ClientAddress clientAddress,
      RevokedTokens revoked,
      JsonObject limits) {
    this.revoked = revoked;
    this.limits = limits;
    this.tokens = tokens;
    this.passwords = passwords;
    this.throttle = throttle;
    this.operators = operators;
    this.libraries = libraries;
    this.clientAddress = clientAddress;
  }

  public void mount(Router router, OperatorAuth operatorAuth) {
    router.post("/api/auth/login").handler(this::login);
    router.post("/api/auth/logout").handler(operatorAuth).handler(this::logout);
    router.get("/api/me").handler(operatorAuth).handler(this::me);
  }

  private void login(RoutingContext ctx) {
    var input = JsonInput.body(ctx);
    var username = input.requiredText("username", 100).toLowerCase(Locale.ROOT);
    var password = input.requiredSecret("password", 1, 200);
    var ip = clientAddress.of(ctx.request());
    throttle
        .reserve(username, ip)
        .compose(allowed -> operators.findForLogin(username))
        .compose(
            found ->
                passwords
                    .verify(password, found.map(c -> c.passwordHash()).orElse(null))
                    .compose(
                        matches -> {
                          if (!matches || found.get().operator().disabled()) {
                            // One answer for an unknown user, a wrong password and a disabled
                            // account.
                            return Future.failedFuture(
                                new ApiException(
                                    ErrorCode.UNAUTHORIZED,
                                    "The username or password is not right."));
                          }
                          var operator = found.get().operator();
                          return throttle
                              .reset(username, ip)
                              .map(
                                  v ->
                                      new JsonObject()
                                          .put(
                                              "token",
                                              tokens.issueOperator(
                                                  operator.id(), operator.libraryId()))
                                          .put("operator", operator.summary()));
                        }))
        .onSuccess(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  /** Revokes the token this request carries, on every node, and closes the sockets it opened. */
  private void logout(RoutingContext ctx) {
    revoked
        .revoke(ctx.vertx().eventBus(), OperatorAuth.token(ctx))
        .onSuccess(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private void me(RoutingContext ctx) {
    var operator = OperatorAuth.operator(ctx);
    var library = libraries.find(operator.libraryId());
    var settings = libraries.settings(operator.libraryId());
    var queues = operators.queuesOf(operator.id());
    Future.all(library, settings, queues)
        .onSuccess(
            done -> {
              var queueList = new JsonArray();
              queues.result().forEach(q -> queueList.add(q.toJson()));
              Responses.ok(
                  ctx,
                  new JsonObject()
                      .put("operator", operator.details())
                      .put(
                          "library",
                          library
                              .result()
                              .map(l -> l.toJson().put("settings", settings.result()))
                              .orElse(null))
                      .put("queues", queueList)
                      .put("limits", limits));
            })
        .onFailure(ctx::fail);
  }
}
