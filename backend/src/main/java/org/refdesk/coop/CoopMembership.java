package org.refdesk.coop;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.refdesk.chat.LibraryCoops;
import org.refdesk.platform.cache.EventLoopCache;

/**
 * Which co-ops each library belongs to, remembered per event loop for {@code ChatVisibility}: a
 * membership change is announced on {@link CoopAddresses#MEMBERSHIP_CHANGED} and every event loop
 * forgets that library's entry; the expiry bounds an announcement the bus lost.
 */
final class CoopMembership implements LibraryCoops {

  /** Every library of a large consortium; an entry is a few ids. */
  private static final int CAPACITY = 2_000;

  private static final long TTL_MINUTES = 10;

  private final EventLoopCache<Long, Set<Long>> memberships;

  CoopMembership(CoopRepository coops) {
    this.memberships =
        new EventLoopCache<>(
            CAPACITY,
            TTL_MINUTES,
            TimeUnit.MINUTES,
            libraryId -> coops.coopsOf(libraryId).map(Optional::of));
  }

  /** Listens, on the calling verticle's event loop, for memberships changing anywhere. */
  Future<Void> follow(EventBus bus) {
    return bus.<JsonObject>consumer(
            CoopAddresses.MEMBERSHIP_CHANGED,
            message -> memberships.forget(message.body().getLong("libraryId")))
        .completion();
  }

  void forget(long libraryId) {
    memberships.forget(libraryId);
  }

  @Override
  public Future<Set<Long>> coopsOf(long libraryId) {
    return memberships.get(libraryId).map(found -> found.orElse(Set.of()));
  }

  @Override
  public Set<Long> knownCoopsOf(long libraryId) {
    return memberships.peek(libraryId).orElse(Set.of());
  }
}
