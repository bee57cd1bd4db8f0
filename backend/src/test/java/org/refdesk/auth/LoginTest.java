package org.refdesk.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.TestGateway;

@DisplayName("Operator sign-in")
class LoginTest {

  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static JsonObject credentials(String username, String password) {
    return new JsonObject().put("username", username).put("password", password);
  }

  @Test
  @DisplayName(
      "the admin signs in and gets a token and who they are; /api/me then names the library and queues")
  void signInAndMe() {
    var response =
        gateway.post("/api/auth/login", credentials("admin", TestGateway.ADMIN_PASSWORD), null);
    assertEquals(200, response.statusCode());
    var body = response.bodyAsJsonObject();
    assertNotNull(body.getString("token"));
    var operator = body.getJsonObject("operator");
    assertEquals("Library Admin", operator.getString("name"));
    assertEquals("system", operator.getString("role"));
    assertNotNull(operator.getLong("libraryId"));
    assertEquals(4, operator.size(), "login answers exactly {id, name, role, libraryId}");

    var me = gateway.get("/api/me", body.getString("token"));
    assertEquals(200, me.statusCode());
    assertEquals("Demo Library", me.bodyAsJsonObject().getJsonObject("library").getString("name"));
    var slugs =
        me.bodyAsJsonObject().getJsonArray("queues").stream()
            .map(q -> ((JsonObject) q).getString("slug"))
            .sorted()
            .toList();
    assertEquals(List.of("ask", "science"), slugs);
  }

  @Test
  @DisplayName("usernames are matched without regard to case")
  void usernameCaseInsensitive() {
    var response =
        gateway.post("/api/auth/login", credentials("ADMIN", TestGateway.ADMIN_PASSWORD), null);
    assertEquals(200, response.statusCode());
  }

  @Test
  @DisplayName(
      "a wrong password and an unknown user get the same 401, which says nothing about which it was")
  void wrongPasswordAndUnknownUserLookAlike() {
    var wrong = gateway.post("/api/auth/login", credentials("ben", "not-his-password"), null);
    var unknown =
        gateway.post("/api/auth/login", credentials("nobody-here", "whatever-it-is"), null);
    assertEquals(401, wrong.statusCode());
    assertEquals(401, unknown.statusCode());
    assertEquals(wrong.bodyAsJsonObject(), unknown.bodyAsJsonObject());
    assertEquals("unauthorized", wrong.bodyAsJsonObject().getJsonObject("error").getString("code"));
  }

  @Test
  @DisplayName(
      "after five failed attempts the sixth is refused with 429, even with the right password")
  void rateLimited() {
    // Operators of this test's own: another test's failed sign-in, run before it, would count here.
    var username = "lockedout";
    var password = operator(username);
    var other = "colleague";
    var othersPassword = operator(other);
    for (int i = 0; i < 5; i++) {
      assertEquals(
          401,
          gateway.post("/api/auth/login", credentials(username, "guess-" + i), null).statusCode());
    }
    var blocked = gateway.post("/api/auth/login", credentials(username, password), null);
    assertEquals(429, blocked.statusCode());
    assertEquals(
        "rate_limited", blocked.bodyAsJsonObject().getJsonObject("error").getString("code"));
    assertTrue(
        blocked
            .bodyAsJsonObject()
            .getJsonObject("error")
            .getString("message")
            .contains("Try again"));
    var ttl =
        TestGateway.await(
                gateway
                    .redis()
                    .send(
                        Request.cmd(Command.TTL)
                            .arg(
                                gateway.redisPrefix()
                                    + "login:attempts:"
                                    + username
                                    + ":127.0.0.1")))
            .toInteger();
    assertTrue(ttl > 500 && ttl <= 600, "the window is ten minutes, got " + ttl);

    assertEquals(
        200,
        gateway.post("/api/auth/login", credentials(other, othersPassword), null).statusCode(),
        "the limit is per username: colleagues can still sign in");
  }

  /** A new operator of the demo library, made by the admin; answers its password. */
  private static String operator(String username) {
    var password = "a long enough password, " + UUID.randomUUID();
    var created =
        gateway.post(
            "/api/admin/operators",
            new JsonObject()
                .put("username", username)
                .put("displayName", username)
                .put("password", password)
                .put("role", "operator")
                .put("queues", new JsonArray().add("ask")),
            gateway.adminToken());
    assertEquals(201, created.statusCode(), created::bodyAsString);
    return password;
  }

  @Test
  @DisplayName(
      "sixteen guesses sent at once get five password checks: the rest are refused before any is checked")
  void concurrentGuessesAreCounted() {
    var guesses = new ArrayList<Future<HttpResponse<Buffer>>>();
    for (int i = 0; i < 16; i++) {
      guesses.add(
          gateway
              .client()
              .post("/api/auth/login")
              .sendJsonObject(credentials("someone-guessed-at", "concurrent-guess-" + i)));
    }
    TestGateway.await(Future.join(guesses));
    var statuses = guesses.stream().map(g -> g.result().statusCode()).toList();
    assertEquals(5, statuses.stream().filter(s -> s == 401).count(), statuses::toString);
    assertEquals(11, statuses.stream().filter(s -> s == 429).count(), statuses::toString);
  }

  @Test
  @DisplayName("a successful sign-in clears earlier failures")
  void successResetsFailures() {
    for (int i = 0; i < 4; i++) {
      assertEquals(
          401,
          gateway.post("/api/auth/login", credentials("admin", "nope-" + i), null).statusCode());
    }
    gateway.adminToken();
    for (int i = 0; i < 4; i++) {
      assertEquals(
          401,
          gateway.post("/api/auth/login", credentials("admin", "again-" + i), null).statusCode());
    }
    gateway.adminToken();
  }

  @Test
  @DisplayName("a missing username or password is a 400 naming the field")
  void missingFields() {
    var response = gateway.post("/api/auth/login", new JsonObject().put("username", "admin"), null);
    assertEquals(400, response.statusCode());
    assertTrue(
        response
            .bodyAsJsonObject()
            .getJsonObject("error")
            .getString("message")
            .contains("password"));
  }
}
