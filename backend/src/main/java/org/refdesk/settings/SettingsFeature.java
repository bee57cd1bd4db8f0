package org.refdesk.settings;

import io.vertx.ext.web.Router;
import org.refdesk.library.LibraryFeature;
import org.refdesk.operator.OperatorFeature;
import org.refdesk.platform.gateway.Feature;
import org.refdesk.platform.gateway.Wiring;

/**
 * The library's thresholds (read by everyone, set by admins) and each operator's own alerts and
 * queues.
 */
public final class SettingsFeature implements Feature {

  @Override
  public void mount(Router router, Wiring wiring) {
    new SettingsRoutes(
            LibraryFeature.repository(wiring),
            OperatorFeature.repository(wiring),
            OperatorFeature.settings(wiring))
        .mount(router, OperatorFeature.auth(wiring));
  }
}
