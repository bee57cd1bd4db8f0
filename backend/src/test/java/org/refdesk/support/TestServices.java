package org.refdesk.support;

import io.vertx.pgclient.PgConnectOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.refdesk.platform.embedded.EmbeddedServices;

/**
 * The machine's real Postgres and Redis, as the tests use them: every test class gets a database of
 * its own (created here, dropped after) and a Redis key prefix of its own, so runs repeat cleanly.
 */
public final class TestServices {

  private static final String LOCAL_PG = "postgresql://postgres@127.0.0.1:5432/postgres";
  private static final String LOCAL_REDIS = "redis://127.0.0.1:6379/0";

  /**
   * A machine with neither configured nor local services gets the embedded ones, started once for
   * the whole test run, so the README's test command works anywhere the run command does.
   */
  private static final EmbeddedServices EMBEDDED = startEmbeddedIfNeeded();

  /** A server-level URL; the database in it is only used to create and drop test databases. */
  public static final String PG_URL =
      env(
          "REFDESK_TEST_PG_URL",
          EMBEDDED != null && EMBEDDED.pgUrl().isPresent()
              ? EMBEDDED.pgUrl().get().replaceAll("/[^/]*$", "/postgres")
              : LOCAL_PG);

  public static final String REDIS_URL =
      env(
          "REFDESK_TEST_REDIS_URL",
          EMBEDDED != null && EMBEDDED.redisUrl().isPresent()
              ? EMBEDDED.redisUrl().get()
              : LOCAL_REDIS);

  private TestServices() {}

  /** Creates an empty database and returns its URL. */
  public static String createDatabase() {
    var name = "refdesk_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    admin("CREATE DATABASE " + name);
    var server = PgConnectOptions.fromUri(PG_URL);
    var user = server.getUser();
    var password =
        server.getPassword() == null || server.getPassword().isEmpty()
            ? ""
            : ":" + server.getPassword();
    return "postgresql://"
        + user
        + password
        + "@"
        + server.getHost()
        + ":"
        + server.getPort()
        + "/"
        + name;
  }

  public static void dropDatabase(String url) {
    var name = PgConnectOptions.fromUri(url).getDatabase();
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  public static String newRedisPrefix() {
    return "refdesk-test:" + UUID.randomUUID().toString().substring(0, 8) + ":";
  }

  /**
   * Runs one statement on the test server's maintenance database (test threads only: it blocks).
   */
  private static void admin(String sql) {
    var server = PgConnectOptions.fromUri(PG_URL);
    var jdbc =
        "jdbc:postgresql://"
            + server.getHost()
            + ":"
            + server.getPort()
            + "/"
            + server.getDatabase();
    try (var conn = DriverManager.getConnection(jdbc, server.getUser(), server.getPassword());
        var statement = conn.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Postgres for tests is not reachable at " + jdbc + ": " + e.getMessage(), e);
    }
  }

  private static EmbeddedServices startEmbeddedIfNeeded() {
    boolean needPostgres = System.getenv("REFDESK_TEST_PG_URL") == null && !listening(5432);
    boolean needRedis = System.getenv("REFDESK_TEST_REDIS_URL") == null && !listening(6379);
    if (!needPostgres && !needRedis) {
      return null;
    }
    try {
      var embedded =
          EmbeddedServices.start(
              Path.of("target", "test-services").toAbsolutePath(), needPostgres, needRedis);
      Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
      return embedded;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "no Postgres/Redis on this machine and the embedded ones did not start", e);
    }
  }

  private static boolean listening(int port) {
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String env(String name, String fallback) {
    var value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
