package org.refdesk.canned;

import io.vertx.ext.web.Router;
import org.refdesk.operator.OperatorFeature;
import org.refdesk.platform.gateway.Feature;
import org.refdesk.platform.gateway.Wiring;

/** Canned messages: the library's and each operator's own ready answers. */
public final class CannedFeature implements Feature {

  @Override
  public void mount(Router router, Wiring wiring) {
    new CannedRoutes(new CannedRepository(wiring.pool())).mount(router, OperatorFeature.auth(wiring));
  }
}
