package org.refdesk.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.auth.Tokens;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.TestGateway;

@DisplayName("The bridge lets through only what the token allows")
class BridgeGuardTest {

  private static TestGateway gateway;
  private static long chatId;
  private static String patronToken;
  private static String benToken;
  private static String strangerToken;
  private static long strangerQueue;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    var started = gateway.startChat("ask", "Alex", "Where are the microfilm readers?");
    chatId = started.getLong("chatId");
    patronToken = started.getString("token");
    benToken = gateway.librarianToken("ben");
    assertEquals(
        200,
        gateway.post("/api/chats/" + chatId + "/claim", new JsonObject(), benToken).statusCode());
    // A second library with its own queue and operator, to prove libraries cannot see each other.
    var otherLibrary =
        gateway
            .query("INSERT INTO libraries (name) VALUES ('Elsewhere Public') RETURNING id")
            .get(0)
            .getLong(0);
    strangerQueue =
        gateway
            .query(
                "INSERT INTO queues (library_id, slug, name) VALUES ($1, 'elsewhere', 'Elsewhere') RETURNING id",
                otherLibrary)
            .get(0)
            .getLong(0);
    var hash =
        gateway
            .query("SELECT password_hash FROM operators WHERE username = 'ben'")
            .get(0)
            .getString(0);
    long stranger =
        gateway
            .query(
                """
        INSERT INTO operators (library_id, username, display_name, password_hash, role)
        VALUES ($1, 'stranger', 'Stranger', $2, 'operator') RETURNING id""",
                otherLibrary,
                hash)
            .get(0)
            .getLong(0);
    gateway.query(
        "INSERT INTO operator_queues (operator_id, queue_id, library_id) VALUES ($1, $2, $3) RETURNING 1",
        stranger,
        strangerQueue,
        otherLibrary);
    strangerToken = gateway.login("stranger", gateway.librarianPassword("ben"));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static void assertRegisterRefused(String address, String token) {
    try (var client = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      client.register(address, token);
      var error = client.nextError(5000);
      assertTrue(
          List.of("rejected", "access_denied").contains(error.getString("body")), error::encode);
      // An event, not a probe, which the client would leave out: the window below can fail. A
      // window is
      // kept because a refused socket hears no address to send a marker on; it follows the refusal,
      // which proves the bridge has handled the register.
      gateway
          .refdesk()
          .vertx()
          .eventBus()
          .publish(address, new JsonObject().put("type", "message").put("text", "for listeners"));
      assertNull(client.nothingOn(address, b -> true, 300), "nothing arrives on a refused address");
    }
  }

  private static JsonObject message(String text, String id) {
    return new JsonObject().put("chatId", chatId).put("text", text).put("clientMsgId", id);
  }

  @Test
  @DisplayName(
      "a patron token opens its own chat and nothing else: not another chat, a queue, an operator or presence")
  void patronScope() {
    try (var client = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      client.register("chat." + chatId, patronToken);
      gateway.awaitRegistered(client, "chat." + chatId);
    }
    long otherChat = gateway.startChat("ask", "Other", "Other question").getLong("chatId");
    assertRegisterRefused("chat." + otherChat, patronToken);
    assertRegisterRefused("queue." + gateway.queueId("ask"), patronToken);
    long benId = gateway.query("SELECT id FROM operators WHERE username = 'ben'").get(0).getLong(0);
    assertRegisterRefused("operator." + benId, patronToken);
    assertRegisterRefused(
        "presence."
            + gateway
                .query("SELECT id FROM libraries WHERE name = 'Demo Library'")
                .get(0)
                .getLong(0),
        patronToken);
    try (var client = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      var refused =
          client.request(
              "chat.send",
              new JsonObject().put("chatId", otherChat).put("text", "hi").put("clientMsgId", "x-1"),
              patronToken);
      assertEquals("err", refused.getString("type"));
      assertEquals(
          0,
          gateway.count(
              "SELECT count(*) FROM chat_events WHERE chat_id = $1 AND client_msg_id = 'x-1'",
              otherChat));
      var presence =
          client.request("presence.set", new JsonObject().put("status", "online"), patronToken);
      assertEquals("err", presence.getString("type"));
    }
  }

