package org.refdesk.platform.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import redis.embedded.RedisServer;

/**
 * Starts Postgres and Redis inside the gateway's process tree when no URLs are configured, so that
 * one command runs Refdesk on a machine with nothing installed. Data lives under the data dir and
 * survives restarts; both servers listen on loopback only, on free ports.
 */
public final class EmbeddedServices implements AutoCloseable {

  private static final Logger log = Logger.getLogger(EmbeddedServices.class.getName());
  private static final String DATABASE = "refdesk";

  private final EmbeddedPostgres postgres;
  private final RedisServer redis;
  private final String pgUrl;
  private final String redisUrl;

  private EmbeddedServices(
      EmbeddedPostgres postgres, RedisServer redis, String pgUrl, String redisUrl) {
    this.postgres = postgres;
    this.redis = redis;
    this.pgUrl = pgUrl;
    this.redisUrl = redisUrl;
  }

  /** Blocking: call from the main thread before Vert.x starts, never from an event loop. */
  public static EmbeddedServices start(Path dataDir, boolean needPostgres, boolean needRedis)
      throws IOException {
    EmbeddedPostgres postgres = null;
    RedisServer redis = null;
    String pgUrl = null;
    String redisUrl = null;
    try {
      if (needPostgres) {
        postgres = startPostgres(dataDir.resolve("postgres"));
        pgUrl = "postgresql://postgres@127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
      }
      if (needRedis) {
        int port = freePort();
        redis = startRedis(dataDir.resolve("redis"), port);
        redisUrl = "redis://127.0.0.1:" + port + "/0";
      }
      return new EmbeddedServices(postgres, redis, pgUrl, redisUrl);
    } catch (IOException | RuntimeException e) {
      new EmbeddedServices(postgres, redis, null, null).close();
      throw e;
    }
  }

  public Optional<String> pgUrl() {
    return Optional.ofNullable(pgUrl);
  }

  public Optional<String> redisUrl() {
    return Optional.ofNullable(redisUrl);
  }

  private static EmbeddedPostgres startPostgres(Path dir) throws IOException {
    Files.createDirectories(dir.getParent());
    log.info("Starting embedded Postgres with data in " + dir);
    stopOrphan(dir);
    var pg =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir)
            .setCleanDataDirectory(false)
            .setPort(freePort())
            .setServerConfig("listen_addresses", "127.0.0.1")
            // The library's defaults trade durability for test speed; transcripts are not test
            // data.
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("max_connections", "100")
            .setRegisterShutdownHook(false)
            .start();
    createDatabaseIfMissing(pg);
    return pg;
  }

  /**
   * A gateway that died without stopping its Postgres leaves it running on the data dir, and a new
   * one could never start there. Stop it the way pg_ctl's fast mode would.
   */
  private static void stopOrphan(Path dir) throws IOException {
    var pidFile = dir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    var lines = Files.readAllLines(pidFile);
    if (lines.size() < 2
        || !lines.get(0).strip().matches("\\d+")
        || !dir.toString().equals(lines.get(1).strip())) {
      return;
    }
    var orphan =
        ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
            .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
    if (orphan.isEmpty()) {
      return;
    }
    log.warning("Stopping a Postgres left running on " + dir + " by an earlier run");
    orphan.get().destroy();
    try {
      orphan.get().onExit().get(15, TimeUnit.SECONDS);
    } catch (Exception e) {
      orphan.get().destroyForcibly();
    }
  }

  private static void createDatabaseIfMissing(EmbeddedPostgres pg) throws IOException {
    try (var conn = pg.getPostgresDatabase().getConnection();
        var check = conn.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      check.setString(1, DATABASE);
      try (var rs = check.executeQuery()) {
        if (!rs.next()) {
          try (var create = conn.createStatement()) {
            create.execute("CREATE DATABASE " + DATABASE);
          }
        }
      }
    } catch (SQLException e) {
      throw new IOException("could not create the embedded database", e);
    }
  }

  private static RedisServer startRedis(Path dir, int port) throws IOException {
    Files.createDirectories(dir);
    log.info("Starting embedded Redis on port " + port);
    var server =
        RedisServer.newRedisServer()
            .port(port)
            .bind("127.0.0.1")
            // Redis holds only state that the gateway rebuilds from Postgres, so nothing is saved
            // to disk.
            .setting("save \"\"")
            .setting("appendonly no")
            .setting("dir " + dir)
            .onShutdownForceStop(true)
            .build();
    server.start();
    return server;
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    if (redis != null) {
      try {
        redis.stop();
      } catch (IOException | RuntimeException e) {
        log.warning("Embedded Redis did not stop cleanly: " + e.getMessage());
      }
    }
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException | RuntimeException e) {
        log.warning("Embedded Postgres did not stop cleanly: " + e.getMessage());
      }
    }
  }
}
