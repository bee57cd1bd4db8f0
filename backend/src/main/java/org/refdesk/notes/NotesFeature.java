package org.refdesk.notes;

import io.vertx.ext.web.Router;
import org.refdesk.chat.ChatFeature;
import org.refdesk.faq.FaqFeature;
import org.refdesk.library.LibraryFeature;
import org.refdesk.operator.OperatorFeature;
import org.refdesk.platform.gateway.Feature;
import org.refdesk.platform.gateway.Wiring;
import org.refdesk.ticket.TicketFeature;

/**
 * Library notes and the home library card: what a library tells whoever answers its patrons (hours,
 * renewals, fines, contacts, links), how old each note may grow, which topics only its own staff
 * answer, and sending such a question home as a ticket.
 */
public final class NotesFeature implements Feature {

  @Override
  public void mount(Router router, Wiring wiring) {
    var notes = repository(wiring);
    var cards =
        new HomeCards(
            notes,
            ChatFeature.visibility(wiring),
            ChatFeature.repository(wiring),
            ChatFeature.lifecycle(wiring),
            LibraryFeature.repository(wiring),
            FaqFeature.repository(wiring),
            TicketFeature.service(wiring));
    new NotesRoutes(notes, cards).mount(router, OperatorFeature.auth(wiring));
  }

  public static NotesRepository repository(Wiring wiring) {
    return wiring.once(NotesRepository.class, () -> new NotesRepository(wiring.pool()));
  }
}
