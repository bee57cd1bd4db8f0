package org.refdesk.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.refdesk.search.ChatQuery;
import org.refdesk.search.SearchSql;

/**
 * The search scenario: on a year of chats (seeded first if the library has fewer than {@code chats}
 * searchable), a fixed set of searches an operator would make, each asked many times in turn
 * through the gateway's {@code GET /api/search/chats} and, as the baseline, the very statement the
 * gateway runs ({@link SearchSql#chats}) sent straight to Postgres by the same client library over
 * one connection. One request at a time, warm, so each figure is a latency.
 */
final class SearchRun {

  /** What is searched for: a name, the query string, and the same search as the gateway runs it. */
  private record Search(String name, String query, ChatQuery statement) {}

  private final Vertx vertx;
  private final WebClient http;
  private final String pgUrl;
  private final String token;
  private final int rounds;
  private final int chats;

  SearchRun(Vertx vertx, WebClient http, String pgUrl, String token, int rounds, int chats) {
    this.vertx = vertx;
    this.http = http;
    this.pgUrl = pgUrl;
    this.token = token;
    this.rounds = rounds;
    this.chats = chats;
  }

  JsonObject run(long libraryId) throws Exception {
    var result = new JsonObject();
    long queueId;
    try (var conn = YearOfChats.connect(pgUrl)) {
      var counts = YearOfChats.counts(conn, libraryId);
      if (counts.getLong("searchDocuments") < chats) {
        result.put("seeded", YearOfChats.seed(pgUrl, libraryId, chats));
      }
      result.put("data", YearOfChats.counts(conn, libraryId));
      try (var statement =
          conn.prepareStatement(
              "SELECT id FROM queues WHERE library_id = ? AND slug LIKE '%research' LIMIT 1")) {
        statement.setLong(1, libraryId);
        var rows = statement.executeQuery();
        rows.next();
        queueId = rows.getLong(1);
      }
    }
    var today = LocalDate.now(ZoneOffset.UTC);
    var from = today.minusDays(60);
    var searches =
        List.of(
            new Search("oneWord", "q=renew", ChatQuery.of(libraryId, "renew", 1)),
            new Search(
                "twoWords",
                "q=" + encode("interlibrary loan"),
                ChatQuery.of(libraryId, "interlibrary loan", 1)),
            new Search("prefix", "q=citat", ChatQuery.of(libraryId, "citat", 1)),
            new Search("rareWord", "q=eduroam", ChatQuery.of(libraryId, "eduroam", 1)),
            new Search(
                "commonWordDatesQueue",
                "q=thanks&from=" + from + "&to=" + today + "&queue=" + queueId,
                ChatQuery.of(libraryId, "thanks", 1).within(from, today, queueId)),
            new Search("commonWordPage5", "q=thanks&page=5", ChatQuery.of(libraryId, "thanks", 5)),
            new Search(
                "noWordsQueue",
                "queue=" + queueId,
                ChatQuery.of(libraryId, "", 1).within(null, null, queueId)));
    Pool direct =
        PgBuilder.pool()
            .with(new PoolOptions().setMaxSize(1))
            .connectingTo(PgConnectOptions.fromUri(pgUrl))
            .using(vertx)
            .build();
    var allHttp = histogram();
    var allSql = histogram();
    var each = new JsonObject();
    try {
      for (var search : searches) {
        var statement = SearchSql.chats(search.statement());
        var path = "/api/search/chats?" + search.query();
        var first = Bench.await(http.get(path).bearerTokenAuthentication(token).send());
        if (first.statusCode() != 200) {
          throw new IllegalStateException(path + ": " + first.bodyAsString());
        }
        long total = first.bodyAsJsonObject().getLong("total");
        var viaHttp = histogram();
        var viaSql = histogram();
        // Warm both paths (the JIT, the prepared statements, Postgres's caches), then alternate
        // rounds so that both see the same machine.
        for (int i = 0; i < 10; i++) {
          Bench.await(http.get(path).bearerTokenAuthentication(token).send());
          Bench.await(direct.preparedQuery(statement.sql()).execute(statement.params()));
        }
        for (int i = 0; i < rounds; i++) {
          long at = System.nanoTime();
          var answer = Bench.await(http.get(path).bearerTokenAuthentication(token).send());
          viaHttp.recordValue(System.nanoTime() - at);
          if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + answer.bodyAsString());
          }
          at = System.nanoTime();
          Bench.await(direct.preparedQuery(statement.sql()).execute(statement.params()));
          viaSql.recordValue(System.nanoTime() - at);
        }
        allHttp.add(viaHttp);
        allSql.add(viaSql);
        each.put(
            search.name(),
            new JsonObject()
                .put("total", total)
                .put("httpP50ms", ms(viaHttp, 50))
                .put("httpP95ms", ms(viaHttp, 95))
                .put("sqlP50ms", ms(viaSql, 50))
                .put("sqlP95ms", ms(viaSql, 95))
                .put("ratioP95", ratio(viaHttp, viaSql, 95)));
      }
    } finally {
      direct.close().await(10, TimeUnit.SECONDS);
    }
    return result
        .put("roundsPerSearch", rounds)
        .put("searches", each)
        .put("httpP50ms", ms(allHttp, 50))
        .put("httpP95ms", ms(allHttp, 95))
        .put("sqlP50ms", ms(allSql, 50))
        .put("sqlP95ms", ms(allSql, 95))
        .put("ratioP50", ratio(allHttp, allSql, 50))
        .put("ratioP95", ratio(allHttp, allSql, 95));
  }

  private static Histogram histogram() {
    return new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
  }

  private static double ms(Histogram histogram, double percentile) {
    return Math.round(histogram.getValueAtPercentile(percentile) / 1e4) / 100.0;
  }

  private static double ratio(Histogram over, Histogram base, double percentile) {
    return Math.round(
            (double) over.getValueAtPercentile(percentile)
                / base.getValueAtPercentile(percentile)
                * 100)
        / 100.0;
  }

  private static String encode(String words) {
    return URLEncoder.encode(words, StandardCharsets.UTF_8);
  }
}
