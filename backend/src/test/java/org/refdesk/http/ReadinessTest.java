package org.refdesk.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.TestGateway;

@DisplayName("Readiness without Redis")
class ReadinessTest {

  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    // Nothing listens on this port: the gateway starts, but cannot reach Redis.
    gateway =
        TestGateway.start(
            Map.of("REFDESK_REDIS_URL", "redis://127.0.0.1:" + TestGateway.freePort() + "/0"));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  @DisplayName("/ready answers 503 naming Redis as down, while /health still answers 200")
  void notReadyWithoutRedis() {
    var ready = gateway.get("/ready", null);
    assertEquals(503, ready.statusCode());
    assertEquals("down", ready.bodyAsJsonObject().getString("redis"));
    assertEquals("up", ready.bodyAsJsonObject().getString("postgres"));
    assertEquals(200, gateway.get("/health", null).statusCode());
  }
}
