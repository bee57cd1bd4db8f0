package org.refdesk.transfer;

import io.vertx.ext.web.Router;
import org.refdesk.chat.ChatFeature;
import org.refdesk.operator.OperatorFeature;
import org.refdesk.platform.gateway.Feature;
import org.refdesk.platform.gateway.Wiring;
import org.refdesk.presence.PresenceFeature;
import org.refdesk.queue.QueueFeature;

/**
 * Handing a chat over: transfers to a queue or a colleague with a hand-off card, and chats shared
 * with a colleague. Who may hear a chat afterwards is decided by the chat feature's visibility,
 * from the people change this feature announces.
 */
public final class TransferFeature implements Feature {

  @Override
  public void mount(Router router, Wiring wiring) {
    new TransferRoutes(service(wiring)).mount(router, OperatorFeature.auth(wiring));
  }

  static TransferService service(Wiring wiring) {
    return wiring.once(
        TransferService.class,
        () ->
            new TransferService(
                wiring.vertx(),
                new TransferRepository(wiring.pool()),
                ChatFeature.repository(wiring),
                ChatFeature.visibility(wiring),
                OperatorFeature.known(wiring),
                OperatorFeature.repository(wiring),
                QueueFeature.repository(wiring),
                QueueFeature.state(wiring),
                PresenceFeature.state(wiring)));
  }
}
