package org.refdesk.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.refdesk.Refdesk;
import org.refdesk.platform.config.RefdeskConfig;

/**
 * A real gateway for one test class: its own database and Redis prefix on the machine's services, a
 * free port, a known admin password, and a client side (HTTP client, SQL pool, Redis) to check
 * with. Closing it fails the class if any event loop was blocked.
 */
public final class TestGateway implements AutoCloseable {

  public static final String ADMIN_PASSWORD = "correct horse battery staple";

  private final Refdesk refdesk;
  private final String pgUrl;
  private final String redisPrefix;
  private final Vertx vertx;
  private final WebClient client;
  private final Pool sql;
  private final Redis redis;
  private final BlockedThreadWatch watch;

  private TestGateway(
      Refdesk refdesk, String pgUrl, String redisPrefix, Vertx vertx, BlockedThreadWatch watch) {
    this.refdesk = refdesk;
    this.pgUrl = pgUrl;
    this.redisPrefix = redisPrefix;
    this.vertx = vertx;
    this.watch = watch;
    this.client =
        WebClient.create(
            vertx,
            new WebClientOptions()
                .setDefaultHost("127.0.0.1")
                .setDefaultPort(refdesk.config().httpPort()));
    this.sql =
        PgBuilder.pool()
            .with(new PoolOptions().setMaxSize(2))
            .connectingTo(PgConnectOptions.fromUri(pgUrl))
            .using(vertx)
            .build();
    this.redis =
        Redis.createClient(vertx, new RedisOptions().setConnectionString(TestServices.REDIS_URL));
  }

  public static TestGateway start() {
    return start(Map.of());
  }

  /**
   * Starts with the test defaults, overridden by {@code env} (REFDESK_* names, as in production).
   */
  public static TestGateway start(Map<String, String> env) {
    var watch = BlockedThreadWatch.install();
    var pgUrl = TestServices.createDatabase();
    var prefix = TestServices.newRedisPrefix();
    var vars = new HashMap<String, String>();
    vars.put("REFDESK_HTTP_PORT", Integer.toString(freePort()));
    vars.put("REFDESK_HTTP_HOST", "127.0.0.1");
    vars.put("REFDESK_PG_URL", pgUrl);
    vars.put("REFDESK_REDIS_URL", TestServices.REDIS_URL);
    vars.put("REFDESK_REDIS_PREFIX", prefix);
    vars.put("REFDESK_ADMIN_PASSWORD", ADMIN_PASSWORD);
    vars.put("REFDESK_HTTP_INSTANCES", "2");
    vars.putAll(env);
    try {
      var refdesk = Refdesk.start(RefdeskConfig.fromEnv(vars)).await(120, TimeUnit.SECONDS);
      return new TestGateway(refdesk, pgUrl, prefix, Vertx.vertx(), watch);
    } catch (Exception e) {
      TestServices.dropDatabase(pgUrl);
      watch.uninstall();
      throw new IllegalStateException("The gateway did not start", e);
    }
  }

