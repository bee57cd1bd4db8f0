package org.refdesk.rota;

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
 * The rota: weekly shifts per queue and operator with one-off exceptions, the calendar, each
 * operator's current shift for the app's shift prompts, the coverage, and the empty-shift alert.
 */
public final class RotaFeature implements Feature {

  @Override
  public void mount(Router router, Wiring wiring) {
    var service = new RotaService(wiring.vertx(), new RotaRepository(wiring.pool()));
    new RotaRoutes(service).mount(router, OperatorFeature.auth(wiring));
  }

  @Override
  public List<Supplier<? extends Deployable>> verticles(
      RefdeskConfig config, RefdeskMetrics metrics) {
    return List.of(() -> new EmptyShiftVerticle(config));
  }
}
