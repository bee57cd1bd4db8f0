package org.refdesk.surge;

import io.vertx.core.Deployable;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Supplier;
import org.refdesk.operator.OperatorFeature;
import org.refdesk.platform.config.RefdeskConfig;
import org.refdesk.platform.gateway.Feature;
import org.refdesk.platform.gateway.Wiring;
import org.refdesk.platform.metrics.RefdeskMetrics;

/**
 * Surge help: the swamped button and the automatic call when chats pour in on a lone operator, both
 * paging colleagues on their own addresses; and the count of chats that arrived while a page was
 * paused.
 */
public final class SurgeFeature implements Feature {

  @Override
  public void mount(Router router, Wiring wiring) {
    new SurgeRoutes(service(wiring)).mount(router, OperatorFeature.auth(wiring));
  }

  @Override
  public List<Supplier<? extends Deployable>> verticles(
      RefdeskConfig config, RefdeskMetrics metrics) {
    return List.of(() -> new SurgeVerticle(config));
  }

  public static SurgeService service(Wiring wiring) {
    return wiring.once(
        SurgeService.class,
        () -> new SurgeService(wiring.vertx(), wiring.pool(), wiring.redis(), wiring.keys()));
  }
}
