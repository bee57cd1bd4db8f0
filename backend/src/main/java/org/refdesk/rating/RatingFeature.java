package org.refdesk.rating;

import io.vertx.ext.web.Router;
import org.refdesk.auth.AuthFeature;
import org.refdesk.chat.ChatFeature;
import org.refdesk.operator.OperatorFeature;
import org.refdesk.platform.gateway.Feature;
import org.refdesk.platform.gateway.Wiring;

/**
 * Patrons' ratings of their chats: given from the widget at the end, read beside the transcript.
 */
public final class RatingFeature implements Feature {

  @Override
  public void mount(Router router, Wiring wiring) {
    new RatingRoutes(
            repository(wiring),
            ChatFeature.visibility(wiring),
            AuthFeature.tokens(wiring),
            wiring.clientAddress(),
            wiring.redis(),
            wiring.keys())
        .mount(router, OperatorFeature.auth(wiring));
  }

  public static RatingRepository repository(Wiring wiring) {
    return wiring.once(RatingRepository.class, () -> new RatingRepository(wiring.pool()));
  }
}
