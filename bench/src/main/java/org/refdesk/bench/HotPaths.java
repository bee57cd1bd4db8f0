package org.refdesk.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Closed loops for the frames and calls that come most often and store nothing: typing, and the
 * events a client fetches after every reconnect. Each counts answers, and Postgres's transactions
 * for the bench's database across the run, so the reads a path still makes show per request.
 */
final class HotPaths {

  /** Backends report their counters within a second under load, and within ten when idle. */
  private static final long STATS_SETTLE_MS = 11_000;

  private HotPaths() {}

  /** What a loop measured. */
  record Run(long answered, long failed, double seconds, long transactions) {

    double perSecond() {
      return answered / seconds;
    }

    JsonObject toJson() {
      return new JsonObject()
          .put("answered", answered)
          .put("failed", failed)
          .put("seconds", seconds)
          .put("perSecond", Math.round(perSecond()))
          .put("postgresTransactions", transactions)
          .put(
              "postgresTransactionsPerRequest",
              answered == 0 ? null : Math.round(transactions * 1000.0 / answered) / 1000.0);
    }
  }

  /** Every sender keeps one frame to the address outstanding for the seconds given. */
  static Run bus(
      Vertx vertx,
      String pgUrl,
      List<Load.Sender> senders,
      String address,
      Function<Load.Sender, JsonObject> body,
      int seconds) {
    return measure(
        vertx,
        pgUrl,
        seconds,
        (answered, failed, end) ->
            senders.forEach(
                sender ->
                    loop(
                        () -> sender.client().request(address, body.apply(sender), sender.token()),
                        answered,
                        failed,
                        end)));
  }

  /**
   * {@code paths.size()} callers, each keeping one GET of its path outstanding for the seconds
   * given.
   */
  static Run http(
      Vertx vertx,
      String pgUrl,
      WebClient http,
      List<String> paths,
      List<String> tokens,
      int seconds) {
    return measure(
        vertx,
        pgUrl,
        seconds,
        (answered, failed, end) -> {
          for (int i = 0; i < paths.size(); i++) {
            var path = paths.get(i);
            var token = tokens.get(i);
            loop(
                () -> {
                  var request = http.get(path);
                  if (token != null) {
                    request.bearerTokenAuthentication(token);
                  }
                  return request
                      .send()
                      .compose(
                          r ->
                              r.statusCode() == 200
                                  ? Future.succeededFuture(r)
                                  : Future.failedFuture("status " + r.statusCode()));
                },
                answered,
                failed,
                end);
          }
        });
  }

  private interface Driver {
    void start(AtomicLong answered, AtomicLong failed, long endNanos);
  }

  private static Run measure(Vertx vertx, String pgUrl, int seconds, Driver driver) {
    var answered = new AtomicLong();
    var failed = new AtomicLong();
    long before = pgUrl == null ? 0 : transactions(pgUrl);
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    driver.start(answered, failed, end);
    // The loops stop by themselves at the end; a request still out then is counted when it answers.
    Bench.pause(vertx, TimeUnit.SECONDS.toMillis(seconds) + 500);
    double took = (System.nanoTime() - start) / 1e9;
    if (pgUrl == null) {
      return new Run(answered.get(), failed.get(), took, 0);
    }
    Bench.pause(vertx, STATS_SETTLE_MS);
    return new Run(answered.get(), failed.get(), took, transactions(pgUrl) - before);
  }

  private static void loop(
      Supplier<Future<?>> call, AtomicLong answered, AtomicLong failed, long end) {
    if (System.nanoTime() >= end) {
      return;
    }
    Promise<Void> next = Promise.promise();
    call.get()
        .onComplete(
            done -> {
              (done.succeeded() ? answered : failed).incrementAndGet();
              next.complete();
            });
    next.future().onComplete(v -> loop(call, answered, failed, end));
  }

  /** Committed and rolled-back transactions of the database so far, as Postgres counts them. */
  static long transactions(String pgUrl) {
    var uri = URI.create(pgUrl);
    var jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getPath();
    var user = uri.getUserInfo() == null ? "postgres" : uri.getUserInfo().split(":")[0];
    try (var conn = DriverManager.getConnection(jdbc, user, null);
        var statement = conn.createStatement();
        var rows =
            statement.executeQuery(
                "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()")) {
      rows.next();
      // This query is a transaction of its own too; the next reading counts it.
      return rows.getLong(1) + 1;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
