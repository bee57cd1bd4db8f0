package org.refdesk.queue;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.redis.client.Redis;
import java.util.logging.Logger;
import org.refdesk.platform.config.RefdeskConfig;
import org.refdesk.platform.db.Database;
import org.refdesk.platform.metrics.RefdeskMetrics;
import org.refdesk.platform.redis.RedisClients;
import org.refdesk.platform.redis.RedisKeys;

/**
 * Keeps Redis's queue state built from Postgres: at start, and whenever Redis comes back empty (a
 * restart, a flush, a failover), checked every second.
 */
public final class QueueVerticle extends VerticleBase {

  private static final Logger log = Logger.getLogger(QueueVerticle.class.getName());
  static final long CHECK_INTERVAL_MS = 1000;
  static final long QUEUE_GAUGE_INTERVAL_MS = 5000;

  private final RefdeskConfig config;
  private final RefdeskMetrics metrics;
  private Redis redis;
  private QueueState queues;
  private QueueRepository repository;
  private boolean checking;
  private boolean redisDown;

  public QueueVerticle(RefdeskConfig config, RefdeskMetrics metrics) {
    this.config = config;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    redis = RedisClients.create(vertx, config);
    queues = new QueueState(redis, new RedisKeys(config.redisPrefix()));
    repository = new QueueRepository(Database.pool(vertx, config));
    vertx.setPeriodic(CHECK_INTERVAL_MS, id -> rebuildIfLost());
    vertx.setPeriodic(QUEUE_GAUGE_INTERVAL_MS, id -> measureQueues());
    // A Redis that is down at start is not fatal: the periodic check rebuilds once it answers.
    return rebuild().otherwiseEmpty();
  }

  @Override
  public Future<?> stop() {
    return redis.close();
  }

  private void rebuildIfLost() {
    if (checking) {
      return;
    }
    checking = true;
    queues
        .isBuilt()
        .compose(built -> built ? Future.succeededFuture() : rebuild())
        .onComplete(
            done -> {
              checking = false;
              metrics.redisUp(done.succeeded());
              if (done.failed() && !redisDown) {
                redisDown = true;
                log.warning(
                    "Redis is not answering ("
                        + done.cause().getMessage()
                        + "); queue state will be rebuilt when it does");
              } else if (done.succeeded()) {
                redisDown = false;
              }
            });
  }

  private void measureQueues() {
    repository
        .all()
        .onSuccess(
            all ->
                all.forEach(
                    queue ->
                        queues
                            .waitingCount(queue.id())
                            .onSuccess(count -> metrics.waiting(queue.slug(), count))));
  }

  private Future<Void> rebuild() {
    return queues
        .rebuild(repository)
        .onSuccess(count -> log.info("Queue state rebuilt from Postgres (" + count + " entries)"))
        .mapEmpty();
  }
}
