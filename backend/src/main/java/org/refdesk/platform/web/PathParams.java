package org.refdesk.platform.web;

import io.vertx.ext.web.RoutingContext;
import org.refdesk.platform.errors.ApiException;

/** Typed path parameters; a malformed id is a 404, as an id that does not exist would be. */
public final class PathParams {

  private PathParams() {}

  public static long id(RoutingContext ctx, String name) {
    var raw = ctx.pathParam(name);
    try {
      long id = Long.parseLong(raw);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // falls through to the same answer as an unknown id
    }
    throw ApiException.notFound("There is nothing with that id.");
  }
}
