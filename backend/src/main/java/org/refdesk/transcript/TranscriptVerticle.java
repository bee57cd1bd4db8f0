package org.refdesk.transcript;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.logging.Logger;
import org.refdesk.platform.config.RefdeskConfig;
import org.refdesk.platform.db.Database;

/**
 * Puts the transcripts of ended chats into the mail outbox, once per request: each tick takes the
 * due requests one transaction each (locked, other nodes skip them), makes the mail and marks the
 * request in the same commit. A chat ended by anyone (patron, operator, the idle clock) is found
 * the same way: by its state in Postgres, not by an event that could be lost.
 */
public final class TranscriptVerticle extends VerticleBase {

  private static final Logger log = Logger.getLogger(TranscriptVerticle.class.getName());

  /** Requests made into mail per tick at most, so a backlog does not hold the tick. */
  static final int PER_TICK = 50;

  private final RefdeskConfig config;
  private TranscriptRepository requests;
  private boolean ticking;

  public TranscriptVerticle(RefdeskConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    requests = new TranscriptRepository(Database.pool(vertx, config));
    vertx.setPeriodic(config.timerTickMillis(), id -> tick());
    return Future.succeededFuture();
  }

  private void tick() {
    if (ticking) {
      return;
    }
    ticking = true;
    mailDue(PER_TICK)
        .onComplete(
            done -> {
              ticking = false;
              if (done.failed()) {
                log.fine(
                    "A transcript tick failed and will run again: " + done.cause().getMessage());
              }
            });
  }

  private Future<Void> mailDue(int left) {
    if (left == 0) {
      return Future.succeededFuture();
    }
    return requests
        .mailNextDue()
        .compose(made -> made ? mailDue(left - 1) : Future.succeededFuture());
  }
}
