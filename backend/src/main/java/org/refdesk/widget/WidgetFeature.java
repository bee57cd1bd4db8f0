package org.refdesk.widget;

import io.vertx.ext.web.Router;
import org.refdesk.auth.AuthFeature;
import org.refdesk.chat.ChatFeature;
import org.refdesk.coop.CoopFeature;
import org.refdesk.platform.gateway.Feature;
import org.refdesk.platform.gateway.Wiring;
import org.refdesk.queue.QueueFeature;
import org.refdesk.ticket.TicketFeature;

/**
 * What the patron's widget calls: a queue's description, starting and ending a chat; no account.
 */
public final class WidgetFeature implements Feature {

  @Override
  public void mountPublic(Router router, Wiring wiring) {
    routes(wiring).mountPublic(router);
  }

  @Override
  public void mount(Router router, Wiring wiring) {
    routes(wiring).mount(router);
  }

  private static WidgetRoutes routes(Wiring wiring) {
    return wiring.once(
        WidgetRoutes.class,
        () ->
            new WidgetRoutes(
                ChatFeature.repository(wiring),
                ChatFeature.lifecycle(wiring),
                QueueFeature.repository(wiring),
                QueueFeature.state(wiring),
                AuthFeature.tokens(wiring),
                wiring.clientAddress(),
                wiring.redis(),
                wiring.keys(),
                wiring.config().chatStartsPerAddress(),
                wiring.originCheck(),
                TicketFeature.patrons(wiring),
                CoopFeature.routing(wiring)));
  }
}
