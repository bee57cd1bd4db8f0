package org.refdesk.platform.mail;

import io.vertx.core.Deployable;
import java.util.List;
import java.util.function.Supplier;
import org.refdesk.platform.config.RefdeskConfig;
import org.refdesk.platform.gateway.Feature;
import org.refdesk.platform.metrics.RefdeskMetrics;

/** The mail outbox's worker, one per node; features queue mail through {@link MailOutbox}. */
public final class MailFeature implements Feature {

  @Override
  public List<Supplier<? extends Deployable>> verticles(
      RefdeskConfig config, RefdeskMetrics metrics) {
    config.smtpUrl().ifPresent(SmtpSettings::parse);
    return List.of(() -> new MailWorkerVerticle(config));
  }
}
