package org.refdesk.platform.web;

import io.vertx.ext.web.RoutingContext;
import org.refdesk.platform.errors.ApiException;

/** Query parameters read the same way by every route: a bad one is a clear 400, never a 500. */
public final class QueryParams {

  private QueryParams() {}

  /** A whole number from {@code min} to {@code max}; {@code fallback} when absent or empty. */
  public static int intParam(RoutingContext ctx, String name, int fallback, int min, int max) {
    var raw = ctx.queryParams().get(name);
    if (raw == null || raw.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below, like an out-of-range value
    }
    throw ApiException.invalid(
        "'" + name + "' must be a whole number from " + min + " to " + max + ".");
  }
}
