package org.refdesk.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.TestGateway;

@DisplayName("Operators' presence")
class PresenceTest {

  private static TestGateway gateway;
  private static long libraryId;
  private static long benId;

  @BeforeAll
  static void start() {
    // A short timeout so that missed heartbeats show within the test.
    gateway = TestGateway.start(Map.of("REFDESK_PRESENCE_TIMEOUT_SECONDS", "2"));
    libraryId = gateway.query("SELECT id FROM libraries").get(0).getLong(0);
    benId = gateway.query("SELECT id FROM operators WHERE username = 'ben'").get(0).getLong(0);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static String statusOfBen(String operatorToken) {
    return gateway
        .get("/api/presence", operatorToken)
        .bodyAsJsonObject()
        .getJsonArray("operators")
        .stream()
        .map(o -> (JsonObject) o)
        .filter(o -> o.getLong("id") == benId)
        .findFirst()
        .orElseThrow()
        .getString("status");
  }

  @Test
  @DisplayName(
      "statuses are announced to colleagues; only 'online' opens the queue to patrons; silence turns offline")
  void statuses() {
    var adminToken = gateway.adminToken();
    var benToken = gateway.librarianToken("ben");
    try (var admin = BridgeClient.connect(gateway.vertx(), gateway.port());
        var ben = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      var address = "presence." + libraryId;
      admin.register(address, adminToken);
      gateway.awaitRegistered(admin, address);

      assertEquals("offline", statusOfBen(adminToken));
      var set = ben.request("presence.set", new JsonObject().put("status", "online"), benToken);
      assertEquals("online", set.getJsonObject("body").getString("status"), set::encode);
      var announced = admin.next(address, 5000).getJsonObject("body");
      assertEquals(benId, announced.getLong("operatorId"));
      assertEquals("online", announced.getString("status"));
      assertEquals("Ben Okafor", announced.getString("name"));
      assertEquals("online", statusOfBen(adminToken));
      assertTrue(
          gateway.get("/api/widget/queues/science", null).bodyAsJsonObject().getBoolean("online"));

      ben.request("presence.set", new JsonObject().put("status", "internal"), benToken);
      assertEquals("internal", admin.next(address, 5000).getJsonObject("body").getString("status"));
      assertFalse(
          gateway.get("/api/widget/queues/science", null).bodyAsJsonObject().getBoolean("online"),
          "internal means colleagues only: patrons see the queue offline");

      var invalid =
          ben.request("presence.set", new JsonObject().put("status", "napping"), benToken);
      assertEquals("invalid", invalid.getString("message"));

      ben.request("presence.set", new JsonObject().put("status", "online"), benToken);
      assertEquals("online", admin.next(address, 5000).getJsonObject("body").getString("status"));
      var heartbeat = ben.request("presence.heartbeat", new JsonObject(), benToken);
      assertEquals("online", heartbeat.getJsonObject("body").getString("status"));

      // No more heartbeats: after the timeout (2 s here, 45 s by default) colleagues hear
      // "offline" (having heard "away" at the gap before it: PhonePresenceTest).
      long silentSince = System.currentTimeMillis();
      var lapsed =
          admin
              .next(address, body -> "offline".equals(body.getString("status")), 8000)
              .getJsonObject("body");
      assertEquals(benId, lapsed.getLong("operatorId"));
      assertTrue(System.currentTimeMillis() - silentSince >= 1500, "not before the timeout");
      assertEquals("offline", statusOfBen(adminToken));

      // A heartbeat that carries the status brings presence back, as after Redis lost it.
      var restored =
          ben.request("presence.heartbeat", new JsonObject().put("status", "online"), benToken);
      assertEquals("online", restored.getJsonObject("body").getString("status"));
      admin.next(address, body -> "online".equals(body.getString("status")), 5000);

      // Ben chooses to monitor only the Ask queue: the Science Desk no longer counts him as there.
      var choice =
          TestGateway.await(
              gateway
                  .client()
                  .put("/api/me/settings")
                  .bearerTokenAuthentication(benToken)
                  .sendJsonObject(
                      new JsonObject()
                          .put("monitoredQueues", new JsonArray().add(gateway.queueId("ask")))));
      assertEquals(200, choice.statusCode(), choice::bodyAsString);
      assertFalse(
          gateway.get("/api/widget/queues/science", null).bodyAsJsonObject().getBoolean("online"));
      assertTrue(
          gateway.get("/api/widget/queues/ask", null).bodyAsJsonObject().getBoolean("online"));
    }
  }
}
