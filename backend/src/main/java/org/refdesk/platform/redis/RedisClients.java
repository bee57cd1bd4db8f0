package org.refdesk.platform.redis;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import org.refdesk.platform.config.RefdeskConfig;

/**
 * Opens the configured Redis. The client pools its connections and opens new ones as they are
 * needed, so after Redis restarts the next command simply connects again.
 */
public final class RedisClients {

  private RedisClients() {}

  public static Redis create(Vertx vertx, RefdeskConfig config) {
    return Redis.createClient(
        vertx, new RedisOptions().setConnectionString(config.redisUrl().orElseThrow()));
  }
}
