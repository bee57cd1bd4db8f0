package org.refdesk.platform.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** The token a request carries in {@code Authorization: Bearer}, whoever it is for. */
public final class Bearer {

  private Bearer() {}

  /** The token, or null when the request has none. */
  public static String of(RoutingContext ctx) {
    var header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return header.substring(7).strip();
  }
}
