package org.refdesk.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/** The scenarios of bench/README.md, each against the running gateway, each with its baseline. */
final class Scenarios {

  static final String ADMIN_PASSWORD = "quiet lanterns measure every message";
  private static final String OPERATOR_PASSWORD = "benchmark operator password";

  private final Vertx vertx;
  private final WebClient http;
  private final WebSocketClient sockets;
  private final int port;
  private final String pgUrl;
  private final Bench.Options options;
  private final List<String> operatorTokens = new ArrayList<>();
  private String adminToken;

  Scenarios(
      Vertx vertx,
      WebClient http,
      WebSocketClient sockets,
      int port,
      String pgUrl,
      Bench.Options options) {
    this.vertx = vertx;
    this.http = http;
    this.sockets = sockets;
    this.port = port;
    this.pgUrl = pgUrl;
    this.options = options;
  }

  /**
   * P patrons and P operator seats in active chats: at a fixed offered load, then at saturation,
   * with baseline A (the bare echo server through the same client) at saturation beside it; then
   * the oracle.
   */
  JsonObject chat() {
    var chats = activeChats(options.chats());
    var senders = new ArrayList<Load.Sender>();
    for (var chat : chats) {
      senders.add(
          new Load.Sender(
              connect(port),
              chat.getString("patronToken"),
              chat.getLong("chatId"),
              "p" + chat.getLong("chatId")));
      senders.add(
          new Load.Sender(
              connect(port),
              chat.getString("operatorToken"),
              chat.getLong("chatId"),
              "o" + chat.getLong("chatId")));
    }
    var load = new Load(vertx);
    // A short warm-up lets the JIT and the pools settle before anything is counted.
    load.closedLoop(senders, 1, 3);
    var fixed = load.openLoop(senders, options.rate(), options.seconds());
    var saturated = load.closedLoop(senders, options.inFlight(), options.seconds());
    var oracle = Oracle.check(pgUrl, merge(fixed, saturated));

    int echoPort = port + 1;
    var echo = Bench.await(EchoServer.start(vertx, echoPort));
    var echoSenders = new ArrayList<Load.Sender>();
    for (var sender : senders) {
      echoSenders.add(
          new Load.Sender(connect(echoPort), "-", sender.chatId(), "e" + sender.idPrefix()));
    }
    load.closedLoop(echoSenders, 1, 2);
    var baseline = load.closedLoop(echoSenders, options.inFlight(), options.seconds());
    Bench.await(echo.close());
    return new JsonObject()
        .put("fixedRate", fixed.toJson().put("offeredPerSecond", options.rate()))
        .put("saturation", saturated.toJson())
        .put("echoBaseline", baseline.toJson())
        .put(
            "ratioToEcho", Math.round(saturated.perSecond() / baseline.perSecond() * 1000) / 1000.0)
        .put("oracle", oracle);
  }

  /**
   * The paths that store nothing and come most often: typing frames from every patron and operator
   * of {@code chats} active chats, against baseline A (the echo server, same client, same frames);
   * and operators fetching their chats' events as after a reconnect, against {@code GET /health} on
   * the same gateway (the HTTP stack without the route). Postgres transactions per request show
   * what each path still reads.
   */
  JsonObject hotPaths() {
    var chats = activeChats(options.chats());
    var senders = new ArrayList<Load.Sender>();
    for (var chat : chats) {
      senders.add(
          new Load.Sender(
              connect(port), chat.getString("patronToken"), chat.getLong("chatId"), "p"));
      senders.add(
          new Load.Sender(
              connect(port), chat.getString("operatorToken"), chat.getLong("chatId"), "o"));
    }
    Function<Load.Sender, JsonObject> typing =
        sender ->
            new JsonObject()
                .put("chatId", sender.chatId())
                .put("typing", true)
                .put("preview", "benchmark draft");
    HotPaths.bus(vertx, null, senders, "chat.typing", typing, 2);
    var typed = HotPaths.bus(vertx, pgUrl, senders, "chat.typing", typing, options.seconds());

    int echoPort = port + 1;
    var echo = Bench.await(EchoServer.start(vertx, echoPort));
    var echoSenders = new ArrayList<Load.Sender>();
    for (var sender : senders) {
      echoSenders.add(new Load.Sender(connect(echoPort), "-", sender.chatId(), "e"));
    }
    HotPaths.bus(vertx, null, echoSenders, "chat.typing", typing, 2);
    var echoed = HotPaths.bus(vertx, null, echoSenders, "chat.typing", typing, options.seconds());
    Bench.await(echo.close());
    echoSenders.forEach(sender -> sender.client().close());
    senders.forEach(sender -> sender.client().close());

    var paths =
        chats.stream()
            .map(chat -> "/api/chats/" + chat.getLong("chatId") + "/events?after=1")
            .toList();
    var tokens = chats.stream().map(chat -> chat.getString("operatorToken")).toList();
    HotPaths.http(vertx, null, http, paths, tokens, 2);
    var resumed = HotPaths.http(vertx, pgUrl, http, paths, tokens, options.seconds());
    var health = chats.stream().map(chat -> "/health").toList();
    var healthy = HotPaths.http(vertx, null, http, health, tokens, options.seconds());
    return new JsonObject()
        .put("typing", typed.toJson())
        .put("typingEchoBaseline", echoed.toJson())
        .put(
            "typingRatioToEcho", Math.round(typed.perSecond() / echoed.perSecond() * 1000) / 1000.0)
        .put("operatorEvents", resumed.toJson())
        .put("healthBaseline", healthy.toJson())
        .put(
            "eventsRatioToHealth",
            Math.round(resumed.perSecond() / healthy.perSecond() * 1000) / 1000.0);
  }

