package org.refdesk.rota;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.refdesk.library.LibraryAddresses;
import org.refdesk.platform.config.RefdeskConfig;
import org.refdesk.platform.db.Database;
import org.refdesk.platform.redis.RedisClients;
import org.refdesk.platform.redis.RedisKeys;
import org.refdesk.presence.PresenceState;
import org.refdesk.queue.QueueRepository;

/**
 * The empty-shift alert: each tick finds the rostered shifts that have run for the library's {@code
 * emptyShiftAlertMinutes} while nobody who monitors their queue is online, and tells the library's
 * admins on {@code alerts.<libraryId>}. Each occurrence is marked in Postgres by one insert before
 * it is announced, so however many nodes sweep, it is announced once; a shift someone covers is
 * looked at again on the next tick, in case they leave.
 */
public final class EmptyShiftVerticle extends VerticleBase {

  /** The alert's type on the library's alerts address. */
  public static final String EMPTY_SHIFT = "empty-shift";

  /** Whom the alert is for: the apps show it to admins only. */
  static final String ADMINS = "admins";

  private static final Logger log = Logger.getLogger(EmptyShiftVerticle.class.getName());

  private final RefdeskConfig config;
  private Redis redis;
  private RotaRepository rota;
  private QueueRepository queues;
  private PresenceState presence;
  private boolean sweeping;

  public EmptyShiftVerticle(RefdeskConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    var pool = Database.pool(vertx, config);
    redis = RedisClients.create(vertx, config);
    rota = new RotaRepository(pool);
    queues = new QueueRepository(pool);
    presence = new PresenceState(redis, new RedisKeys(config.redisPrefix()));
    vertx.setPeriodic(config.timerTickMillis(), id -> tick());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    return redis.close();
  }

  private void tick() {
    if (sweeping) {
      return;
    }
    sweeping = true;
    sweep()
        .onComplete(
            done -> {
              sweeping = false;
              if (done.failed()) {
                log.fine(
                    "An empty-shift sweep failed and will run again: " + done.cause().getMessage());
              }
            });
  }

  /** Checks each due occurrence in turn; answers how many alerts this node sent. */
  Future<Integer> sweep() {
    return rota.dueForCheck(RotaLimits.EMPTY_SHIFT_ALERT_MINUTES, RotaLimits.SWEEP_BATCH)
        .compose(due -> checkEach(due, 0, 0));
  }

  private Future<Integer> checkEach(List<RotaRepository.DueShift> due, int index, int sent) {
    if (index == due.size()) {
      return Future.succeededFuture(sent);
    }
    var shift = due.get(index);
    return nobodyOnline(shift)
        .compose(empty -> empty ? rota.markAlerted(shift) : Future.succeededFuture(false))
        .map(
            marked -> {
              if (marked) {
                announce(shift);
              }
              return marked ? 1 : 0;
            })
        .compose(one -> checkEach(due, index + 1, sent + one));
  }

  /** Only an operator who monitors the queue and is online counts, as for the widget. */
  private Future<Boolean> nobodyOnline(RotaRepository.DueShift shift) {
    var statuses = presence.statuses(shift.libraryId());
    var members = queues.members(shift.queueId());
    return Future.all(statuses, members)
        .map(
            done -> {
              Map<Long, String> now = statuses.result();
              return members.result().stream()
                  .noneMatch(id -> PresenceState.ONLINE.equals(now.get(id)));
            });
  }

  private void announce(RotaRepository.DueShift shift) {
    vertx
        .eventBus()
        .publish(
            LibraryAddresses.alerts(shift.libraryId()),
            new JsonObject()
                .put("type", EMPTY_SHIFT)
                .put("audience", ADMINS)
                .put("libraryId", shift.libraryId())
                .put("occurrence", shift.occurrence())
                .put(
                    "queue",
                    new JsonObject().put("id", shift.queueId()).put("name", shift.queueName()))
                .put(
                    "operator",
                    new JsonObject()
                        .put("id", shift.operatorId())
                        .put("name", shift.operatorName()))
                .put("date", shift.onDate().toString())
                .put("starts", RotaTimes.text(shift.starts()))
                .put("ends", RotaTimes.text(shift.ends()))
                .put("at", Instant.now().toString()));
  }
}
