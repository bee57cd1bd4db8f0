package org.refdesk.chat;

import io.vertx.core.Vertx;
import java.util.Collection;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.refdesk.platform.bus.Identity;

/**
 * Tells Postgres, every tick, which patrons have their widget open on this event loop's sockets, so
 * the chat timers can tell a patron who is waiting from one who has gone, on whichever node. One
 * per HTTP event loop, confined to it like the sockets it reads.
 */
public final class PatronPresence {

  private static final Logger log = Logger.getLogger(PatronPresence.class.getName());

  private final Vertx vertx;
  private final ChatLifecycle lifecycle;
  private final long tickMillis;
  private boolean writing;

  public PatronPresence(Vertx vertx, ChatLifecycle lifecycle, long tickMillis) {
    this.vertx = vertx;
    this.lifecycle = lifecycle;
    this.tickMillis = tickMillis;
  }

  /** Reads the identities of the open sockets every tick; call on the event loop that owns them. */
  public void follow(Supplier<Collection<Identity>> openSockets) {
    vertx.setPeriodic(tickMillis, id -> markSeen(openSockets.get()));
  }

  private void markSeen(Collection<Identity> open) {
    if (writing) {
      return;
    }
    var chatIds =
        open.stream().filter(Identity::isPatron).map(Identity::chatId).distinct().toList();
    if (chatIds.isEmpty()) {
      return;
    }
    writing = true;
    lifecycle
        .patronsSeen(chatIds)
        .onComplete(
            done -> {
              writing = false;
              if (done.failed()) {
                // The next tick tries again; a patron is missed only after a grace time of many
                // ticks.
                log.fine(
                    "Could not mark "
                        + chatIds.size()
                        + " patron(s) as present: "
                        + done.cause().getMessage());
              }
            });
  }
}
