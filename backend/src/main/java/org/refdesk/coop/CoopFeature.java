package org.refdesk.coop;

import io.vertx.core.Deployable;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Supplier;
import org.refdesk.operator.OperatorFeature;
import org.refdesk.platform.config.RefdeskConfig;
import org.refdesk.platform.gateway.Feature;
import org.refdesk.platform.gateway.Wiring;
import org.refdesk.platform.metrics.RefdeskMetrics;
import org.refdesk.presence.PresenceFeature;
import org.refdesk.queue.QueueFeature;

/**
 * Co-ops: libraries answering each other's patrons. Their members and queues, each queue's cascade
 * of routes (followed when a chat starts and by the roll-up's sweep), and the memberships that let
 * {@code ChatVisibility} show a co-op chat to the member libraries' operators.
 */
public final class CoopFeature implements Feature {

  @Override
  public void mount(Router router, Wiring wiring) {
    new CoopRoutes(
            new CoopService(
                wiring.vertx(),
                repository(wiring),
                QueueFeature.repository(wiring),
                membership(wiring)))
        .mount(router, OperatorFeature.auth(wiring));
  }

  @Override
  public List<Object> policies(Wiring wiring) {
    return List.of(membership(wiring));
  }

  @Override
  public List<Supplier<? extends Deployable>> verticles(
      RefdeskConfig config, RefdeskMetrics metrics) {
    return List.of(() -> new RollUpVerticle(config));
  }

  /** Where a chat asked in a queue starts, and whether anyone there is online: for the widget. */
  public static Routing routing(Wiring wiring) {
    return wiring.once(
        Routing.class,
        () ->
            new Routing(
                wiring.vertx(),
                repository(wiring),
                QueueFeature.repository(wiring),
                QueueFeature.state(wiring),
                PresenceFeature.state(wiring)));
  }

  static CoopRepository repository(Wiring wiring) {
    return wiring.once(CoopRepository.class, () -> new CoopRepository(wiring.pool()));
  }

  static CoopMembership membership(Wiring wiring) {
    return wiring.once(
        CoopMembership.class,
        () -> {
          var membership = new CoopMembership(repository(wiring));
          wiring.listenFirst(membership.follow(wiring.vertx().eventBus()));
          return membership;
        });
  }
}
