package org.refdesk.platform.web;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes JSON answers. */
public final class Responses {

  private Responses() {}

  public static Future<Void> json(RoutingContext ctx, int status, Object body) {
    return ctx.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .end(body instanceof JsonObject json ? json.encode() : Json.encode(body));
  }

  public static Future<Void> ok(RoutingContext ctx, Object body) {
    return json(ctx, 200, body);
  }

  public static Future<Void> created(RoutingContext ctx, Object body) {
    return json(ctx, 201, body);
  }

  public static Future<Void> noContent(RoutingContext ctx) {
    return ctx.response().setStatusCode(204).end();
  }
}
