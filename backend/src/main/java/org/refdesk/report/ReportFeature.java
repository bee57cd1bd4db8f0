package org.refdesk.report;

import io.vertx.ext.web.Router;
import org.refdesk.platform.gateway.Feature;
import org.refdesk.platform.gateway.Wiring;
import org.refdesk.platform.web.OperatorGate;

/**
 * Reports: the library's chats, waits, outcomes, tags, ratings and statistics entries over a range
 * of days, as figures for the reports page and as CSV downloads.
 */
public final class ReportFeature implements Feature {

  @Override
  public void mount(Router router, Wiring wiring) {
    var service =
        wiring.once(
            ReportService.class, () -> new ReportService(new ReportRepository(wiring.pool())));
    new ReportRoutes(service).mount(router, wiring.policy(OperatorGate.class));
  }
}
