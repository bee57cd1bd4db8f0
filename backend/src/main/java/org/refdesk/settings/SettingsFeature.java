package org.refdesk.settings;

import io.vertx.ext.web.Router;
import org.refdesk.auth.AuthFeature;
import org.refdesk.library.LibraryFeature;
import org.refdesk.operator.OperatorFeature;
import org.refdesk.platform.gateway.Feature;
import org.refdesk.platform.gateway.Wiring;
import org.refdesk.queue.QueueFeature;

/**
 * The library's thresholds (read by everyone, set by admins) and each operator's own alerts and
 * queues; the admin pages' libraries and queues, which need the operator feature's gate and so
 * cannot live in the packages below it.
 */
public final class SettingsFeature implements Feature {

  @Override
  public void mount(Router router, Wiring wiring) {
    new SettingsRoutes(
            LibraryFeature.repository(wiring),
            OperatorFeature.repository(wiring),
            OperatorFeature.settings(wiring))
        .mount(router, OperatorFeature.auth(wiring));
    new QueueAdminRoutes(QueueFeature.adminRepository(wiring))
        .mount(router, OperatorFeature.auth(wiring));
    new LibraryAdminRoutes(
            wiring.pool(),
            LibraryFeature.repository(wiring),
            OperatorFeature.repository(wiring),
            AuthFeature.passwords(wiring))
        .mount(router, OperatorFeature.auth(wiring));
  }
}
