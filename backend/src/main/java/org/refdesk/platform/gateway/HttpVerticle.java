package org.refdesk.platform.gateway;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.redis.client.Redis;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.refdesk.platform.bridge.Bridge;
import org.refdesk.platform.bridge.BridgeGuard;
import org.refdesk.platform.bridge.SocketIdentities;
import org.refdesk.platform.config.RefdeskConfig;
import org.refdesk.platform.db.Database;
import org.refdesk.platform.metrics.RefdeskMetrics;
import org.refdesk.platform.redis.RedisClients;
import org.refdesk.platform.web.ClientAddress;
import org.refdesk.platform.web.FailureHandler;
import org.refdesk.platform.web.HealthRoutes;
import org.refdesk.platform.web.LibrarySites;
import org.refdesk.platform.web.MetricsRoute;
import org.refdesk.platform.web.OriginCheck;
import org.refdesk.platform.web.OwnFiles;
import org.refdesk.platform.web.SecurityHeaders;
import org.refdesk.platform.web.StaticRoutes;

/**
 * The HTTP face of the gateway: the platform's routes around the features' route tables, the bridge
 * with the features' rules, then the server. One instance per event loop.
 */
public final class HttpVerticle extends VerticleBase {

  private static final long SHUTDOWN_GRACE_SECONDS = 10;
  private static final long EVENT_LOOP_PROBE_NANOS = 200_000_000;

  private final RefdeskConfig config;
  private final String signingKey;
  private final RefdeskMetrics metrics;
  private final OwnFiles ownFiles;
  private final List<Feature> features;
  private final ConcurrentMap<Class<?>, Object> nodeShared;
  private HttpServer server;
  private Redis redis;

  /**
   * {@code nodeShared} is one map for the node's instances, for what they share (see {@link
   * Wiring#onNode}).
   */
  public HttpVerticle(
      RefdeskConfig config,
      String signingKey,
      RefdeskMetrics metrics,
      OwnFiles ownFiles,
      List<Feature> features,
      ConcurrentMap<Class<?>, Object> nodeShared) {
    this.config = config;
    this.signingKey = signingKey;
    this.metrics = metrics;
    this.ownFiles = ownFiles;
    this.features = List.copyOf(features);
    this.nodeShared = nodeShared;
  }

  @Override
  public Future<?> start() {
    Pool pool = Database.pool(vertx, config);
    redis = RedisClients.create(vertx, config);
    var originCheck = new OriginCheck(config.originsAllowed());
    var wiring =
        new Wiring(
            vertx,
            config,
            metrics,
            signingKey,
            pool,
            redis,
            new ClientAddress(config.trustedProxies()),
            originCheck,
            features,
            nodeShared);
    var librarySites = wiring.policies(LibrarySites.class);
    if (librarySites.size() > 1) {
      throw new IllegalStateException("More than one feature keeps the libraries' sites");
    }
    librarySites.forEach(originCheck::consult);
    var headers = new SecurityHeaders(ownFiles.pageTexts(), originCheck);

    var router = Router.router(vertx);
    router.route().handler(headers.everywhere());
    features.forEach(feature -> feature.mountPublic(router, wiring));
    router.route("/api/*").handler(headers.api()).handler(originCheck);
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(config.bodyLimitBytes()));
    new HealthRoutes(pool, redis).mount(router);
    new MetricsRoute(metrics, config.metricsToken()).mount(router);
    features.forEach(feature -> feature.mount(router, wiring));

    router.route("/eventbus/*").handler(headers.pages());
    var rules = features.stream().flatMap(feature -> feature.bridgeRules(wiring).stream()).toList();
    var guard =
        new BridgeGuard(vertx, wiring.policy(SocketIdentities.class), rules, originCheck, metrics);
    wiring.openSocketsFrom(guard::openSockets);
    var webjars = ownFiles.webjars();
    Bridge.mount(
        vertx,
        router,
        guard,
        rules,
        originCheck,
        "/webjars/sockjs-client/" + webjars.version("sockjs-client") + "/dist/sockjs.min.js");
    watchEventLoop();
    new StaticRoutes(ownFiles, webjars).mount(router, headers);

    var failures = new FailureHandler();
    router.route().failureHandler(failures);
    router.errorHandler(404, ctx -> notFound(ctx, failures));
    router.errorHandler(405, failures);

    server =
        vertx.createHttpServer(
            new HttpServerOptions()
                .setPort(config.httpPort())
                .setHost(config.httpHost())
                .setCompressionSupported(true)
                // Browsers speak HTTP/2 only over TLS, which ends at the proxy in front; cleartext
                // HTTP/2 would
                // be one more code path (the upgrade handler) for no client of ours.
                .setHttp2ClearTextEnabled(false)
                .setMaxWebSocketFrameSize(65536)
                .setMaxWebSocketMessageSize(65536));
    // What this event loop remembers is kept current by events: listen before any request comes.
    return Future.all(wiring.allListening(), guard.listen())
        .compose(listening -> server.requestHandler(router).listen());
  }

  /**
   * Each HTTP instance owns an event loop: a timer that fires late there means work queued behind
   * work.
   */
  private void watchEventLoop() {
    var expected = new long[] {System.nanoTime() + EVENT_LOOP_PROBE_NANOS};
    vertx.setPeriodic(
        EVENT_LOOP_PROBE_NANOS / 1_000_000,
        id -> {
          long now = System.nanoTime();
          metrics.eventLoopLate(now - expected[0]);
          expected[0] = now + EVENT_LOOP_PROBE_NANOS;
        });
  }

  private static void notFound(RoutingContext ctx, FailureHandler failures) {
    if (ctx.request().path().startsWith("/api/")) {
      failures.handle(ctx);
    } else {
      ctx.response()
          .setStatusCode(404)
          .putHeader("Content-Type", "text/plain; charset=utf-8")
          .end("Not found");
    }
  }

  /** Lets requests in flight finish before the sockets close. */
  @Override
  public Future<?> stop() {
    var closing =
        server == null
            ? Future.succeededFuture()
            : server.shutdown(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
    return closing.eventually(() -> redis == null ? Future.succeededFuture() : redis.close());
  }
}
