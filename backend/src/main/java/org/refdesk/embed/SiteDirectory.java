package org.refdesk.embed;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.refdesk.auth.Tokens;
import org.refdesk.platform.cache.EventLoopCache;
import org.refdesk.platform.web.Bearer;
import org.refdesk.platform.web.LibrarySites;
import org.refdesk.queue.Queue;
import org.refdesk.queue.QueueRepository;

/**
 * One event loop's memory of every library's sites, which the origin checks read on every request,
 * socket and frame. Filled when the HTTP instance starts, read again for one library when any node
 * says its sites changed, and wholly once a minute, which bounds what a lost event can keep wrong.
 */
final class SiteDirectory implements LibrarySites {

  private static final Logger log = Logger.getLogger(SiteDirectory.class.getName());
  static final long FULL_RELOAD_MS = 60_000;
  private static final Pattern WIDGET_QUEUE_PATH =
      Pattern.compile("/api/widget/queues/([a-z0-9][a-z0-9-]{0,62})(/.*)?");

  private final Vertx vertx;
  private final LibrarySiteRepository sites;
  private final Tokens tokens;
  private final EventLoopCache<String, Long> libraryOfSlug;

  private Map<Long, Set<String>> byLibrary = Map.of();
  private Set<String> anywhere = Set.of();

  /** Reads started, so that an older read answering late never overwrites a newer one. */
  private long reads;

  private final Map<Long, Long> latestReadOf = new HashMap<>();
  private long latestFullRead;

  SiteDirectory(Vertx vertx, LibrarySiteRepository sites, QueueRepository queues, Tokens tokens) {
    this.vertx = vertx;
    this.sites = sites;
    this.tokens = tokens;
    // A queue's slug names one library for good; a queue that goes away is forgotten in a minute.
    this.libraryOfSlug =
        new EventLoopCache<>(
            10_000,
            1,
            TimeUnit.MINUTES,
            slug -> queues.bySlug(slug).map(q -> q.map(Queue::libraryId)));
  }

  /** Listens for changes from every node, then reads everything; the server opens after both. */
  Future<Void> start() {
    var consumer =
        vertx
            .eventBus()
            .<JsonObject>consumer(
                EmbedAddresses.SITES_CHANGED,
                message -> {
                  var libraryId = message.body().getLong("libraryId");
                  if (libraryId != null) {
                    readLibrary(libraryId);
                  }
                });
    vertx.setPeriodic(FULL_RELOAD_MS, id -> readAll());
    return consumer.completion().compose(v -> readAll());
  }

  /** Tells every event loop of every node, this one included, to read the library's sites again. */
  static void announceChange(Vertx vertx, long libraryId) {
    vertx
        .eventBus()
        .publish(EmbedAddresses.SITES_CHANGED, new JsonObject().put("libraryId", libraryId));
  }

  private Future<Void> readAll() {
    long read = ++reads;
    latestFullRead = read;
    return sites
        .all()
        .onSuccess(
            all -> {
              var kept = new HashMap<Long, Set<String>>();
              all.forEach((library, origins) -> kept.put(library, Set.copyOf(origins)));
              // A library read on its own since this read began keeps what that read found.
              latestReadOf.forEach(
                  (library, at) -> {
                    if (at > read) {
                      var newer = byLibrary.get(library);
                      if (newer == null) {
                        kept.remove(library);
                      } else {
                        kept.put(library, newer);
                      }
                    }
                  });
              install(kept);
            })
        .onFailure(e -> log.log(Level.WARNING, "Could not read the libraries' sites", e))
        .mapEmpty();
  }

  private void readLibrary(long libraryId) {
    long read = ++reads;
    latestReadOf.put(libraryId, read);
    sites
        .of(libraryId)
        .onSuccess(
            found -> {
              if (latestReadOf.getOrDefault(libraryId, 0L) != read) {
                return;
              }
              var next = new HashMap<>(byLibrary);
              if (found.isEmpty()) {
                next.remove(libraryId);
              } else {
                next.put(libraryId, Set.copyOf(found.stream().map(LibrarySite::origin).toList()));
              }
              install(next);
            })
        .onFailure(e -> log.log(Level.WARNING, "Could not read a library's sites", e));
  }

  private void install(Map<Long, Set<String>> next) {
    byLibrary = Map.copyOf(next);
    var all = new HashSet<String>();
    byLibrary.values().forEach(all::addAll);
    anywhere = Set.copyOf(all);
  }

  @Override
  public boolean lists(long libraryId, String origin) {
    var listed = byLibrary.get(libraryId);
    return listed != null && listed.contains(origin);
  }

  @Override
  public boolean listedByAny(String origin) {
    return anywhere.contains(origin);
  }

  @Override
  public List<String> of(long libraryId) {
    var listed = byLibrary.get(libraryId);
    return listed == null ? List.of() : listed.stream().sorted().toList();
  }

  @Override
  public Future<Optional<Long>> libraryOfQueue(String slug) {
    return libraryOfSlug.get(slug);
  }

  /**
   * A patron's token names the library of its chat (where the patron started it, which is the site
   * the patron is on, even once the chat is handed to another library); else the queue in the path.
   */
  @Override
  public Future<Optional<Long>> libraryOfRequest(RoutingContext ctx) {
    var token = Bearer.of(ctx);
    if (token == null) {
      return libraryOfPath(ctx);
    }
    return tokens
        .verifyPatron(token)
        .map(claims -> Optional.of(claims.libraryId()))
        .recover(notPatron -> libraryOfPath(ctx));
  }

  private Future<Optional<Long>> libraryOfPath(RoutingContext ctx) {
    var path = WIDGET_QUEUE_PATH.matcher(ctx.request().path());
    return path.matches()
        ? libraryOfQueue(path.group(1))
        : Future.succeededFuture(Optional.empty());
  }
}
