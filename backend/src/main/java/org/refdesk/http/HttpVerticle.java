package org.refdesk.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.redis.client.Redis;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.TimeUnit;
import org.refdesk.auth.LoginThrottle;
import org.refdesk.auth.Passwords;
import org.refdesk.auth.RevokedTokens;
import org.refdesk.auth.Tokens;
import org.refdesk.canned.CannedRepository;
import org.refdesk.canned.CannedRoutes;
import org.refdesk.operator.OperatorSettingsRepository;
import org.refdesk.tag.TagRepository;
import org.refdesk.tag.TagRoutes;
import org.refdesk.bridge.Bridge;
import org.refdesk.bridge.BridgeGuard;
import org.refdesk.bridge.FloodControl;
import org.refdesk.chat.ChatClaims;
import org.refdesk.chat.ChatLifecycle;
import org.refdesk.chat.ChatRepository;
import org.refdesk.chat.PatronPresence;
import org.refdesk.presence.PresenceState;
import org.refdesk.queue.QueueState;
import org.refdesk.config.RefdeskConfig;
import org.refdesk.db.Database;
import org.refdesk.library.LibraryRepository;
import org.refdesk.metrics.RefdeskMetrics;
import org.refdesk.operator.KnownOperators;
import org.refdesk.operator.OperatorRepository;
import org.refdesk.redis.RedisClients;
import org.refdesk.redis.RedisKeys;

/** The HTTP face of the gateway: the route table, then the server. One instance per event loop. */
public final class HttpVerticle extends VerticleBase {

  private static final long SHUTDOWN_GRACE_SECONDS = 10;
  private static final long EVENT_LOOP_PROBE_NANOS = 200_000_000;

  private final RefdeskConfig config;
  private final String signingKey;
  private final RefdeskMetrics metrics;
  private final FloodControl flood;
  private final OwnFiles ownFiles;
  private HttpServer server;
  private Redis redis;

  /** {@code flood} is shared by the node's instances: a chat's sockets may sit on different event loops. */
  public HttpVerticle(RefdeskConfig config, String signingKey, RefdeskMetrics metrics, FloodControl flood,
                      OwnFiles ownFiles) {
    this.flood = flood;
    this.config = config;
    this.signingKey = signingKey;
    this.metrics = metrics;
    this.ownFiles = ownFiles;
  }

  @Override
  public Future<?> start() {
    Pool pool = Database.pool(vertx, config);
    redis = RedisClients.create(vertx, config);
    var keys = new RedisKeys(config.redisPrefix());
    var revoked = new RevokedTokens(pool);
    var tokens = new Tokens(vertx, signingKey, config.operatorTokenMinutes(), config.patronTokenMinutes(), revoked);
    var passwords = new Passwords(vertx);
    var operators = new OperatorRepository(pool);
    var knownOperators = new KnownOperators(operators);
    var operatorAuth = new OperatorAuth(tokens, knownOperators);
    var headers = new SecurityHeaders(ownFiles.pageTexts(), config.allowedOrigins());
    var clientAddress = new ClientAddress(config.trustedProxies());
    var originCheck = new OriginCheck(config.originsAllowed());
    var chats = new ChatRepository(pool);
    var queues = new QueueState(redis, keys);
    var presence = new PresenceState(redis, keys);
    var lifecycle = new ChatLifecycle(vertx, chats, queues);
    var claims = new ChatClaims(vertx, chats, queues, knownOperators, metrics);

    var widget = new WidgetRoutes(chats, lifecycle, queues, presence, tokens, clientAddress, redis, keys,
        config.chatStartsPerAddress(), originCheck);
    var router = Router.router(vertx);
    router.route().handler(headers.everywhere());
    widget.mountPublic(router);
    router.route("/api/*").handler(headers.api()).handler(originCheck);
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(config.bodyLimitBytes()));
    new HealthRoutes(pool, redis).mount(router);
    new MetricsRoute(metrics, config.metricsToken()).mount(router);
    new AuthRoutes(tokens, passwords, new LoginThrottle(redis, keys), operators, new LibraryRepository(pool), clientAddress,
        revoked)
        .mount(router, operatorAuth);
    new AdminOperatorRoutes(operators, passwords).mount(router, operatorAuth);
    widget.mount(router);
    var libraries = new LibraryRepository(pool);
    var tags = new TagRepository(pool);
    new ChatRoutes(chats, lifecycle, claims, queues, presence, operators, tokens, tags, libraries).mount(router, operatorAuth);
    new TagRoutes(tags, lifecycle).mount(router, operatorAuth);
    new CannedRoutes(new CannedRepository(pool)).mount(router, operatorAuth);
    new SettingsRoutes(libraries, operators, new OperatorSettingsRepository(pool)).mount(router, operatorAuth);
    router.route("/eventbus/*").handler(headers.pages());
    var webjars = ownFiles.webjars();
    var guard = new BridgeGuard(vertx, tokens, knownOperators, chats, originCheck, metrics, flood);
    new PatronPresence(vertx, lifecycle, config.timerTickMillis()).follow(guard::openSockets);
    Bridge.mount(vertx, router, guard, originCheck,
        "/webjars/sockjs-client/" + webjars.version("sockjs-client") + "/dist/sockjs.min.js");
    watchEventLoop();
    new StaticRoutes(ownFiles, webjars).mount(router, headers);

    var failures = new FailureHandler();
    router.route().failureHandler(failures);
    router.errorHandler(404, ctx -> notFound(ctx, failures));
    router.errorHandler(405, failures);

    server = vertx.createHttpServer(new HttpServerOptions()
        .setPort(config.httpPort())
        .setHost(config.httpHost())
        .setCompressionSupported(true)
        // Browsers speak HTTP/2 only over TLS, which ends at the proxy in front; cleartext HTTP/2 would
        // be one more code path (the upgrade handler) for no client of ours.
        .setHttp2ClearTextEnabled(false)
        .setMaxWebSocketFrameSize(65536)
        .setMaxWebSocketMessageSize(65536));
    // What this event loop remembers is kept current by events: listen before any request comes.
    return Future.all(knownOperators.forgetWhenDisabled(vertx.eventBus()), claims.followChats(vertx.eventBus()),
            revoked.listen(vertx.eventBus()), guard.listen())
        .compose(listening -> server.requestHandler(router).listen());
  }

  /** Each HTTP instance owns an event loop: a timer that fires late there means work queued behind work. */
  private void watchEventLoop() {
    var expected = new long[] {System.nanoTime() + EVENT_LOOP_PROBE_NANOS};
    vertx.setPeriodic(EVENT_LOOP_PROBE_NANOS / 1_000_000, id -> {
      long now = System.nanoTime();
      metrics.eventLoopLate(now - expected[0]);
      expected[0] = now + EVENT_LOOP_PROBE_NANOS;
    });
  }

  private static void notFound(RoutingContext ctx, FailureHandler failures) {
    if (ctx.request().path().startsWith("/api/")) {
      failures.handle(ctx);
    } else {
      ctx.response().setStatusCode(404).putHeader("Content-Type", "text/plain; charset=utf-8").end("Not found");
    }
  }

  /** Lets requests in flight finish before the sockets close. */
  @Override
  public Future<?> stop() {
    var closing = server == null ? Future.succeededFuture() : server.shutdown(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
    return closing.eventually(() -> redis == null ? Future.succeededFuture() : redis.close());
  }
}
