package org.refdesk.operator;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.refdesk.auth.Tokens;
import org.refdesk.platform.bus.Identity;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.web.Bearer;
import org.refdesk.platform.web.OperatorGate;

/**
 * Lets a request through only with a valid operator token whose account is still enabled and was
 * not signed off since the token was issued, so disabling or signing off an operator stops their
 * tokens at once rather than when they expire. Who is enabled comes from this event loop's memory,
 * which a disable clears on every node.
 */
public final class OperatorAuth implements OperatorGate {

  private static final String OPERATOR = "refdesk.operator";
  private static final String TOKEN = "refdesk.token";

  private final Tokens tokens;
  private final KnownOperators operators;

  public OperatorAuth(Tokens tokens, KnownOperators operators) {
    this.tokens = tokens;
    this.operators = operators;
  }

  @Override
  public void handle(RoutingContext ctx) {
    tokens
        .verifiedOperator(Bearer.of(ctx))
        .compose(
            token ->
                operators
                    .activeFor(token)
                    .onSuccess(
                        operator -> {
                          if (operator.isEmpty()) {
                            ctx.fail(ApiException.unauthorized());
                          } else {
                            ctx.put(OPERATOR, operator.get());
                            ctx.put(
                                CALLER,
                                Identity.operator(operator.get().id(), operator.get().libraryId()));
                            ctx.put(TOKEN, token);
                            ctx.next();
                          }
                        }))
        .onFailure(ctx::fail);
  }

  /**
   * The enabled operator a token is for, from this event loop's memory; fails with 401 otherwise.
   */
  public Future<Operator> operatorOf(String token) {
    return tokens
        .verifiedOperator(token)
        .compose(operators::activeFor)
        .compose(
            operator ->
                operator.isPresent()
                    ? Future.succeededFuture(operator.get())
                    : Future.failedFuture(ApiException.unauthorized()));
  }

  /** Only for routes behind {@link #requireAdmin()} or this handler. */
  public static Operator operator(RoutingContext ctx) {
    return ctx.get(OPERATOR);
  }

  /** The verified token of the request, for routes behind this handler. */
  public static Tokens.VerifiedToken token(RoutingContext ctx) {
    return ctx.get(TOKEN);
  }

  public static Handler<RoutingContext> requireAdmin() {
    return ctx -> {
      if (operator(ctx).isAdmin()) {
        ctx.next();
      } else {
        ctx.fail(ApiException.forbidden("Only an admin of the library may do this."));
      }
    };
  }
}
