package org.refdesk.platform.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.TimeUnit;

/** {@code /health}: the process answers. {@code /ready}: it can also reach Postgres and Redis. */
public final class HealthRoutes {

  private static final long CHECK_TIMEOUT_MS = 2000;

  private final Pool pool;
  private final Redis redis;

  public HealthRoutes(Pool pool, Redis redis) {
    this.pool = pool;
    this.redis = redis;
  }

  public void mount(Router router) {
    router.get("/health").handler(ctx -> Responses.ok(ctx, new JsonObject().put("status", "up")));
    router.get("/ready").handler(this::ready);
  }

  private void ready(RoutingContext ctx) {
    var postgres = probe(pool.query("SELECT 1").execute());
    var redisUp = probe(redis.send(Request.cmd(Command.PING)));
    Future.all(postgres, redisUp)
        .onComplete(
            done -> {
              boolean ready = postgres.result() && redisUp.result();
              var body =
                  new JsonObject()
                      .put("status", ready ? "ready" : "unavailable")
                      .put("postgres", postgres.result() ? "up" : "down")
                      .put("redis", redisUp.result() ? "up" : "down");
              Responses.json(ctx, ready ? 200 : 503, body);
            });
  }

  private static Future<Boolean> probe(Future<?> check) {
    return check.timeout(CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS).map(v -> true).otherwise(false);
  }
}
