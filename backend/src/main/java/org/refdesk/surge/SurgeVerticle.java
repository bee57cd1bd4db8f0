package org.refdesk.surge;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import java.util.logging.Logger;
import org.refdesk.chat.ChatAddresses;
import org.refdesk.platform.config.RefdeskConfig;
import org.refdesk.platform.db.Database;
import org.refdesk.platform.redis.RedisClients;
import org.refdesk.platform.redis.RedisKeys;

/**
 * Hears every chat that starts anywhere in the cluster and counts it towards its library's surge;
 * every node does, and the Redis script lets only one of them page for a window.
 */
public final class SurgeVerticle extends VerticleBase {

  private static final Logger log = Logger.getLogger(SurgeVerticle.class.getName());

  private final RefdeskConfig config;
  private Redis redis;

  public SurgeVerticle(RefdeskConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    redis = RedisClients.create(vertx, config);
    var surge =
        new SurgeService(
            vertx, Database.pool(vertx, config), redis, new RedisKeys(config.redisPrefix()));
    return vertx
        .eventBus()
        .<JsonObject>consumer(
            ChatAddresses.CHAT_STARTED,
            message -> {
              var chat = message.body();
              surge
                  .chatArrived(
                      chat.getLong("libraryId"), chat.getLong("chatId"), chat.getLong("arrivalMs"))
                  .onFailure(failure -> log.fine("Arrival not counted: " + failure.getMessage()));
            })
        .completion();
  }

  @Override
  public Future<?> stop() {
    return redis.close();
  }
}
