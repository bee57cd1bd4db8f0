package org.refdesk.bench;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.refdesk.Refdesk;
import org.refdesk.platform.config.RefdeskConfig;

/**
 * The fault run: the chat scenario at a fixed rate through two clustered nodes while, a quarter of
 * the way in, Redis restarts; halfway, node A restarts; at three quarters, every client connection
 * drops. Clients behave as the connector does: reconnect (to the other node when theirs is gone)
 * and resend what was not acknowledged with the same client id. Then the oracle.
 */
final class FaultRun {

  private final Vertx vertx;
  private final String pgUrl;
  private final Bench.Options options;
  private final Map<String, String> events = new LinkedHashMap<>();
  private final AtomicLong reconnects = new AtomicLong();
  private final boolean withFaults;
  private final org.HdrHistogram.ConcurrentHistogram latency =
      new org.HdrHistogram.ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);

  /**
   * With {@code withFaults} false it is the plain two-node run: the same load and clients, no
   * faults.
   */
  FaultRun(Vertx vertx, String pgUrl, Bench.Options options, boolean withFaults) {
    this.vertx = vertx;
    this.pgUrl = pgUrl;
    this.options = options;
    this.withFaults = withFaults;
  }

  JsonObject run() throws Exception {
    int redisPort = freePort();
    var redis = startRedis(redisPort);
    int hzA = freePort();
    int hzB = freePort();
    int httpA = freePort();
    int httpB = freePort();
    var members = "127.0.0.1:" + hzA + ",127.0.0.1:" + hzB;
    var configA = config(httpA, hzA, members, redisPort);
    var configB = config(httpB, hzB, members, redisPort);
    var nodeA = Bench.await(Refdesk.start(configA));
    var nodeB = Bench.await(Refdesk.start(configB));
    var proxyA = new TcpProxy(vertx, httpA);
    var proxyB = new TcpProxy(vertx, httpB);
    int viaA = Bench.await(proxyA.start());
    int viaB = Bench.await(proxyB.start());
    nodeHolder[0] = nodeA;
    redisHolder[0] = redis;
    try {
      var http =
          WebClient.create(
              vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(httpB));
      var sockets = vertx.createWebSocketClient();
      var acked = new ConcurrentHashMap<Long, Map<String, Integer>>();
      // The proxies are there to drop connections; the plain two-node run measures the nodes alone.
      var senders =
          withFaults
              ? setUp(http, sockets, viaA, viaB, acked)
              : setUp(http, sockets, httpA, httpB, acked);
      nodeHolder[0] = nodeA;
      redisHolder[0] = redis;
      if (withFaults) {
        keepOnline(sockets, httpB);
      }
      var turn = new int[1];
      long handoffEveryTicks = 50;
      var ticks = new long[1];
      int seconds = options.seconds() * 3;
      long start = System.nanoTime();
      long tickMs = 10;
      double perTick = options.rate() * tickMs / 1000.0;
      var carry = new double[1];
      var next = new int[1];
      var sent = new AtomicLong();
      var faults = new int[1];
      long end = start + TimeUnit.SECONDS.toNanos(seconds);
      var done = Promise.<Void>promise();
      vertx.setPeriodic(
          tickMs,
          timer -> {
            long now = System.nanoTime();
            if (now >= end) {
              vertx.cancelTimer(timer);
              done.tryComplete();
              return;
            }
            double elapsed = (now - start) / (double) (end - start);
            if (!withFaults) {
              faults[0] = 3;
            }
            if (faults[0] == 0 && elapsed >= 0.25) {
              faults[0] = 1;
              vertx
                  .executeBlocking(
                      () -> {
                        redis.destroyForcibly().waitFor();
                        events.put(
                            "redisRestartedAtSecond",
                            Long.toString(TimeUnit.NANOSECONDS.toSeconds(now - start)));
                        return startRedis(redisPort);
                      })
                  .onSuccess(restarted -> redisHolder[0] = restarted);
            } else if (faults[0] == 1 && elapsed >= 0.5) {
              faults[0] = 2;
              events.put(
                  "nodeRestartedAtSecond",
                  Long.toString(TimeUnit.NANOSECONDS.toSeconds(now - start)));
              nodeHolder[0]
                  .stop()
                  .compose(v -> Refdesk.start(configA))
                  .onSuccess(restarted -> nodeHolder[0] = restarted);
            } else if (faults[0] == 2 && elapsed >= 0.75) {
              faults[0] = 3;
              int dropped = proxyA.dropAll() + proxyB.dropAll();
              events.put(
                  "connectionsDroppedAtSecond",
                  Long.toString(TimeUnit.NANOSECONDS.toSeconds(now - start)));
              events.put("connectionsDropped", Integer.toString(dropped));
            }
            // Under load, chats change hands: a transfer or a colleague joining and leaving, by
            // turns.
            if (withFaults && ++ticks[0] % handoffEveryTicks == 0) {
              handOff(http, turn[0]++);
            }
            carry[0] += perTick;
            while (carry[0] >= 1) {
              carry[0] -= 1;
              senders.get(next[0]++ % senders.size()).send(sent);
            }
          });
      Bench.await(done.future());
      // Every message not yet acknowledged is sent again (same id) until it is, for up to 60 s.
      long giveUp = System.currentTimeMillis() + 60_000;
      while (senders.stream().anyMatch(Sender::hasPending) && System.currentTimeMillis() < giveUp) {
        senders.forEach(Sender::resendPending);
        Bench.pause(vertx, 500);
      }
      long unacked = senders.stream().mapToLong(Sender::pendingCount).sum();
      var oracle = Oracle.check(pgUrl, acked).put("neverAcknowledged", unacked);
      return new JsonObject()
          .put("seconds", seconds)
          .put("offeredPerSecond", options.rate())
          .put("sent", sent.get())
          .put("acked", acked.values().stream().mapToLong(Map::size).sum())
          .put("reconnects", reconnects.get())
          .put("p50ms", latency.getValueAtPercentile(50) / 1e6)
          .put("p99ms", latency.getValueAtPercentile(99) / 1e6)
          .put("p999ms", latency.getValueAtPercentile(99.9) / 1e6)
          .put("faults", new JsonObject(new HashMap<>(events)))
          .put("handoffs", handoffSummary())
          .put("oracle", oracle);
    } finally {
      proxyA.stop();
      proxyB.stop();
      Bench.await(nodeHolder[0].stop());
      Bench.await(nodeB.stop());
      redisHolder[0].destroyForcibly();
      var database = pgUrl.substring(pgUrl.lastIndexOf('/') + 1);
      Bench.admin(options.pgServer(), "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  private final Refdesk[] nodeHolder = new Refdesk[1];
  private final Process[] redisHolder = new Process[1];

  private List<Sender> setUp(
      WebClient http,
      WebSocketClient sockets,
      int viaA,
      int viaB,
      Map<Long, Map<String, Integer>> acked) {
    var admin =
        Bench.await(
                http.post("/api/auth/login")
                    .sendJsonObject(
                        new JsonObject()
                            .put("username", "admin")
                            .put("password", Scenarios.ADMIN_PASSWORD)))
            .bodyAsJsonObject()
            .getString("token");
    var first = createOperator(http, admin, "faulty", "First Librarian");
    var operator = first.getString("token");
    var second = createOperator(http, admin, "faulty2", "Second Librarian");
    tokens = new String[] {operator, second.getString("token")};
    operatorIds =
        new long[] {
          first.getJsonObject("operator").getLong("id"),
          second.getJsonObject("operator").getLong("id")
        };
    var senders = new ArrayList<Sender>();
    for (int i = 0; i < options.chats(); i++) {
      var chat =
          Bench.await(
                  http.post("/api/widget/chats")
                      .sendJsonObject(
                          new JsonObject()
                              .put("queue", "ask")
                              .put("name", "Fault " + i)
                              .put("question", "Still there?")))
              .bodyAsJsonObject();
      long chatId = chat.getLong("chatId");
      Bench.await(
          http.post("/api/chats/" + chatId + "/claim").bearerTokenAuthentication(operator).send());
      // Patrons come in through node A, librarians through node B.
      senders.add(
          new Sender(sockets, chatId, chat.getString("token"), "fp" + chatId, viaA, viaB, acked));
      var librarian = new Sender(sockets, chatId, operator, "fo" + chatId, viaB, viaA, acked);
      senders.add(librarian);
      chats.add(new HeldChat(chatId, librarian));
    }
    senders.forEach(Sender::connect);
    return senders;
  }

  /** Makes a librarian of the ask queue and signs them in: {token, operator}. */
  private JsonObject createOperator(WebClient http, String admin, String username, String name) {
    var created =
        Bench.await(
            http.post("/api/admin/operators")
                .bearerTokenAuthentication(admin)
                .sendJsonObject(
                    new JsonObject()
                        .put("username", username)
                        .put("displayName", name)
                        .put("password", "fault run password")
                        .put("role", "operator")
                        .put("queues", new JsonArray().add("ask"))));
    if (created.statusCode() != 201) {
      throw new IllegalStateException(created.bodyAsString());
    }
    return Bench.await(
            http.post("/api/auth/login")
                .sendJsonObject(
                    new JsonObject()
                        .put("username", username)
                        .put("password", "fault run password")))
        .bodyAsJsonObject();
  }

  /** The two librarians' tokens: every chat is held by one of them. */
  private String[] tokens;

  private final List<HeldChat> chats = new ArrayList<>();
  private final Map<String, AtomicLong> handoffCounts = new ConcurrentHashMap<>();

  /** A chat under load and which of the two librarians holds it now. */
  private static final class HeldChat {
    final long chatId;
    final Sender librarian;
    int holder;
    boolean busy;

    HeldChat(long chatId, Sender librarian) {
      this.chatId = chatId;
      this.librarian = librarian;
    }
  }

  private void count(String what) {
    handoffCounts.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
  }

  /**
   * Both librarians say they are online over sockets of their own, every few seconds as the app's
   * heartbeat does: a transfer goes only to someone online, and a Redis restart forgets presence
   * until the next heartbeat brings it back.
   */
  private void keepOnline(WebSocketClient sockets, int port) {
    for (var token : tokens) {
      var holder = new BusClient[1];
      vertx.setPeriodic(
          1,
          2_000,
          t -> {
            if (holder[0] == null) {
              BusClient.connect(sockets, "127.0.0.1", port, "/eventbus/websocket")
                  .onSuccess(
                      c -> {
                        holder[0] = c;
                        c.closed().onComplete(v -> holder[0] = null);
                        c.request("presence.set", new JsonObject().put("status", "online"), token);
                      });
            } else {
              holder[0].request(
                  "presence.heartbeat", new JsonObject().put("status", "online"), token);
            }
          });
    }
  }

  /**
   * One hand-off on the next chat in turn, while messages flow: every other time the holder
   * transfers the chat to the other librarian with a card (who accepts, and the chat's librarian
   * socket writes as them from then on); otherwise the holder invites the other into the chat, who
   * joins, writes nothing of their own, and leaves again a moment later.
   */
  private void handOff(WebClient http, int turn) {
    var chat = chats.get(turn % chats.size());
    if (chat.busy) {
      return;
    }
    chat.busy = true;
    int from = chat.holder;
    int to = 1 - from;
    boolean transfer = turn % 2 == 0;
    var path = "/api/chats/" + chat.chatId + (transfer ? "/transfer" : "/invite");
    var body =
        transfer
            ? new JsonObject()
                .put("toOperatorId", operatorIds[to])
                .put(
                    "card",
                    new JsonObject()
                        .put("needs", "Fault run hand-off")
                        .put("links", new JsonArray().add("https://example.org/fault")))
            : new JsonObject().put("operatorId", operatorIds[to]);
    http.post(path)
        .bearerTokenAuthentication(tokens[from])
        .sendJsonObject(body)
        .compose(
            offered -> {
              if (offered.statusCode() != 201) {
                count((transfer ? "transferRefused:" : "inviteRefused:") + codeOf(offered));
                return io.vertx.core.Future.succeededFuture(false);
              }
              long id = offered.bodyAsJsonObject().getLong("id");
              return http.post("/api/handoffs/" + id + "/accept")
                  .bearerTokenAuthentication(tokens[to])
                  .send()
                  .map(
                      accepted -> {
                        if (accepted.statusCode() != 200) {
                          count("acceptRefused:" + codeOf(accepted));
                          return false;
                        }
                        return true;
                      });
            })
        .compose(
            done -> {
              if (!done) {
                return io.vertx.core.Future.succeededFuture();
              }
              if (transfer) {
                chat.holder = to;
                chat.librarian.switchTo(tokens[to]);
                count("transfers");
                return io.vertx.core.Future.succeededFuture();
              }
              count("shared");
              return io.vertx.core.Future.<Void>future(p -> vertx.setTimer(500, t -> p.complete()))
                  .compose(
                      v ->
                          http.post("/api/chats/" + chat.chatId + "/leave")
                              .bearerTokenAuthentication(tokens[to])
                              .send())
                  .map(
                      left -> {
                        count(left.statusCode() == 200 ? "left" : "leaveRefused:" + codeOf(left));
                        return null;
                      });
            })
        .onFailure(e -> count("handoffFailed:" + e.getClass().getSimpleName()))
        .onComplete(v -> chat.busy = false);
  }

  private long[] operatorIds;

  private JsonObject handoffSummary() {
    var summary = new JsonObject();
    new java.util.TreeMap<>(handoffCounts).forEach((k, v) -> summary.put(k, v.get()));
    return summary;
  }

  private static String codeOf(io.vertx.ext.web.client.HttpResponse<?> response) {
    try {
      return response.bodyAsJsonObject().getJsonObject("error").getString("code");
    } catch (RuntimeException notJson) {
      return Integer.toString(response.statusCode());
    }
  }

  /** The browser connector's ping interval. */
  private static final long PING_EVERY_MS = 5_000;

  /**
   * One person's connection, kept up like the connector keeps it, with its unacknowledged messages.
   */
  private final class Sender {
    private final WebSocketClient sockets;
    private final long chatId;
    private volatile String token;
    private final String prefix;
    private final int[] ports;
    private final Map<Long, Map<String, Integer>> acked;
    private final Map<String, String> pending = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();
    private volatile BusClient client;
    private int attempt;

    Sender(
        WebSocketClient sockets,
        long chatId,
        String token,
        String prefix,
        int home,
        int other,
        Map<Long, Map<String, Integer>> acked) {
      this.acked = acked;
      this.sockets = sockets;
      this.chatId = chatId;
      this.token = token;
      this.prefix = prefix;
      this.ports = new int[] {home, other};
    }

    void connect() {
      int port = ports[attempt++ % 2];
      BusClient.connect(sockets, "127.0.0.1", port, "/eventbus/websocket")
          .onComplete(
              result -> {
                if (result.failed()) {
                  vertx.setTimer(200, t -> connect());
                  return;
                }
                client = result.result();
                // As the browser's connector does: the bridge closes a socket that has not pinged
                // for 60 s.
                long pinger = vertx.setPeriodic(PING_EVERY_MS, t -> result.result().ping());
                client
                    .closed()
                    .onComplete(
                        v -> {
                          vertx.cancelTimer(pinger);
                          client = null;
                          reconnects.incrementAndGet();
                          vertx.setTimer(100, t -> connect());
                        });
                resendPending();
              });
    }

    void send(AtomicLong sent) {
      var id = prefix + "-" + counter.incrementAndGet();
      pending.put(id, "fault run message " + id);
      sent.incrementAndGet();
      deliver(id);
    }

    void resendPending() {
      pending.keySet().forEach(this::deliver);
    }

    private void deliver(String id) {
      var current = client;
      var text = pending.get(id);
      if (current == null || text == null) {
        return;
      }
      long sentAt = System.nanoTime();
      current
          .request(
              "chat.send",
              new JsonObject().put("chatId", chatId).put("text", text).put("clientMsgId", id),
              token)
          .timeout(10, TimeUnit.SECONDS)
          .onSuccess(
              reply -> {
                if (pending.remove(id) != null && reply.getValue("seq") instanceof Number n) {
                  latency.recordValue(System.nanoTime() - sentAt);
                  acked
                      .computeIfAbsent(chatId, c -> new ConcurrentHashMap<>())
                      .put(id, n.intValue());
                }
              });
    }

    boolean hasPending() {
      return !pending.isEmpty();
    }

    /**
     * The chat changed hands: from now on this librarian's messages are written as the new owner. A
     * socket is one identity, so it reconnects (what was not acknowledged is sent again, same id).
     */
    void switchTo(String newToken) {
      token = newToken;
      var current = client;
      if (current != null) {
        current.close();
      }
    }

    long pendingCount() {
      return pending.size();
    }
  }

  private RefdeskConfig config(int http, int hazelcast, String members, int redisPort) {
    var env = new HashMap<String, String>();
    env.put("REFDESK_HTTP_PORT", Integer.toString(http));
    env.put("REFDESK_HTTP_HOST", "127.0.0.1");
    env.put("REFDESK_PG_URL", pgUrl);
    env.put("REFDESK_REDIS_URL", "redis://127.0.0.1:" + redisPort + "/0");
    env.put("REFDESK_ADMIN_PASSWORD", Scenarios.ADMIN_PASSWORD);
    env.put("REFDESK_CHAT_STARTS_PER_ADDRESS", "100000000");
    env.put("REFDESK_PATRON_MESSAGES_PER_MINUTE", "100000000");
    env.put("REFDESK_WRITE_LANES", Integer.toString(options.lanes()));
    env.put("REFDESK_CLUSTER", "true");
    env.put("REFDESK_CLUSTER_PORT", Integer.toString(hazelcast));
    env.put("REFDESK_CLUSTER_MEMBERS", members);
    env.put("REFDESK_LOG_LEVEL", "WARN");
    return RefdeskConfig.fromEnv(env);
  }

  private static Process startRedis(int port) throws Exception {
    var process =
        new ProcessBuilder(
                "redis-server",
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    for (int i = 0; i < 50; i++) {
      try (var socket = new Socket("127.0.0.1", port)) {
        return process;
      } catch (IOException notYet) {
        // Not listening yet: redis-server takes a moment to bind; nothing else to wait on here.
        LockSupport.parkNanos(100_000_000);
      }
    }
    throw new IllegalStateException("redis-server did not start");
  }

  private static int freePort() throws Exception {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
