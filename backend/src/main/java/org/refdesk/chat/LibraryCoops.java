package org.refdesk.chat;

import io.vertx.core.Future;
import java.util.Set;

/**
 * Which co-ops a library belongs to: its operators may see the chats routed to those co-ops'
 * queues. Offered here so that {@link ChatVisibility} stays the one place that decides who sees a
 * chat; the co-op feature implements it from its membership.
 */
public interface LibraryCoops {

  /** The library's co-ops, read if this event loop does not know them yet. */
  Future<Set<Long>> coopsOf(long libraryId);

  /**
   * The library's co-ops as this event loop knows them now, without waiting (for an event about to
   * reach a socket); none known yet answers empty and starts a read.
   */
  Set<Long> knownCoopsOf(long libraryId);

  /** An installation without co-ops: every library stands alone. */
  LibraryCoops NONE =
      new LibraryCoops() {
        @Override
        public Future<Set<Long>> coopsOf(long libraryId) {
          return Future.succeededFuture(Set.of());
        }

        @Override
        public Set<Long> knownCoopsOf(long libraryId) {
          return Set.of();
        }
      };
}
