package org.refdesk.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.TestGateway;

@DisplayName(
    "Control characters, proxied metrics scrapes and weak passwords are refused with a reason")
class RefusedInputTest {

  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static String message(HttpResponse<?> response) {
    return response.bodyAsJsonObject().getJsonObject("error").getString("message");
  }

  @Test
  @DisplayName(
      "a NUL or other control character in a patron's text is a 400 that stores nothing; tab and newline are fine")
  void controlCharacters() {
    long before = gateway.count("SELECT count(*) FROM chats");
    for (var bad : new String[] {"Where\u0000 is it?", "Ring\u0007 the bell", "Back\u001bspace"}) {
      var response =
          gateway.post(
              "/api/widget/chats",
              new JsonObject().put("queue", "ask").put("name", "Nul").put("question", bad),
              null);
      assertEquals(400, response.statusCode(), response::bodyAsString);
      assertTrue(message(response).contains("control characters"), response::bodyAsString);
      var asName =
          gateway.post(
              "/api/widget/chats",
              new JsonObject()
                  .put("queue", "ask")
                  .put("name", bad)
                  .put("question", "A fine question"),
              null);
      assertEquals(400, asName.statusCode(), asName::bodyAsString);
    }
    assertEquals(before, gateway.count("SELECT count(*) FROM chats"), "nothing was stored");
    var fine =
        gateway.post(
            "/api/widget/chats",
            new JsonObject()
                .put("queue", "ask")
                .put("name", "Tab")
                .put("question", "Line one\nline\ttwo"),
            null);
    assertEquals(201, fine.statusCode(), fine::bodyAsString);
    assertEquals(404, gateway.get("/api/widget/queues/ask%00", null).statusCode());
    assertEquals(200, gateway.get("/health", null).statusCode());
  }

  @Test
  @DisplayName(
      "a scrape relayed by a proxy on this machine needs the token, whichever forwarding header the proxy sends")
  void metricsBehindAnyProxy() {
    assertEquals(200, TestGateway.await(gateway.client().get("/metrics").send()).statusCode());
    for (var header : new String[] {"Forwarded", "X-Real-IP", "X-Forwarded-Host", "Via"}) {
      var response =
          TestGateway.await(
              gateway.client().get("/metrics").putHeader(header, "for=203.0.113.9").send());
      assertEquals(403, response.statusCode(), header);
    }
  }

  @Test
  @DisplayName(
      "an admin cannot give an operator a common, blank or self-naming password; a passphrase is accepted")
  void weakPasswords() {
    var admin = gateway.adminToken();
    for (var weak :
        new String[] {
          "1234567890", "password12", "          ", "eliasgrant1", "Elias Grant!!", "qwertyuiop"
        }) {
      var response = gateway.post("/api/admin/operators", operator("eliasgrant", weak), admin);
      assertEquals(400, response.statusCode(), weak + ": " + response.bodyAsString());
      assertTrue(message(response).contains("refused"), response::bodyAsString);
    }
    assertEquals(0, gateway.count("SELECT count(*) FROM operators WHERE username = 'eliasgrant'"));
    assertEquals(
        201,
        gateway
            .post("/api/admin/operators", operator("eliasgrant", "maps of the old harbour"), admin)
            .statusCode());
  }

  private static JsonObject operator(String username, String password) {
    return new JsonObject()
        .put("username", username)
        .put("displayName", "Elias Grant")
        .put("password", password)
        .put("role", "operator")
        .put("queues", new JsonArray().add("ask"));
  }

  @Test
  @DisplayName("a weak REFDESK_ADMIN_PASSWORD stops the first start with the reason")
  void weakAdminPassword() {
    var failure =
        assertThrows(
            IllegalStateException.class,
            () -> TestGateway.start(Map.of("REFDESK_ADMIN_PASSWORD", "password12")).close());
    var cause = failure.getCause();
    while (cause != null
        && (cause.getMessage() == null || !cause.getMessage().contains("REFDESK_ADMIN_PASSWORD"))) {
      cause = cause.getCause();
    }
    assertTrue(cause != null, "the reason names REFDESK_ADMIN_PASSWORD: " + failure);
  }
}
