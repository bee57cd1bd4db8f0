package org.refdesk.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.auth.Passwords;
import org.refdesk.platform.db.Database;
import org.refdesk.seed.DemoLibrary;
import org.refdesk.support.TestGateway;
import org.refdesk.support.TestServices;

@DisplayName("Schema and first run")
class MigrationsAndFirstRunTest {

  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  @DisplayName(
      "migrations build every foundation table on an empty database, and a second run changes nothing")
  void migrationsOnEmptyDatabase() throws Exception {
    var url = TestServices.createDatabase();
    var vertx = Vertx.vertx();
    try {
      var migrations = Files.list(Path.of("src/main/resources/db/migration")).count();
      assertEquals(
          (int) migrations,
          Database.migrate(vertx, url).await(60, TimeUnit.SECONDS),
          "every migration runs once");
      assertEquals(0, Database.migrate(vertx, url).await(60, TimeUnit.SECONDS));
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
      TestServices.dropDatabase(url);
    }
    for (var table :
        new String[] {
          "libraries",
          "queues",
          "operators",
          "operator_queues",
          "chats",
          "chat_participants",
          "chat_events",
          "audit_log",
          "canned_messages",
          "tags",
          "chat_tags",
          "operator_settings"
        }) {
      assertEquals(
          1,
          gateway.count(
              "SELECT count(*) FROM information_schema.tables WHERE table_name = $1", table),
          table);
    }
  }

  @Test
  @DisplayName("a chat's events are unique by sequence and by client message id")
  void chatEventUniqueness() {
    var constraints =
        gateway.query(
            """
        SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
         WHERE c.conrelid = 'chat_events'::regclass AND c.contype IN ('p', 'u') ORDER BY 1""");
    var defs = constraints.stream().map(r -> r.getString("def")).toList();
    assertTrue(defs.contains("PRIMARY KEY (chat_id, seq)"), defs::toString);
    assertTrue(defs.contains("UNIQUE (chat_id, client_msg_id)"), defs::toString);
  }

  @Test
  @DisplayName(
      "the first start creates Demo Library with 'ask' and 'science', an admin and two librarians")
  void firstRunSeedsDemoLibrary() {
    var seeded = gateway.refdesk().seeded().orElseThrow();
    assertEquals("Demo Library", seeded.libraryName());
    assertEquals(
        Optional.empty(),
        seeded.generatedAdminPassword(),
        "the configured admin password is used, not printed");
    assertEquals(1, gateway.count("SELECT count(*) FROM libraries"));
    assertEquals(2, gateway.count("SELECT count(*) FROM queues WHERE slug IN ('ask', 'science')"));
    assertEquals(1, gateway.count("SELECT count(*) FROM operators WHERE role = 'system'"));
    assertEquals(3, gateway.count("SELECT count(*) FROM operators WHERE role = 'operator'"));
    gateway.login("admin", TestGateway.ADMIN_PASSWORD);
    gateway.login(
        seeded.librarianUsernames().get(0),
        seeded.librarianPassword(seeded.librarianUsernames().get(0)));
  }

  @Test
  @DisplayName("seeding happens once, even when several nodes try at the same moment")
  void seedingHappensOnce() {
    var vertx = gateway.vertx();
    var pool = Database.pool(vertx, gateway.pgUrl(), 4);
    try {
      var demo = new DemoLibrary(pool, new Passwords(vertx));
      var attempts =
          IntStream.range(0, 4).mapToObj(i -> demo.seedIfEmpty(Optional.empty())).toList();
      TestGateway.await(Future.all(attempts));
      attempts.forEach(a -> assertEquals(Optional.empty(), a.result()));
      assertEquals(1, gateway.count("SELECT count(*) FROM libraries"));
      assertEquals(4, gateway.count("SELECT count(*) FROM operators"));
    } finally {
      TestGateway.await(pool.close());
    }
  }
}