  /** {@code claims} claim requests: {@code claimers} operators press Claim on each chat at once. */
  JsonObject claims() {
    ensureOperators(options.claimers());
    int chatsNeeded = options.claims() / options.claimers();
    var chatIds = new ArrayList<Long>();
    for (int i = 0; i < chatsNeeded; i++) {
      chatIds.add(startChat(http, "Claim " + i).getLong("chatId"));
    }
    var won = new AtomicInteger();
    var conflicts = new AtomicInteger();
    var other = new AtomicInteger();
    long start = System.nanoTime();
    // At most 64 chats in flight (640 requests): enough to keep both cores busy, not a flood.
    int window = 64;
    for (int from = 0; from < chatIds.size(); from += window) {
      var presses = new ArrayList<Future<HttpResponse<Buffer>>>();
      for (var chatId : chatIds.subList(from, Math.min(chatIds.size(), from + window))) {
        for (int o = 0; o < options.claimers(); o++) {
          presses.add(
              http.post("/api/chats/" + chatId + "/claim")
                  .bearerTokenAuthentication(operatorTokens.get(o))
                  .send());
        }
      }
      Bench.await(Future.join(presses).otherwiseEmpty());
      for (var press : presses) {
        if (press.failed()) {
          other.incrementAndGet();
        } else if (press.result().statusCode() == 200) {
          won.incrementAndGet();
        } else if (press.result().statusCode() == 409) {
          conflicts.incrementAndGet();
        } else {
          other.incrementAndGet();
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int total = won.get() + conflicts.get() + other.get();
    return new JsonObject()
        .put("claimRequests", total)
        .put("chats", chatIds.size())
        .put("claimersPerChat", options.claimers())
        .put("seconds", Math.round(seconds * 100) / 100.0)
        .put("claimsPerSecond", Math.round(total / seconds))
        .put("winners", won.get())
        .put("conflicts409", conflicts.get())
        .put("otherAnswers", other.get())
        .put("doubleClaims", Oracle.doubleClaims(pgUrl));
  }

  /**
   * {@code listeners} operator sockets on one queue; a new chat arrives; how long until each hears
   * it.
   */
  JsonObject broadcast() {
    ensureOperators(1);
    long queueId =
        Bench.await(http.get("/api/widget/queues/ask").send()).bodyAsJsonObject().getLong("id");
    var heard = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    var clients = new ArrayList<BusClient>();
    var sentAt = new long[1];
    var pending = new AtomicInteger();
    var round = new Promise[1];
    for (int i = 0; i < options.listeners(); i++) {
      var client = connect(port);
      clients.add(client);
      client.register(
          "queue." + queueId,
          operatorTokens.get(0),
          event -> {
            if ("waiting".equals(event.getString("type"))) {
              synchronized (heard) {
                heard.recordValue(System.nanoTime() - sentAt[0]);
              }
              if (pending.decrementAndGet() == 0) {
                round[0].tryComplete();
              }
            }
          });
    }
    Bench.pause(vertx, 3000);
    int rounds = 5;
    int missed = 0;
    for (int r = 0; r < rounds; r++) {
      round[0] = Promise.promise();
      pending.set(options.listeners());
      sentAt[0] = System.nanoTime();
      startChat(http, "Broadcast " + r);
      var timeout = vertx.setTimer(10_000, t -> round[0].tryComplete());
      Bench.await(round[0].future());
      vertx.cancelTimer(timeout);
      missed += Math.max(0, pending.get());
    }
    clients.forEach(BusClient::close);
    return new JsonObject()
        .put("listeners", options.listeners())
        .put("rounds", rounds)
        .put("deliveries", heard.getTotalCount())
        .put("missed", missed)
        .put("p50ms", heard.getValueAtPercentile(50) / 1e6)
        .put("p95ms", heard.getValueAtPercentile(95) / 1e6)
        .put("maxMs", heard.getMaxValue() / 1e6);
  }

  private List<JsonObject> activeChats(int count) {
    ensureOperators(options.operators());
    var chats = new ArrayList<JsonObject>();
    for (int i = 0; i < count; i++) {
      var started = startChat(http, "Patron " + i);
      var operatorToken = operatorTokens.get(i % options.operators());
      var claim =
          Bench.await(
              http.post("/api/chats/" + started.getLong("chatId") + "/claim")
                  .bearerTokenAuthentication(operatorToken)
                  .send());
      if (claim.statusCode() != 200) {
        throw new IllegalStateException("claim failed: " + claim.bodyAsString());
      }
      chats.add(
          new JsonObject()
              .put("chatId", started.getLong("chatId"))
              .put("patronToken", started.getString("token"))
              .put("operatorToken", operatorToken));
    }
    return chats;
  }

  /**
   * Starts a chat as the widget does; the answer holds its {@code chatId} and the patron's {@code
   * token}.
   */
  static JsonObject startChat(WebClient gateway, String name) {
    var response =
        Bench.await(
            gateway
                .post("/api/widget/chats")
                .sendJsonObject(
                    new JsonObject()
                        .put("queue", "ask")
                        .put("name", name)
                        .put("question", "Benchmark question")));
    if (response.statusCode() != 201) {
      throw new IllegalStateException("start failed: " + response.bodyAsString());
    }
    return response.bodyAsJsonObject();
  }

  private void ensureOperators(int count) {
    if (adminToken == null) {
      adminToken = login("admin", ADMIN_PASSWORD);
    }
    while (operatorTokens.size() < count) {
      var username = "bench" + operatorTokens.size();
      var created =
          Bench.await(
              http.post("/api/admin/operators")
                  .bearerTokenAuthentication(adminToken)
                  .sendJsonObject(
                      new JsonObject()
                          .put("username", username)
                          .put("displayName", "Bench " + operatorTokens.size())
                          .put("password", OPERATOR_PASSWORD)
                          .put("role", "operator")
                          .put("queues", new JsonArray().add("ask"))));
      if (created.statusCode() != 201) {
        throw new IllegalStateException("operator not created: " + created.bodyAsString());
      }
      operatorTokens.add(login(username, OPERATOR_PASSWORD));
    }
  }

  /** The admin of the demo library, signed in once. */
  String adminToken() {
    if (adminToken == null) {
      adminToken = login("admin", ADMIN_PASSWORD);
    }
    return adminToken;
  }

  private String login(String username, String password) {
    var response =
        Bench.await(
            http.post("/api/auth/login")
                .sendJsonObject(
                    new JsonObject().put("username", username).put("password", password)));
    return response.bodyAsJsonObject().getString("token");
  }

  private BusClient connect(int toPort) {
    return Bench.await(BusClient.connect(sockets, "127.0.0.1", toPort, "/eventbus/websocket"));
  }

  private static Map<Long, Map<String, Integer>> merge(Load.Run... runs) {
    var all = new HashMap<Long, Map<String, Integer>>();
    for (var run : runs) {
      run.ackedSeqs()
          .forEach((chat, seqs) -> all.computeIfAbsent(chat, c -> new HashMap<>()).putAll(seqs));
    }
    return all;
  }
}