  /**
   * Starts another gateway node on this gateway's database and Redis prefix (for clustered tests);
   * the caller stops it.
   */
  public Refdesk startNode(Map<String, String> env) {
    var vars = new HashMap<String, String>();
    vars.put("REFDESK_HTTP_PORT", Integer.toString(freePort()));
    vars.put("REFDESK_HTTP_HOST", "127.0.0.1");
    vars.put("REFDESK_PG_URL", pgUrl);
    vars.put("REFDESK_REDIS_URL", refdesk.config().redisUrl().orElseThrow());
    vars.put("REFDESK_REDIS_PREFIX", redisPrefix);
    vars.put("REFDESK_HTTP_INSTANCES", "2");
    vars.putAll(env);
    try {
      return Refdesk.start(RefdeskConfig.fromEnv(vars)).await(120, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the second node did not start", e);
    }
  }

  public Refdesk refdesk() {
    return refdesk;
  }

  public int port() {
    return refdesk.config().httpPort();
  }

  public String pgUrl() {
    return pgUrl;
  }

  public String redisPrefix() {
    return redisPrefix;
  }

  public Vertx vertx() {
    return vertx;
  }

  public WebClient client() {
    return client;
  }

  public Redis redis() {
    return redis;
  }

  public HttpResponse<Buffer> post(String path, JsonObject body, String token) {
    var request = client.post(path);
    if (token != null) {
      request.bearerTokenAuthentication(token);
    }
    return await(request.sendJsonObject(body));
  }

  public HttpResponse<Buffer> get(String path, String token) {
    var request = client.get(path);
    if (token != null) {
      request.bearerTokenAuthentication(token);
    }
    return await(request.send());
  }

  public HttpResponse<Buffer> put(String path, JsonObject body, String token) {
    return await(client.put(path).bearerTokenAuthentication(token).sendJsonObject(body));
  }

  public HttpResponse<Buffer> delete(String path, String token) {
    return await(client.delete(path).bearerTokenAuthentication(token).send());
  }

  /** Signs in and returns the token; fails the test if the sign-in fails. */
  public String login(String username, String password) {
    var response =
        post(
            "/api/auth/login",
            new JsonObject().put("username", username).put("password", password),
            null);
    assertEquals(
        200, response.statusCode(), () -> "login of " + username + ": " + response.bodyAsString());
    return response.bodyAsJsonObject().getString("token");
  }

  public String adminToken() {
    return login("admin", ADMIN_PASSWORD);
  }

  public List<Row> query(String sql, Object... params) {
    RowSet<Row> rows = await(this.sql.preparedQuery(sql).execute(Tuple.wrap(params)));
    var list = new ArrayList<Row>();
    rows.forEach(list::add);
    return list;
  }

  public long count(String sql, Object... params) {
    return query(sql, params).get(0).getLong(0);
  }

  public static <T> T await(Future<T> future) {
    try {
      return future.await(30, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("timed out", e);
    }
  }

  /** A patron starts a chat in a queue; answers the 201 body ({chatId, token, seq, ...}). */
  public JsonObject startChat(String queue, String name, String question) {
    var response =
        post(
            "/api/widget/chats",
            new JsonObject().put("queue", queue).put("name", name).put("question", question),
            null);
    assertEquals(201, response.statusCode(), response::bodyAsString);
    return response.bodyAsJsonObject();
  }

  public long queueId(String slug) {
    return query("SELECT id FROM queues WHERE slug = $1", slug).get(0).getLong(0);
  }

  /** The demo library of the first run; libraries a test adds come after it. */
  public long demoLibraryId() {
    return query("SELECT id FROM libraries ORDER BY id LIMIT 1").get(0).getLong(0);
  }

  /**
   * A socket registered on the address with the token, once the registration is in effect; the
   * caller closes it.
   */
  public BridgeClient listen(String address, String token) {
    var socket = BridgeClient.connect(vertx, port());
    try {
      socket.register(address, token);
      awaitRegistered(socket, address);
      return socket;
    } catch (AssertionError notRegistered) {
      socket.close();
      throw notRegistered;
    }
  }

  /** The password the first run gave this demo librarian (each has their own). */
  public String librarianPassword(String username) {
    return refdesk.seeded().orElseThrow().librarianPassword(username);
  }

  public String librarianToken(String username) {
    return login(username, librarianPassword(username));
  }

  /**
   * Waits until the client's registration of an address is in effect on this gateway (see {@link
   * Probes}).
   */
  public void awaitRegistered(Probes.Listener client, String address) {
    Probes.awaitRegistered(refdesk.vertx().eventBus(), client, address, 5000);
  }

  /**
   * Waits, on Vert.x timers rather than a sleeping thread, until the condition holds; fails the
   * test when it still does not after the time given. For state with no event to listen to (a
   * gauge, Redis).
   */
  public void eventually(String what, BooleanSupplier condition, long timeoutMs) {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError(what + " did not happen within " + timeoutMs + " ms");
      }
      await(Future.<Void>future(p -> vertx.setTimer(50, t -> p.complete())));
    }
  }

  public static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      await(refdesk.stop());
      deleteRedisKeys();
      await(sql.close());
      await(vertx.close());
      TestServices.dropDatabase(pgUrl);
    } finally {
      watch.uninstall();
    }
    assertEquals(List.of(), watch.warnings(), "an event loop was blocked");
  }

  private void deleteRedisKeys() {
    var cursor = "0";
    do {
      var reply =
          await(
              redis.send(
                  Request.cmd(Command.SCAN)
                      .arg(cursor)
                      .arg("MATCH")
                      .arg(redisPrefix + "*")
                      .arg("COUNT")
                      .arg(1000)));
      cursor = reply.get(0).toString();
      var keys = reply.get(1);
      if (keys.size() > 0) {
        var del = Request.cmd(Command.DEL);
        keys.forEach(k -> del.arg(k.toString()));
        await(redis.send(del));
      }
    } while (!"0".equals(cursor));
    await(redis.close());
  }
}
