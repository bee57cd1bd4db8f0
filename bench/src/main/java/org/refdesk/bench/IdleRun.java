package org.refdesk.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The idle scenario: {@code idle} patron sockets, each registered on a chat as an open widget is,
 * to a gateway in a JVM of its own; then as many sockets to the bare echo server in another JVM
 * with the same settings. Each server reports its heap growth per socket after GC. The clients stay
 * in the bench's JVM, so a server holds one file descriptor per socket, and the bench holds one
 * server's sockets at a time.
 */
final class IdleRun {

  private static final Pattern PATRON_SOCKETS =
      Pattern.compile("(?m)^refdesk_connections\\{[^}]*kind=\"patron\"[^}]*} (\\S+)$");

  /**
   * Registrations still arriving move the count within a second; ten seconds without a move is the
   * end.
   */
  private static final long STALLED_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final Vertx vertx;
  private final Map<String, String> gatewayEnv;
  private final Bench.Options options;

  /**
   * {@code gatewayEnv}: the {@code REFDESK_*} settings of the bench's own gateway; the child gets
   * its own port.
   */
  IdleRun(Vertx vertx, Map<String, String> gatewayEnv, Bench.Options options) {
    this.vertx = vertx;
    this.gatewayEnv = gatewayEnv;
    this.options = options;
  }

  /** What one server measured with all its sockets open. */
  private record Measured(
      int opened,
      int registered,
      long heapBytesPerSocket,
      OpenFiles serverFiles,
      OpenFiles benchFiles) {}

  JsonObject run() throws Exception {
    var gateway = gateway(options.port() + 3);
    var echo = echo(options.port() + 2);
    return new JsonObject()
        .put("sockets", options.idle())
        .put("gatewayOpened", gateway.opened())
        .put("gatewayRegistered", gateway.registered())
        .put("gatewayHeapBytesPerSocket", gateway.heapBytesPerSocket())
        .put("gatewayOpenFiles", gateway.serverFiles().open())
        .put("benchOpenFiles", gateway.benchFiles().open())
        .put("openFilesLimit", gateway.serverFiles().limit())
        .put("echoOpened", echo.opened())
        .put("echoHeapBytesPerSocket", echo.heapBytesPerSocket())
        .put("echoOpenFiles", echo.serverFiles().open())
        .put("ratioToEcho", ratio(gateway.heapBytesPerSocket(), echo.heapBytesPerSocket()));
  }

  private Measured gateway(int port) throws Exception {
    var env = new HashMap<>(gatewayEnv);
    env.put("REFDESK_HTTP_PORT", Integer.toString(port));
    var http =
        WebClient.create(
            vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
    try (var server = ServerProcess.gateway(env);
        var sockets = new IdleSockets(vertx, options.idle())) {
      var chat = Scenarios.startChat(http, "Idle patrons");
      var address = "chat." + chat.getLong("chatId");
      var token = chat.getString("token");
      long before = server.usedHeapAfterGc();
      sockets.open(port, options.idle(), socket -> socket.register(address, token, event -> {}));
      awaitRegistrations(http, sockets.stillOpen());
      long after = server.usedHeapAfterGc();
      int open = sockets.stillOpen();
      return new Measured(
          open,
          patronSockets(http),
          perSocket(after - before, open),
          server.openFiles(),
          OpenFiles.ofThisProcess());
    } finally {
      http.close();
    }
  }

  /** The echo server has nothing to register on, so its sockets count once open. */
  private Measured echo(int port) throws Exception {
    try (var server = ServerProcess.echo(port);
        var sockets = new IdleSockets(vertx, options.idle())) {
      long before = server.usedHeapAfterGc();
      sockets.open(port, options.idle(), socket -> {});
      long after = server.usedHeapAfterGc();
      int open = sockets.stillOpen();
      return new Measured(
          open, 0, perSocket(after - before, open), server.openFiles(), OpenFiles.ofThisProcess());
    }
  }

  /**
   * Registrations have no reply on the bridge; the gateway's count of sockets that proved a patron
   * token is the event to wait for, read from its metrics until it reaches {@code expected} or
   * stops moving.
   */
  private void awaitRegistrations(WebClient http, int expected) {
    int seen = -1;
    long lastMove = System.nanoTime();
    while (true) {
      int now = patronSockets(http);
      if (now >= expected || (now == seen && System.nanoTime() - lastMove > STALLED_NANOS)) {
        return;
      }
      if (now != seen) {
        seen = now;
        lastMove = System.nanoTime();
      }
      Bench.pause(vertx, 500);
    }
  }

  private static int patronSockets(WebClient http) {
    var metrics = Bench.await(http.get("/metrics").send()).bodyAsString();
    var gauge = PATRON_SOCKETS.matcher(metrics);
    if (!gauge.find()) {
      throw new IllegalStateException("the gateway's /metrics has no patron connection gauge");
    }
    return (int) Double.parseDouble(gauge.group(1));
  }

  private static double ratio(long gatewayBytes, long echoBytes) {
    return Math.round(gatewayBytes * 100.0 / Math.max(1, echoBytes)) / 100.0;
  }

  private static long perSocket(long heapGrowth, int sockets) {
    return sockets == 0 ? 0 : heapGrowth / sockets;
  }
}
