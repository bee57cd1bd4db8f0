package org.refdesk.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.auth.Tokens;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.TestGateway;

@DisplayName("A bridge socket is one identity for as long as its token is good")
class SocketLifetimeTest {

  private static TestGateway gateway;
  private static long libraryId;
  private static long askQueue;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    libraryId = gateway.query("SELECT id FROM libraries").get(0).getLong(0);
    askQueue = gateway.queueId("ask");
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static String operatorToken(long operatorId, int seconds) {
    return sign(
        new JsonObject().put("sub", Long.toString(operatorId)).put("lib", libraryId),
        Tokens.OPERATOR_AUDIENCE,
        seconds);
  }

  private static String patronToken(long chatId, int seconds) {
    return sign(
        new JsonObject().put("sub", "chat:" + chatId).put("chat", chatId).put("lib", libraryId),
        Tokens.PATRON_AUDIENCE,
        seconds);
  }

  private static String sign(JsonObject claims, String audience, int seconds) {
    var auth =
        JWTAuth.create(
            gateway.vertx(),
            new JWTAuthOptions()
                .addPubSecKey(
                    new PubSecKeyOptions()
                        .setAlgorithm("HS256")
                        .setBuffer(gateway.refdesk().signingKey())));
    return auth.generateToken(
        claims,
        new JWTOptions()
            .setAlgorithm("HS256")
            .setIssuer(Tokens.ISSUER)
            .setAudience(List.of(audience))
            .setExpiresInSeconds(seconds));
  }

  private static long operatorId(String username) {
    return gateway
        .query("SELECT id FROM operators WHERE username = $1", username)
        .get(0)
        .getLong(0);
  }

  @Test
  @DisplayName(
      "an operator's socket refuses a frame with a patron's token, and disabling the operator closes it")
  void disabledWhileRegistered() {
    var admin = gateway.adminToken();
    var created =
        gateway.post(
            "/api/admin/operators",
            new JsonObject()
                .put("username", "dora")
                .put("displayName", "Dora Quinn")
                .put("password", "a quiet reading room")
                .put("role", "operator")
                .put("queues", new JsonArray().add("ask")),
            admin);
    assertEquals(201, created.statusCode(), created::bodyAsString);
    var dora = gateway.login("dora", "a quiet reading room");
    var patron = gateway.startChat("ask", "Pia", "Do you have quiet study rooms?");
    try (var client = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      client.register("queue." + askQueue, dora);
      gateway.awaitRegistered(client, "queue." + askQueue);
      client.register("chat." + patron.getLong("chatId"), patron.getString("token"));
      var refused = client.nextError(5000);
      assertEquals(
          "rejected", refused.getString("body"), "another identity on a bound socket is refused");

      assertEquals(
          200,
          gateway
              .post(
                  "/api/admin/operators/" + created.bodyAsJsonObject().getLong("id") + "/disable",
                  new JsonObject(),
                  admin)
              .statusCode());
      assertTrue(client.awaitClosed(5000), "disabling the operator closes the socket they opened");
    }
  }

  @Test
  @DisplayName("a patron's socket cannot take an operator's token to listen to a queue")
  void patronSocketStaysPatron() {
    var patron = gateway.startChat("ask", "Quin", "Where is the map room?");
    try (var client = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      client.register("chat." + patron.getLong("chatId"), patron.getString("token"));
      gateway.awaitRegistered(client, "chat." + patron.getLong("chatId"));
      client.register("queue." + askQueue, gateway.librarianToken("ben"));
      assertEquals("rejected", client.nextError(5000).getString("body"));
      var bus = gateway.refdesk().vertx().eventBus();
      bus.publish("queue." + askQueue, new JsonObject().put("type", "waiting"));
      // An event on the chat the socket does hear, published after, proves the socket is served;
      // the short
      // window after it is kept because events of two addresses pass different checks, so their
      // order on
      // the socket is not promised.
      bus.publish("chat." + patron.getLong("chatId"), new JsonObject().put("type", "marker"));
      client.next(
          "chat." + patron.getLong("chatId"), b -> "marker".equals(b.getString("type")), 5000);
      assertNull(
          client.nothingOn("queue." + askQueue, b -> true, 300),
          "the operator's token opened no queue on the patron's socket");
    }
  }

  @Test
  @DisplayName(
      "when an operator's token expires, the socket it opened is closed and hears nothing more")
  void operatorTokenExpires() {
    long ben = operatorId("ben");
    var goodToken = operatorToken(ben, 600);
    try (var expiring = gateway.listen("operator." + ben, operatorToken(ben, 3));
        var lasting = gateway.listen("operator." + ben, goodToken)) {
      assertTrue(expiring.awaitClosed(8000), "the socket outlived its token");
      // The expiring socket's close is the marker: the expiry check has run, and the good token's
      // socket
      // still answers, which a closed one cannot.
      assertFalse(lasting.isClosed(), "a socket with a good token stays open");
      assertEquals(
          "rec",
          lasting.roundTrip(goodToken).getString("type"),
          "a socket with a good token keeps serving");
    }
  }

  @Test
  @DisplayName("when a patron's token expires, the socket it opened is closed too")
  void patronTokenExpires() {
    long chatId = gateway.startChat("ask", "Ray", "Can I renew by phone?").getLong("chatId");
    try (var client = gateway.listen("chat." + chatId, patronToken(chatId, 3))) {
      assertTrue(client.awaitClosed(8000), "the patron's socket outlived its token");
    }
  }

  @Test
  @DisplayName(
      "signing out revokes the token for HTTP and the bridge and closes its sockets; other tokens stay good")
  void signOut() {
    var token = gateway.librarianToken("alice");
    var other = gateway.librarianToken("alice");
    long alice = operatorId("alice");
    try (var client = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      client.register("operator." + alice, token);
      gateway.awaitRegistered(client, "operator." + alice);
      var out = gateway.post("/api/auth/logout", new JsonObject(), token);
      assertEquals(204, out.statusCode(), out::bodyAsString);
      assertTrue(client.awaitClosed(5000), "the signed-out token's socket is closed");
    }
    assertEquals(401, gateway.get("/api/me", token).statusCode());
    try (var client = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      client.register("operator." + alice, token);
      assertEquals("rejected", client.nextError(5000).getString("body"));
    }
    assertEquals(
        401,
        gateway.post("/api/auth/logout", new JsonObject(), null).statusCode(),
        "signing out needs a token");
    assertEquals(
        200,
        gateway.get("/api/me", other).statusCode(),
        "another sign-in of the same person is not affected");
    assertEquals(1, gateway.count("SELECT count(*) FROM revoked_tokens"));
  }
}
