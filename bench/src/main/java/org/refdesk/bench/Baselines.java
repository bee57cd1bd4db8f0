package org.refdesk.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Baseline B: what the machine's Postgres and Redis do on their own, measured with their own tools
 * in the same run: one-row insert commits with pgbench (1 and 16 clients) and SET with
 * redis-benchmark.
 */
final class Baselines {

  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");
  private static final Pattern SET = Pattern.compile("SET: ([0-9.]+) requests per second");

  private Baselines() {}

  static JsonObject external(Bench.Options options) throws Exception {
    var result = new JsonObject();
    var pg = URI.create(options.pgServer());
    var user = pg.getUserInfo() == null ? "postgres" : pg.getUserInfo().split(":")[0];
    var database = "refdesk_pgbench";
    Bench.admin(options.pgServer(), "DROP DATABASE IF EXISTS " + database);
    Bench.admin(options.pgServer(), "CREATE DATABASE " + database);
    try {
      run(
          List.of(
              "psql",
              "-h",
              pg.getHost(),
              "-p",
              Integer.toString(pg.getPort()),
              "-U",
              user,
              "-d",
              database,
              "-c",
              "CREATE TABLE bench_rows (id bigserial PRIMARY KEY, chat_id bigint, body text, created_at timestamptz DEFAULT now())"));
      var script = Files.createTempFile("pgbench", ".sql");
      Files.writeString(
          script,
          "INSERT INTO bench_rows (chat_id, body) VALUES (1, 'a benchmark message of ordinary length');\n");
      for (int clients : new int[] {1, 16}) {
        var out =
            run(
                List.of(
                    "pgbench",
                    "-n",
                    "-h",
                    pg.getHost(),
                    "-p",
                    Integer.toString(pg.getPort()),
                    "-U",
                    user,
                    "-f",
                    script.toString(),
                    "-c",
                    Integer.toString(clients),
                    "-j",
                    "2",
                    "-T",
                    "5",
                    database));
        var tps = TPS.matcher(out);
        result.put(
            "pgbenchInsert" + clients + "ClientsTps",
            tps.find() ? Math.round(Double.parseDouble(tps.group(1))) : null);
      }
    } finally {
      Bench.admin(options.pgServer(), "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
    var redis = URI.create(options.redis());
    var out =
        run(
            List.of(
                "redis-benchmark",
                "-h",
                redis.getHost(),
                "-p",
                Integer.toString(redis.getPort()),
                "-q",
                "-n",
                "100000",
                "-t",
                "set"));
    var set = SET.matcher(out);
    result.put(
        "redisSetPerSecond", set.find() ? Math.round(Double.parseDouble(set.group(1))) : null);
    return result;
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", command.subList(0, 1)) + " failed: " + out);
    }
    return out;
  }
}
