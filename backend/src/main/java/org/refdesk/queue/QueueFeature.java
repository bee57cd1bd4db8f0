package org.refdesk.queue;

import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Supplier;
import org.refdesk.platform.bridge.BridgeRule;
import org.refdesk.platform.bridge.IdFamilyRule;
import org.refdesk.platform.bus.Identity;
import org.refdesk.platform.config.RefdeskConfig;
import org.refdesk.platform.gateway.Feature;
import org.refdesk.platform.gateway.Wiring;
import org.refdesk.platform.metrics.RefdeskMetrics;
import org.refdesk.platform.web.OperatorGate;

/**
 * Queues: who may monitor which, the order chats wait in (Redis, rebuilt from Postgres by its
 * verticle), the waiting list, and the {@code queue.<id>} events.
 */
public final class QueueFeature implements Feature {

  @Override
  public void mount(Router router, Wiring wiring) {
    new QueueRoutes(repository(wiring), state(wiring))
        .mount(router, wiring.policy(OperatorGate.class));
  }

  @Override
  public List<BridgeRule> bridgeRules(Wiring wiring) {
    return List.of(new QueueEvents(repository(wiring)));
  }

  @Override
  public List<Supplier<? extends Deployable>> verticles(
      RefdeskConfig config, RefdeskMetrics metrics) {
    return List.of(() -> new QueueVerticle(config, metrics));
  }

  public static QueueRepository repository(Wiring wiring) {
    return wiring.once(QueueRepository.class, () -> new QueueRepository(wiring.pool()));
  }

  public static QueueAdminRepository adminRepository(Wiring wiring) {
    return wiring.once(QueueAdminRepository.class, () -> new QueueAdminRepository(wiring.pool()));
  }

  public static QueueState state(Wiring wiring) {
    return wiring.once(QueueState.class, () -> new QueueState(wiring.redis(), wiring.keys()));
  }

  /** {@code queue.<id>}: operators who may monitor the queue. */
  static final class QueueEvents extends IdFamilyRule {

    private final QueueRepository queues;

    QueueEvents(QueueRepository queues) {
      super(QueueAddresses.QUEUE_PREFIX);
      this.queues = queues;
    }

    @Override
    protected Future<Boolean> mayRegister(Identity who, long queueId) {
      return who.isPatron() ? Future.succeededFuture(false) : queues.monitors(who.id(), queueId);
    }
  }
}
