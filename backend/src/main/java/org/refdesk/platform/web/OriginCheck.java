package org.refdesk.platform.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;

/**
 * Refuses browser requests from pages of other sites. A request without an Origin (curl, a server)
 * passes; so does one from the gateway's own host or from a configured origin.
 */
public final class OriginCheck implements Handler<RoutingContext> {

  private final Set<String> allowed;

  public OriginCheck(List<String> allowedOrigins) {
    this.allowed = Set.copyOf(allowedOrigins);
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (allows(ctx.request())) {
      ctx.next();
    } else {
      ctx.fail(
          new ApiException(
              ErrorCode.ORIGIN_NOT_ALLOWED, "Requests from this site are not allowed."));
    }
  }

  public boolean allows(HttpServerRequest request) {
    return allows(request.getHeader("Origin"), request.getHeader("Host"));
  }

  /** Also used by the bridge, with the headers of the request that opened the socket. */
  public boolean allows(String origin, String host) {
    if (origin == null || allowed.contains(origin)) {
      return true;
    }
    return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
  }
}
