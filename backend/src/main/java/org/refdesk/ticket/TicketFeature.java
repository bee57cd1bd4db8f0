package org.refdesk.ticket;

import io.vertx.ext.web.Router;
import java.util.List;
import org.refdesk.chat.ChatFeature;
import org.refdesk.platform.gateway.Feature;
import org.refdesk.platform.gateway.Wiring;
import org.refdesk.platform.web.OperatorGate;

/**
 * Follow-up tickets: what could not be finished in the chat, answered by e-mail through the mail
 * outbox.
 */
public final class TicketFeature implements Feature {

  @Override
  public void mount(Router router, Wiring wiring) {
    new TicketRoutes(service(wiring)).mount(router, wiring.policy(OperatorGate.class));
  }

  @Override
  public List<Object> policies(Wiring wiring) {
    return List.of(new TicketLimits());
  }

  public static TicketService service(Wiring wiring) {
    return wiring.once(
        TicketService.class,
        () ->
            new TicketService(
                new TicketRepository(wiring.pool()),
                ChatFeature.visibility(wiring),
                ChatFeature.repository(wiring),
                ChatFeature.lifecycle(wiring)));
  }
}
