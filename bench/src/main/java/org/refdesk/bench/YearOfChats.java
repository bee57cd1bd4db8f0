package org.refdesk.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;

/**
 * A year of realistic chats for one library, generated inside Postgres by the set-based statements
 * of {@code seed-year.sql}: no row crosses the network. Runs as the bench's {@code seed-year} step
 * on its fresh database, or on its own against any database and library:
 *
 * <pre>
 * java -cp bench/target/refdesk-bench.jar org.refdesk.bench.YearOfChats \
 *     pg=postgresql://postgres@127.0.0.1:5432/refdesk library=1 chats=100000
 * </pre>
 */
public final class YearOfChats {

  private static final String STEP = "-- step: ";

  private YearOfChats() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> given = new HashMap<>();
    for (var arg : args) {
      var parts = arg.split("=", 2);
      if (parts.length != 2) {
        throw new IllegalArgumentException("arguments are key=value, got " + arg);
      }
      given.put(parts[0], parts[1]);
    }
    if (!given.containsKey("pg") || !given.containsKey("library")) {
      System.err.println(
          "usage: YearOfChats pg=postgresql://user@host:port/database library=<id> [chats=100000]");
      System.exit(2);
    }
    var result =
        seed(
            given.get("pg"),
            Long.parseLong(given.get("library")),
            Integer.parseInt(given.getOrDefault("chats", "100000")));
    System.out.println(result.encodePrettily());
  }

  /**
   * Adds {@code chats} ended and missed chats over the last year to the library, with their
   * messages, tags, ratings, statistics entries and search documents, in one transaction; then
   * analyses the tables so the planner knows their new size. Answers the counts and the time of
   * each step.
   */
  public static JsonObject seed(String pgUrl, long libraryId, int chats) {
    var steps = new JsonObject();
    long start = System.nanoTime();
    try (var conn = connect(pgUrl)) {
      conn.setAutoCommit(false);
      try (var statement = conn.createStatement()) {
        // One session, one process: the seeded random() gives the same year every time.
        statement.execute("SET LOCAL max_parallel_workers_per_gather = 0");
        statement.execute(
            "CREATE TEMP TABLE year_params (library_id bigint, chats int) ON COMMIT DROP");
        try (var params = conn.prepareStatement("INSERT INTO year_params VALUES (?, ?)")) {
          params.setLong(1, libraryId);
          params.setInt(2, chats);
          params.execute();
        }
        var known =
            statement.executeQuery(
                "SELECT count(*) FROM libraries WHERE id = (SELECT library_id FROM year_params)");
        known.next();
        if (known.getLong(1) != 1) {
          throw new IllegalArgumentException("there is no library " + libraryId);
        }
        for (var step : script().split("(?m)^" + STEP)) {
          if (step.isBlank() || step.startsWith("--")) {
            continue;
          }
          var name = step.substring(0, step.indexOf('\n')).strip();
          long at = System.nanoTime();
          statement.execute(step.substring(step.indexOf('\n') + 1));
          steps.put(name, Math.round((System.nanoTime() - at) / 1e7) / 100.0);
        }
      }
      conn.commit();
      conn.setAutoCommit(true);
      long at = System.nanoTime();
      try (var statement = conn.createStatement()) {
        statement.execute(
            "VACUUM ANALYZE chats, chat_events, chat_search, chat_tags, chat_ratings,"
                + " statistics_entries, chat_participants");
      }
      steps.put("vacuum analyze", Math.round((System.nanoTime() - at) / 1e7) / 100.0);
      return counts(conn, libraryId)
          .put("seconds", Math.round((System.nanoTime() - start) / 1e7) / 100.0)
          .put("stepSeconds", steps);
    } catch (Exception e) {
      throw new IllegalStateException("seeding a year of chats failed: " + e.getMessage(), e);
    }
  }

  /** What the library holds now: chats, messages, missed, rated, recorded, searchable. */
  static JsonObject counts(Connection conn, long libraryId) throws Exception {
    try (var statement =
        conn.prepareStatement(
            """
            WITH l AS (SELECT ?::bigint AS id)
            SELECT (SELECT count(*) FROM chats, l WHERE library_id = l.id) AS chats,
                   (SELECT count(*) FROM chat_events, l WHERE library_id = l.id AND type = 'message') AS messages,
                   (SELECT count(*) FROM chats, l WHERE library_id = l.id AND state = 'missed') AS missed,
                   (SELECT count(*) FROM chat_ratings, l WHERE library_id = l.id) AS ratings,
                   (SELECT count(*) FROM statistics_entries, l WHERE library_id = l.id) AS statistics_entries,
                   (SELECT count(*) FROM chat_search, l WHERE library_id = l.id) AS search_documents
            """)) {
      statement.setLong(1, libraryId);
      var rows = statement.executeQuery();
      rows.next();
      return new JsonObject()
          .put("library", libraryId)
          .put("chats", rows.getLong("chats"))
          .put("messages", rows.getLong("messages"))
          .put("missed", rows.getLong("missed"))
          .put("ratings", rows.getLong("ratings"))
          .put("statisticsEntries", rows.getLong("statistics_entries"))
          .put("searchDocuments", rows.getLong("search_documents"));
    }
  }

  private static String script() throws IOException {
    try (InputStream in = YearOfChats.class.getResourceAsStream("/seed-year.sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Connection connect(String pgUrl) throws Exception {
    var uri = URI.create(pgUrl);
    var user = uri.getUserInfo() == null ? "postgres" : uri.getUserInfo().split(":")[0];
    var password =
        uri.getUserInfo() != null && uri.getUserInfo().contains(":")
            ? uri.getUserInfo().split(":", 2)[1]
            : null;
    return DriverManager.getConnection(
        "jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getPath(), user, password);
  }
}
