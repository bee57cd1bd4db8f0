package org.refdesk.platform.web;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * The sites each library lets embed its widget and call for its patrons, beyond the installation's
 * own list (REFDESK_ALLOWED_ORIGINS). The platform only asks; the feature that keeps the sites
 * provides it, and answers from memory kept current by its own events, never a query per request.
 */
public interface LibrarySites {

  /** No library lists any site: the installation's list alone decides. */
  LibrarySites NONE =
      new LibrarySites() {
        @Override
        public boolean lists(long libraryId, String origin) {
          return false;
        }

        @Override
        public boolean listedByAny(String origin) {
          return false;
        }

        @Override
        public List<String> of(long libraryId) {
          return List.of();
        }

        @Override
        public Future<Optional<Long>> libraryOfQueue(String slug) {
          return Future.succeededFuture(Optional.empty());
        }

        @Override
        public Future<Optional<Long>> libraryOfRequest(RoutingContext ctx) {
          return Future.succeededFuture(Optional.empty());
        }
      };

  /** Whether the library lists this origin (already normalised: scheme://host[:port]). */
  boolean lists(long libraryId, String origin);

  /** Whether any library lists this origin: a socket from anywhere else is not even opened. */
  boolean listedByAny(String origin);

  /** The origins the library lists, for the frame-ancestors of its widget's page. */
  List<String> of(long libraryId);

  /** The library whose queue has this slug; empty when there is no such queue. */
  Future<Optional<Long>> libraryOfQueue(String slug);

  /**
   * The library an API request is about, when it says so before its body is read: the chat of the
   * patron token it carries, or the queue named in its path. Empty when it is about none.
   */
  Future<Optional<Long>> libraryOfRequest(RoutingContext ctx);
}
