package org.refdesk.transcript;

import io.vertx.core.Deployable;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Supplier;
import org.refdesk.auth.AuthFeature;
import org.refdesk.chat.ChatFeature;
import org.refdesk.platform.config.RefdeskConfig;
import org.refdesk.platform.gateway.Feature;
import org.refdesk.platform.gateway.Wiring;
import org.refdesk.platform.metrics.RefdeskMetrics;
import org.refdesk.platform.web.OperatorGate;

/** Chat transcripts by e-mail, asked for by the patron or the operator, sent once the chat ends. */
public final class TranscriptFeature implements Feature {

  @Override
  public void mount(Router router, Wiring wiring) {
    new TranscriptRoutes(
            ChatFeature.visibility(wiring),
            new TranscriptRepository(wiring.pool()),
            AuthFeature.tokens(wiring),
            wiring.clientAddress(),
            wiring.redis(),
            wiring.keys())
        .mount(router, wiring.policy(OperatorGate.class));
  }

  @Override
  public List<Supplier<? extends Deployable>> verticles(
      RefdeskConfig config, RefdeskMetrics metrics) {
    return List.of(() -> new TranscriptVerticle(config));
  }
}
