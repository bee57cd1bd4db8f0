package org.refdesk.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.TestGateway;

@DisplayName("Metrics for Prometheus")
class MetricsTest {

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
      "/metrics counts connections, messages, ack latency, claims, queue lengths, loop delay and pools")
  void scrape() {
    var started = gateway.startChat("ask", "Quinn", "Metrics?");
    long chatId = started.getLong("chatId");
    var ben = gateway.librarianToken("ben");
    gateway.post("/api/chats/" + chatId + "/claim", new JsonObject(), ben);
    gateway.post("/api/chats/" + chatId + "/claim", new JsonObject(), gateway.adminToken());
    try (var patron = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      patron.register("chat." + chatId, started.getString("token"));
      gateway.awaitRegistered(patron, "chat." + chatId);
      patron.request(
          "chat.send",
          new JsonObject().put("chatId", chatId).put("text", "hi").put("clientMsgId", "m-1"),
          started.getString("token"));
      patron.next("chat." + chatId, b -> "message".equals(b.getString("type")), 5000);
      gateway.startChat("ask", "Ravi", "Waiting one");
      // The queue gauge is refreshed every 5 s.
      gateway.eventually(
          "the queue gauge",
          () ->
              gateway
                  .get("/metrics", null)
                  .bodyAsString()
                  .contains("refdesk_queue_waiting{queue=\"ask\"} 1.0"),
          8000);

      var response = gateway.get("/metrics", null);
      assertEquals(200, response.statusCode());
      var text = response.bodyAsString();
      for (var expected :
          new String[] {
            "refdesk_connections{kind=\"patron\"} 1.0",
            "refdesk_messages_in_total 1.0",
            "refdesk_messages_stored_total 1.0",
            "refdesk_ack_latency_seconds_bucket",
            "refdesk_claims_total{outcome=\"won\"} 1.0",
            "refdesk_claims_total{outcome=\"conflict\"} 1.0",
            "refdesk_queue_waiting{queue=\"ask\"} 1.0",
            "refdesk_eventloop_delay_seconds_count",
            "refdesk_redis_up 1.0",
            "vertx_pool_queue_pending",
            "vertx_http_server_requests_total"
          }) {
        assertTrue(text.contains(expected), "missing " + expected);
      }
      assertTrue(text.contains("refdesk_messages_out_total"), "frames delivered are counted");
    }
    var forwarded =
        TestGateway.await(
            gateway.client().get("/metrics").putHeader("X-Forwarded-For", "203.0.113.9").send());
    assertEquals(403, forwarded.statusCode(), "a request relayed from elsewhere needs the token");
  }
}
