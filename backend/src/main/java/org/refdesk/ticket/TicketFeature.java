package org.refdesk.ticket;

import io.vertx.ext.web.Router;
import java.util.List;
import org.refdesk.auth.AuthFeature;
import org.refdesk.chat.ChatFeature;
import org.refdesk.platform.gateway.Feature;
import org.refdesk.platform.gateway.Wiring;
import org.refdesk.platform.web.OperatorGate;

/**
 * Follow-up tickets: what could not be finished in the chat, answered by e-mail through the mail
 * outbox; patrons leave questions in the widget and answer through a signed link.
 */
public final class TicketFeature implements Feature {

  @Override
  public void mount(Router router, Wiring wiring) {
    new TicketRoutes(service(wiring)).mount(router, wiring.policy(OperatorGate.class));
    new PatronTicketRoutes(patrons(wiring)).mount(router);
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
                repository(wiring),
                ChatFeature.visibility(wiring),
                ChatFeature.repository(wiring),
                ChatFeature.lifecycle(wiring),
                replyLinks(wiring)));
  }

  /** The patron's side: questions left in the widget and answers through the reply link. */
  public static PatronTickets patrons(Wiring wiring) {
    return wiring.once(
        PatronTickets.class, () -> new PatronTickets(repository(wiring), replyLinks(wiring)));
  }

  private static TicketRepository repository(Wiring wiring) {
    return wiring.once(TicketRepository.class, () -> new TicketRepository(wiring.pool()));
  }

  private static ReplyLinks replyLinks(Wiring wiring) {
    return wiring.once(
        ReplyLinks.class,
        () -> new ReplyLinks(AuthFeature.links(wiring), wiring.config().publicUrl()));
  }
}