  @Test
  @DisplayName(
      "an operator of another library can neither register this library's chat or queue nor write in its chat")
  void otherLibrary() {
    assertRegisterRefused("chat." + chatId, strangerToken);
    assertRegisterRefused("queue." + gateway.queueId("ask"), strangerToken);
    try (var client = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      client.register("queue." + strangerQueue, strangerToken);
      gateway.awaitRegistered(client, "queue." + strangerQueue);
      var refused =
          client.request("chat.send", message("I am not from here", "s-1"), strangerToken);
      assertEquals("err", refused.getString("type"));
      assertEquals("not_found", refused.getString("message"));
      assertEquals(
          0, gateway.count("SELECT count(*) FROM chat_events WHERE client_msg_id = 's-1'"));
    }
    assertEquals(404, gateway.get("/api/chats/" + chatId + "/events", strangerToken).statusCode());
    assertEquals(
        404,
        gateway
            .post("/api/chats/" + chatId + "/claim", new JsonObject(), strangerToken)
            .statusCode());
  }

  @Test
  @DisplayName("no token, a forged token or an expired token is refused on register and on send")
  void badTokens() {
    var key = gateway.refdesk().signingKey();
    long now = System.currentTimeMillis() / 1000;
    var claims = new JsonObject().put("sub", "chat:" + chatId).put("chat", chatId).put("lib", 1);
    var expired =
        JWTAuth.create(
                gateway.vertx(),
                new JWTAuthOptions()
                    .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(key)))
            .generateToken(
                claims.copy().put("iat", now - 100).put("exp", now - 50),
                new JWTOptions()
                    .setAlgorithm("HS256")
                    .setIssuer(Tokens.ISSUER)
                    .setAudience(List.of(Tokens.PATRON_AUDIENCE))
                    .setNoTimestamp(true));
    var forged =
        JWTAuth.create(
                gateway.vertx(),
                new JWTAuthOptions()
                    .addPubSecKey(
                        new PubSecKeyOptions()
                            .setAlgorithm("HS256")
                            .setBuffer("not the gateway's key, but long enough")))
            .generateToken(
                claims,
                new JWTOptions()
                    .setAlgorithm("HS256")
                    .setIssuer(Tokens.ISSUER)
                    .setAudience(List.of(Tokens.PATRON_AUDIENCE))
                    .setExpiresInMinutes(5));
    for (var token : new String[] {null, "garbage", expired, forged}) {
      assertRegisterRefused("chat." + chatId, token);
      try (var client = BridgeClient.connect(gateway.vertx(), gateway.port())) {
        var refused =
            client.request(
                "chat.send",
                message("sneaky", "t-" + (token == null ? "none" : token.length())),
                token);
        assertEquals("err", refused.getString("type"), refused::encode);
        assertEquals("rejected", refused.getString("body"));
      }
    }
    assertEquals(0, gateway.count("SELECT count(*) FROM chat_events WHERE body = 'sneaky'"));
  }

  @Test
  @DisplayName(
      "a body or headers that claim to be someone else change nothing: the message is stored under the real sender")
  void identityFromTokenOnly() {
    try (var client = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      var frame =
          new JsonObject()
              .put("type", "send")
              .put("address", "chat.send")
              .put("replyAddress", UUID.randomUUID().toString())
              .put(
                  "body",
                  message("I am the librarian", "spoof-1")
                      .put("from", new JsonObject().put("kind", "operator").put("id", 1))
                      .put("senderKind", "operator")
                      .put("senderId", 1))
              .put(
                  "headers",
                  new JsonObject()
                      .put("token", patronToken)
                      .put("rd-kind", "OPERATOR")
                      .put("rd-id", "1"));
      client.frame(frame);
      var reply = client.next(frame.getString("replyAddress"), 5000);
      assertEquals("rec", reply.getString("type"), reply::encode);
    }
    var row =
        gateway
            .query(
                "SELECT sender_kind, sender_id, sender_name FROM chat_events WHERE client_msg_id = 'spoof-1'")
            .get(0);
    assertEquals("patron", row.getString("sender_kind"));
    assertNull(row.getLong("sender_id"));
    assertEquals("Alex", row.getString("sender_name"));
  }

  @Test
  @DisplayName("clients cannot publish, nor send to addresses outside the list")
  void noPublishNoUnlisted() {
    try (var listener = BridgeClient.connect(gateway.vertx(), gateway.port());
        var client = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      listener.register("chat." + chatId, benToken);
      gateway.awaitRegistered(listener, "chat." + chatId);
      client.publish(
          "chat." + chatId, new JsonObject().put("type", "message").put("text", "fake"), benToken);
      assertTrue(
          List.of("rejected", "access_denied").contains(client.nextError(5000).getString("body")));
      // A real event published after the refusal is the marker: the fake one, had it passed, would
      // be here first.
      gateway
          .refdesk()
          .vertx()
          .eventBus()
          .publish("chat." + chatId, new JsonObject().put("type", "marker"));
      listener.next("chat." + chatId, b -> "marker".equals(b.getString("type")), 5000);
      assertNull(listener.arrivedOn("chat." + chatId, b -> true), "nobody hears a fake event");
      var unlisted =
          client.request(
              "refdesk.operator-disabled", new JsonObject().put("operatorId", 1), benToken);
      assertEquals("err", unlisted.getString("type"), unlisted::encode);
      assertTrue(
          List.of("rejected", "access_denied").contains(unlisted.getString("body")),
          unlisted::encode);
    }
  }

  @Test
  @DisplayName(
      "malformed frames and oversized text get an error, store nothing, and the socket and server keep serving")
  void malformedFrames() {
    long before = gateway.count("SELECT count(*) FROM chat_events");
    try (var client = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      client.raw("this is not json");
      assertEquals("invalid_json", client.nextError(5000).getString("body"));
      var tooLong = client.request("chat.send", message("x".repeat(4001), "long-1"), patronToken);
      assertEquals("invalid", tooLong.getString("message"), tooLong::encode);
      var blank = client.request("chat.send", message("   ", "blank-1"), patronToken);
      assertEquals("invalid", blank.getString("message"));
      var noId =
          client.request(
              "chat.send", new JsonObject().put("chatId", chatId).put("text", "hi"), patronToken);
      assertEquals("invalid", noId.getString("message"));
      var badId = client.request("chat.send", message("hi", "has spaces in it"), patronToken);
      assertEquals("invalid", badId.getString("message"));
      // Postgres cannot store a NUL in text: refused up front, not left to fail a whole batch.
      var nul = client.request("chat.send", message("before\u0000after", "nul-1"), patronToken);
      assertEquals("invalid", nul.getString("message"), nul::encode);
      var notObject = client.request("chat.send", null, patronToken);
      assertEquals("err", notObject.getString("type"));
      assertEquals(before, gateway.count("SELECT count(*) FROM chat_events"));
      var fine = client.request("chat.send", message("still here?", "after-garbage"), patronToken);
      assertEquals("rec", fine.getString("type"), fine::encode);
    }
    assertEquals(200, gateway.get("/health", null).statusCode());
  }

  @Test
  @DisplayName(
      "a socket opened from a foreign site is refused; one from the gateway's own origin is not")
  void origin() {
    var own =
        BridgeClient.connect(gateway.vertx(), gateway.port(), "http://127.0.0.1:" + gateway.port());
    own.close();
    assertThrows(
        Exception.class,
        () -> {
          try (var foreign =
              BridgeClient.connect(gateway.vertx(), gateway.port(), "https://evil.example")) {
            var reply = foreign.request("chat.send", message("from evil", "evil-1"), patronToken);
            throw new AssertionError("a foreign socket was served: " + reply);
          }
        });
    assertEquals(
        0, gateway.count("SELECT count(*) FROM chat_events WHERE client_msg_id = 'evil-1'"));
  }

  @Test
  @DisplayName("disabling an operator closes their open socket")
  void disabledOperatorDisconnected() {
    var admin = gateway.adminToken();
    var created =
        gateway.post(
            "/api/admin/operators",
            new JsonObject()
                .put("username", "leaving")
                .put("displayName", "Leaving Soon")
                .put("password", "a long enough password")
                .put("role", "operator")
                .put("queues", new JsonArray().add("ask")),
            admin);
    var token = gateway.login("leaving", "a long enough password");
    try (var client = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      client.register("queue." + gateway.queueId("ask"), token);
      gateway.awaitRegistered(client, "queue." + gateway.queueId("ask"));
      gateway.post(
          "/api/admin/operators/" + created.bodyAsJsonObject().getLong("id") + "/disable",
          new JsonObject(),
          admin);
      assertTrue(client.awaitClosed(5000), "the socket was closed");
    }
  }
}
