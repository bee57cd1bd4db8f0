package org.refdesk.coop;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.redis.client.Redis;
import java.util.logging.Logger;
import org.refdesk.platform.config.RefdeskConfig;
import org.refdesk.platform.db.Database;
import org.refdesk.platform.redis.RedisClients;
import org.refdesk.platform.redis.RedisKeys;
import org.refdesk.presence.PresenceState;
import org.refdesk.queue.QueueRepository;
import org.refdesk.queue.QueueState;

/**
 * The roll-up's sweep, on the shift clock's tick: every node runs it, and the one statement that
 * moves due chats moves each once however many sweep at the same moment.
 */
final class RollUpVerticle extends VerticleBase {

  private static final Logger log = Logger.getLogger(RollUpVerticle.class.getName());

  private final RefdeskConfig config;
  private Redis redis;
  private Routing routing;
  private boolean sweeping;

  RollUpVerticle(RefdeskConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    var pool = Database.pool(vertx, config);
    redis = RedisClients.create(vertx, config);
    var keys = new RedisKeys(config.redisPrefix());
    routing =
        new Routing(
            vertx,
            new CoopRepository(pool),
            new QueueRepository(pool),
            new QueueState(redis, keys),
            new PresenceState(redis, keys));
    vertx.setPeriodic(config.timerTickMillis(), id -> sweep());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    return redis.close();
  }

  private void sweep() {
    if (sweeping) {
      return;
    }
    sweeping = true;
    routing
        .rollUp()
        .onComplete(
            done -> {
              sweeping = false;
              if (done.failed()) {
                log.fine("A roll-up sweep failed and will run again: " + done.cause().getMessage());
              }
            });
  }
}
