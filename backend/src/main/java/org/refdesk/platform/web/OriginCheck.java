package org.refdesk.platform.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;

/**
 * Refuses browser requests from pages of other sites. A request without an Origin (curl, a server)
 * passes; so does one from the gateway's own host or from an origin of the installation's list. Any
 * other origin passes only for a library that lists it (its {@link LibrarySites}): the library of
 * the patron token or queue the request names, or, for a route that learns its library from the
 * body, the library the route then checks with {@link #requireFor}.
 */
public final class OriginCheck implements Handler<RoutingContext> {

  private static final String LEFT_TO_ROUTE = "refdesk.origin-left-to-route";
  private static final Pattern QUEUE_SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  private final Set<String> allowed;
  private LibrarySites sites = LibrarySites.NONE;

  public OriginCheck(List<String> allowedOrigins) {
    this.allowed = Set.copyOf(allowedOrigins);
  }

  /**
   * The libraries' own lists, consulted beyond the installation's; set once while the HTTP instance
   * starts, before it serves a request (the features that keep them are built after this check).
   */
  public void consult(LibrarySites librarySites) {
    this.sites = librarySites;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (allows(ctx.request())) {
      ctx.next();
      return;
    }
    var origin = ctx.request().getHeader("Origin");
    // A site no library lists is refused at once, whatever the route, before its body is read and
    // without looking anything up.
    if (!listedByAnyLibrary(origin)) {
      ctx.fail(refused());
      return;
    }
    if (Boolean.TRUE.equals(ctx.get(LEFT_TO_ROUTE))) {
      ctx.next();
      return;
    }
    libraryOfRequest(ctx)
        .onComplete(
            found -> {
              if (found.succeeded()
                  && found.result().filter(id -> listed(id, origin)).isPresent()) {
                ctx.next();
              } else {
                ctx.fail(refused());
              }
            });
  }

  /**
   * For the bridge's HTTP routes, where no request names a library: the installation's list, or an
   * origin some library lists. The guard then holds such a socket to the library of its identity.
   */
  public Handler<RoutingContext> beforeSockets() {
    return ctx -> {
      var origin = ctx.request().getHeader("Origin");
      if (allows(ctx.request()) || listedByAnyLibrary(origin)) {
        ctx.next();
      } else {
        ctx.fail(refused());
      }
    };
  }

  /**
   * Put before this check on a route whose library is known only from its body: the route must then
   * call {@link #requireFor} once it knows the library, before it writes anything.
   */
  public static Handler<RoutingContext> leftToRoute() {
    return ctx -> {
      ctx.put(LEFT_TO_ROUTE, true);
      ctx.next();
    };
  }

  /** Fails unless the request's origin may call for this library. */
  public Future<Void> requireFor(RoutingContext ctx, long libraryId) {
    return allowsFor(ctx.request(), libraryId)
        ? Future.succeededFuture()
        : Future.failedFuture(refused());
  }

  /** The installation's list only. */
  public boolean allows(HttpServerRequest request) {
    return allows(request.getHeader("Origin"), request.getHeader("Host"));
  }

  /** The installation's list only; also used by the bridge, with the headers of the socket. */
  public boolean allows(String origin, String host) {
    if (origin == null || allowed.contains(origin)) {
      return true;
    }
    return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
  }

  /** The installation's list or the library's own. */
  public boolean allowsFor(HttpServerRequest request, long libraryId) {
    var origin = request.getHeader("Origin");
    return allows(origin, request.getHeader("Host")) || listed(libraryId, origin);
  }

  /** The installation's list or the library's own, for a socket's origin. */
  public boolean allowsFor(String origin, String host, long libraryId) {
    return allows(origin, host) || listed(libraryId, origin);
  }

  /** Whether a socket from this origin may open at all: some library must list it. */
  public boolean listedByAnyLibrary(String origin) {
    return origin != null && sites.listedByAny(origin);
  }

  /**
   * The origins, beyond the page's own, that may frame the widget of this queue: the installation's
   * and the queue's library's. Only the installation's when the queue is unknown.
   */
  public Future<List<String>> framersOfQueue(String slug) {
    var installation = List.copyOf(allowed);
    if (slug == null || !QUEUE_SLUG.matcher(slug).matches()) {
      return Future.succeededFuture(installation);
    }
    return sites
        .libraryOfQueue(slug)
        .map(
            library -> {
              var all = new ArrayList<>(installation);
              library.map(sites::of).orElse(List.of()).stream()
                  .filter(o -> !all.contains(o))
                  .forEach(all::add);
              return List.copyOf(all);
            })
        .otherwise(installation);
  }

  private boolean listed(long libraryId, String origin) {
    return origin != null && sites.lists(libraryId, origin);
  }

  private Future<Optional<Long>> libraryOfRequest(RoutingContext ctx) {
    return sites.libraryOfRequest(ctx);
  }

  private static ApiException refused() {
    return new ApiException(
        ErrorCode.ORIGIN_NOT_ALLOWED, "Requests from this site are not allowed.");
  }
}
