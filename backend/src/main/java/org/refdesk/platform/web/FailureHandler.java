package org.refdesk.platform.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;

/**
 * The one place every failed request ends: it answers {@code {"error":{"code","message"}}} with the
 * status the failure carries, and a 500 says nothing about internals (the log has the details).
 */
public final class FailureHandler implements Handler<RoutingContext> {

  private static final Logger log = Logger.getLogger(FailureHandler.class.getName());

  @Override
  public void handle(RoutingContext ctx) {
    var error = toApiException(ctx.failure(), ctx.statusCode());
    if (error.code() == ErrorCode.INTERNAL) {
      // The path only: query strings can carry tokens.
      log.log(
          Level.SEVERE,
          "Request failed: " + ctx.request().method() + " " + ctx.request().path(),
          ctx.failure());
    }
    var response = ctx.response();
    if (response.headWritten()) {
      response.reset();
      return;
    }
    if (error.code() == ErrorCode.PAYLOAD_TOO_LARGE) {
      UnreadBodies.discardTheRest(ctx.request());
    }
    if (error.code() == ErrorCode.UNAUTHORIZED) {
      response.putHeader("WWW-Authenticate", "Bearer realm=\"refdesk\"");
    }
    response
        .setStatusCode(error.code().status())
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(error.toJson().encode());
  }

  static ApiException toApiException(Throwable failure, int status) {
    if (failure instanceof ApiException api) {
      return api;
    }
    if (failure == null && status > 0) {
      var code = ErrorCode.fromStatus(status);
      return new ApiException(code, messageFor(code));
    }
    return new ApiException(ErrorCode.INTERNAL, messageFor(ErrorCode.INTERNAL));
  }

  private static String messageFor(ErrorCode code) {
    return switch (code) {
      case NOT_FOUND -> "There is nothing here.";
      case METHOD_NOT_ALLOWED -> "This address does not take that method.";
      case PAYLOAD_TOO_LARGE -> "The request body is too large.";
      case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json.";
      case UNAUTHORIZED -> "Sign in again: the token is missing, expired or not valid.";
      case FORBIDDEN -> "You may not do this.";
      case INVALID, BAD_JSON -> "The request is not valid.";
      case RATE_LIMITED -> "Too many requests; try again shortly.";
      case UNAVAILABLE -> "The service is not ready; try again shortly.";
      default -> "Something went wrong on our side. It has been logged.";
    };
  }
}
