package org.refdesk.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.TestGateway;

@DisplayName("A phone that suspends the operator's page")
class PhonePresenceTest {

  /** 9 s here, so the page is shown away after 5 s of silence (25 s of the default 45 s). */
  private static final int TIMEOUT_SECONDS = 9;

  private static TestGateway gateway;
  private static long libraryId;
  private static long benId;

  @BeforeAll
  static void start() {
    gateway =
        TestGateway.start(
            Map.of("REFDESK_PRESENCE_TIMEOUT_SECONDS", Integer.toString(TIMEOUT_SECONDS)));
    libraryId = gateway.demoLibraryId();
    benId = gateway.query("SELECT id FROM operators WHERE username = 'ben'").get(0).getLong(0);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static boolean scienceOnline() {
    return gateway.get("/api/widget/queues/science", null).bodyAsJsonObject().getBoolean("online");
  }

  private static JsonObject heard(BridgeClient colleague, String status, boolean paused) {
    return colleague
        .next(
            "presence." + libraryId,
            body ->
                body.getLong("operatorId") == benId
                    && status.equals(body.getString("status"))
                    && body.getBoolean("paused") == paused,
            TIMEOUT_SECONDS * 2000L)
        .getJsonObject("body");
  }

  @Test
  @DisplayName(
      "heartbeats stop: colleagues hear 'away' after the gap and patrons see nobody online; the next"
          + " heartbeat brings the chosen status back and says since when the page was silent")
  void pausedPageIsAway() {
    var adminToken = gateway.adminToken();
    var benToken = gateway.librarianToken("ben");
    try (var colleague = gateway.listen("presence." + libraryId, adminToken);
        var phone = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      phone.request("presence.set", new JsonObject().put("status", "online"), benToken);
      heard(colleague, "online", false);
      assertTrue(scienceOnline());

      long lastBeat = System.currentTimeMillis();
      phone.request("presence.heartbeat", new JsonObject().put("status", "online"), benToken);
      var away = heard(colleague, "away", true);
      long silent = System.currentTimeMillis() - lastBeat;
      assertTrue(silent >= 4000, "not before the gap: " + silent + " ms");
      assertTrue(silent < TIMEOUT_SECONDS * 1000L, "before the timeout: " + silent + " ms");
      assertEquals("Ben Okafor", away.getString("name"));
      assertFalse(scienceOnline(), "a paused page is nobody online for patrons");
      gateway.startChat("science", "Ada", "Is the lab open on Sunday?");

      var resumed =
          phone.request("presence.heartbeat", new JsonObject().put("status", "online"), benToken);
      var body = resumed.getJsonObject("body");
      assertEquals("online", body.getString("status"), resumed::encode);
      var pausedSince = Instant.parse(body.getString("pausedSince"));
      assertTrue(Math.abs(pausedSince.toEpochMilli() - lastBeat) < 2000, body::encode);
      assertFalse(body.getBoolean("offlineMeanwhile"), "away, not offline, before the timeout");
      heard(colleague, "online", false);
      assertTrue(scienceOnline(), "online again for patrons");

      var arrivals =
          gateway.get("/api/surge/arrivals?since=" + pausedSince, benToken).bodyAsJsonObject();
      assertEquals(1, arrivals.getInteger("arrived"), arrivals::encode);
      assertEquals(400, gateway.get("/api/surge/arrivals?since=yesterday", benToken).statusCode());

      // Silent past the timeout: offline, as before; the page that wakes later is still given its
      // status back without signing in, and told since when.
      long beatAgain = System.currentTimeMillis();
      phone.request("presence.heartbeat", new JsonObject().put("status", "online"), benToken);
      heard(colleague, "away", true);
      heard(colleague, "offline", false);
      var late =
          phone
              .request("presence.heartbeat", new JsonObject().put("status", "online"), benToken)
              .getJsonObject("body");
      assertEquals("online", late.getString("status"));
      assertTrue(late.getBoolean("offlineMeanwhile"));
      assertTrue(
          Math.abs(Instant.parse(late.getString("pausedSince")).toEpochMilli() - beatAgain) < 2000);
      heard(colleague, "online", false);
      phone.request("presence.set", new JsonObject().put("status", "offline"), benToken);
    }
  }

  @Test
  @DisplayName("an operator who chose Away stays away after the pause, and is still told of it")
  void awayStaysAway() {
    var adminToken = gateway.adminToken();
    var cleoToken = gateway.librarianToken("cleo");
    long cleoId =
        gateway.query("SELECT id FROM operators WHERE username = 'cleo'").get(0).getLong(0);
    try (var colleague = gateway.listen("presence." + libraryId, adminToken);
        var phone = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      phone.request("presence.set", new JsonObject().put("status", "away"), cleoToken);
      colleague.next(
          "presence." + libraryId,
          body -> body.getLong("operatorId") == cleoId && "away".equals(body.getString("status")),
          5000);
      gateway.eventually(
          "the pause is recorded",
          () ->
              TestGateway.await(
                          gateway
                              .redis()
                              .send(
                                  io.vertx.redis.client.Request.cmd(
                                          io.vertx.redis.client.Command.EXISTS)
                                      .arg(
                                          gateway.redisPrefix()
                                              + "presence:paused:"
                                              + libraryId
                                              + ":"
                                              + cleoId)))
                      .toInteger()
                  == 1,
          TIMEOUT_SECONDS * 1000L);
      var resumed =
          phone
              .request("presence.heartbeat", new JsonObject().put("status", "away"), cleoToken)
              .getJsonObject("body");
      assertEquals("away", resumed.getString("status"));
      assertNotNull(resumed.getString("pausedSince"));
      var again =
          phone
              .request("presence.heartbeat", new JsonObject().put("status", "away"), cleoToken)
              .getJsonObject("body");
      assertNull(again.getString("pausedSince"), "told once");
      phone.request("presence.set", new JsonObject().put("status", "offline"), cleoToken);
    }
  }
}
