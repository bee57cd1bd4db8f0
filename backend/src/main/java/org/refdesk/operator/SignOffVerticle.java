package org.refdesk.operator;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.logging.Logger;
import org.refdesk.platform.config.RefdeskConfig;
import org.refdesk.platform.db.Database;

/**
 * Signs operators off at the time set for it (the end of a shift, "everyone at 22:00"). Every node
 * sweeps on the shift clock's tick; Postgres hands each due sign-off to one sweep only.
 */
final class SignOffVerticle extends VerticleBase {

  private static final Logger log = Logger.getLogger(SignOffVerticle.class.getName());

  private final RefdeskConfig config;
  private OperatorRepository operators;
  private boolean sweeping;

  SignOffVerticle(RefdeskConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    operators = new OperatorRepository(Database.pool(vertx, config));
    vertx.setPeriodic(config.timerTickMillis(), id -> sweep());
    return Future.succeededFuture();
  }

  private void sweep() {
    if (sweeping) {
      return;
    }
    sweeping = true;
    operators
        .takeDueSignOffs()
        .onSuccess(due -> due.forEach(signedOff -> SignOffs.announce(vertx, signedOff)))
        .onFailure(failure -> log.fine("Sign-off sweep skipped: " + failure.getMessage()))
        .onComplete(done -> sweeping = false);
  }
}
