package org.refdesk.stats;

import io.vertx.ext.web.Router;
import org.refdesk.chat.ChatFeature;
import org.refdesk.operator.OperatorFeature;
import org.refdesk.platform.gateway.Feature;
import org.refdesk.platform.gateway.Wiring;

/**
 * Reference statistics: each library's form, the entry of each ended chat, questions answered
 * without a chat, and the chats an operator still has to record.
 */
public final class StatsFeature implements Feature {

  @Override
  public void mount(Router router, Wiring wiring) {
    new StatsRoutes(repository(wiring), ChatFeature.visibility(wiring))
        .mount(router, OperatorFeature.auth(wiring));
  }

  public static StatsRepository repository(Wiring wiring) {
    return wiring.once(StatsRepository.class, () -> new StatsRepository(wiring.pool()));
  }
}
