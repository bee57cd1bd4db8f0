package org.refdesk.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.refdesk.Refdesk;
import org.refdesk.platform.config.RefdeskConfig;

/**
 * Runs the scenarios against a real gateway (started here on a fresh database; the idle scenario's
 * in a JVM of its own, with the same settings) with their baselines in the same run, prints a table
 * and writes bench/results/&lt;time&gt;.json. Arguments: {@code key=value} pairs, see
 * bench/README.md.
 */
public final class Bench {

  private Bench() {}

  public static void main(String[] args) throws Exception {
    var options = Options.parse(args);
    var database = "refdesk_bench_" + System.currentTimeMillis();
    admin(options.pgServer(), "CREATE DATABASE " + database);
    var pgUrl = options.pgServer().replaceAll("/[^/]*$", "/" + database);
    int port = options.port();
    var env = new HashMap<String, String>();
    env.put("REFDESK_HTTP_PORT", Integer.toString(port));
    env.put("REFDESK_HTTP_HOST", "127.0.0.1");
    env.put("REFDESK_PG_URL", pgUrl);
    env.put("REFDESK_REDIS_URL", options.redis());
    env.put("REFDESK_REDIS_PREFIX", "bench:" + database + ":");
    env.put("REFDESK_ADMIN_PASSWORD", Scenarios.ADMIN_PASSWORD);
    env.put("REFDESK_CHAT_STARTS_PER_ADDRESS", "100000000");
    env.put("REFDESK_PATRON_MESSAGES_PER_MINUTE", "100000000");
    env.put("REFDESK_LOG_LEVEL", "WARN");
    env.put("REFDESK_WRITE_LANES", Integer.toString(options.lanes()));
    var gateway = Refdesk.start(RefdeskConfig.fromEnv(env)).await(120, TimeUnit.SECONDS);
    var vertx = Vertx.vertx();
    var results =
        new JsonObject()
            .put("startedAt", Instant.now().toString())
            .put("options", options.toJson());
    try {
      var http =
          WebClient.create(
              vertx,
              new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port),
              new PoolOptions().setHttp1MaxSize(64));
      var sockets =
          vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(100_000));
      var scenarios = new Scenarios(vertx, http, sockets, port, pgUrl, options);
      var table = new ArrayList<List<String>>();
      for (var name : options.scenarios()) {
        var result =
            switch (name) {
              case "chat" -> scenarios.chat();
              case "claims" -> scenarios.claims();
              case "broadcast" -> scenarios.broadcast();
              case "hotpaths" -> scenarios.hotPaths();
              case "idle" -> new IdleRun(vertx, env, options).run();
              case "fault" -> new FaultRun(vertx, faultDatabase(options), options, true).run();
              case "cluster" -> new FaultRun(vertx, faultDatabase(options), options, false).run();
              case "baselines" -> Baselines.external(options);
              case "seed-year" -> YearOfChats.seed(pgUrl, demoLibrary(pgUrl), options.year());
              case "search" ->
                  new SearchRun(
                          vertx,
                          http,
                          pgUrl,
                          scenarios.adminToken(),
                          options.searchRounds(),
                          options.year())
                      .run(demoLibrary(pgUrl));
              default -> throw new IllegalArgumentException("unknown scenario " + name);
            };
        results.put(name, result);
        table.addAll(Report.rows(name, result));
      }
      System.out.println(Report.table(table));
      Files.createDirectories(Path.of("bench", "results"));
      var file = Path.of("bench", "results", Instant.now().toString().replace(':', '-') + ".json");
      Files.writeString(file, results.encodePrettily());
      System.out.println("results: " + file);
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
      gateway.stop().await(30, TimeUnit.SECONDS);
      admin(options.pgServer(), "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
    System.exit(0);
  }

  /** The library of the gateway's first run, which the bench's scenarios use. */
  private static long demoLibrary(String pgUrl) throws Exception {
    try (var conn = YearOfChats.connect(pgUrl);
        var rows = conn.createStatement().executeQuery("SELECT min(id) FROM libraries")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** The fault run has its own gateways, so it gets its own fresh database. */
  private static String faultDatabase(Options options) throws Exception {
    var database = "refdesk_fault_" + System.currentTimeMillis();
    admin(options.pgServer(), "CREATE DATABASE " + database);
    return options.pgServer().replaceAll("/[^/]*$", "/" + database);
  }

  static void admin(String serverUrl, String sql) throws Exception {
    var uri = URI.create(serverUrl);
    var jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getPath();
    var user = uri.getUserInfo() == null ? "postgres" : uri.getUserInfo().split(":")[0];
    try (var conn = DriverManager.getConnection(jdbc, user, null);
        var statement = conn.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Command-line settings with defaults sized for a 2-core machine. */
  record Options(
      List<String> scenarios,
      String pgServer,
      String redis,
      int port,
      int chats,
      int rate,
      int seconds,
      int inFlight,
      int operators,
      int claims,
      int claimers,
      int listeners,
      int lanes,
      int idle,
      int year,
      int searchRounds) {

    static Options parse(String[] args) {
      Map<String, String> given = new HashMap<>();
      for (var arg : args) {
        var parts = arg.split("=", 2);
        if (parts.length != 2) {
          throw new IllegalArgumentException("arguments are key=value, got " + arg);
        }
        given.put(parts[0], parts[1]);
      }
      return new Options(
          List.of(
              given.getOrDefault("scenarios", "baselines,chat,claims,broadcast,idle").split(",")),
          given.getOrDefault("pg", "postgresql://postgres@127.0.0.1:5432/postgres"),
          given.getOrDefault("redis", "redis://127.0.0.1:6379/0"),
          Integer.parseInt(given.getOrDefault("port", "18900")),
          Integer.parseInt(given.getOrDefault("chats", "50")),
          Integer.parseInt(given.getOrDefault("rate", "1000")),
          Integer.parseInt(given.getOrDefault("seconds", "20")),
          Integer.parseInt(given.getOrDefault("inFlight", "4")),
          Integer.parseInt(given.getOrDefault("operators", "10")),
          Integer.parseInt(given.getOrDefault("claims", "100000")),
          Integer.parseInt(given.getOrDefault("claimers", "10")),
          Integer.parseInt(given.getOrDefault("listeners", "1000")),
          Integer.parseInt(given.getOrDefault("lanes", "2")),
          Integer.parseInt(given.getOrDefault("idle", "19500")),
          Integer.parseInt(given.getOrDefault("year", "100000")),
          Integer.parseInt(given.getOrDefault("searchRounds", "200")));
    }

    JsonObject toJson() {
      return new JsonObject()
          .put("scenarios", new JsonArray(scenarios))
          .put("chats", chats)
          .put("rate", rate)
          .put("seconds", seconds)
          .put("inFlight", inFlight)
          .put("operators", operators)
          .put("claims", claims)
          .put("claimers", claimers)
          .put("listeners", listeners)
          .put("lanes", lanes)
          .put("idle", idle)
          .put("year", year)
          .put("searchRounds", searchRounds);
    }
  }

  /** Waits on a Vert.x timer: the bench's own threads wait for events, never by sleeping. */
  static void pause(Vertx vertx, long millis) {
    await(Future.<Void>future(p -> vertx.setTimer(millis, t -> p.complete())));
  }

  static <T> T await(Future<T> future) {
    try {
      return future.await(10, TimeUnit.MINUTES);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
