package org.refdesk.faq;

import io.vertx.ext.web.Router;
import java.util.List;
import org.refdesk.chat.ChatFeature;
import org.refdesk.operator.OperatorFeature;
import org.refdesk.platform.gateway.Feature;
import org.refdesk.platform.gateway.Wiring;
import org.refdesk.platform.web.ClientLimits;
import org.refdesk.queue.QueueFeature;

/**
 * The library's FAQs: kept by admins, searched and sent as link cards by operators, suggested to
 * patrons in the widget and listed on the library's public FAQ page.
 */
public final class FaqFeature implements Feature {

  @Override
  public void mount(Router router, Wiring wiring) {
    var faqs = repository(wiring);
    var service =
        new FaqService(
            wiring.vertx(),
            faqs,
            ChatFeature.repository(wiring),
            ChatFeature.visibility(wiring),
            QueueFeature.repository(wiring),
            wiring.config().publicUrl());
    new FaqRoutes(
            faqs,
            service,
            QueueFeature.repository(wiring),
            wiring.redis(),
            wiring.keys(),
            wiring.clientAddress())
        .mount(router, OperatorFeature.auth(wiring));
  }

  @Override
  public List<Object> policies(Wiring wiring) {
    return List.of((ClientLimits) FaqLimits::forClients);
  }

  public static FaqRepository repository(Wiring wiring) {
    return wiring.once(FaqRepository.class, () -> new FaqRepository(wiring.pool()));
  }
}
