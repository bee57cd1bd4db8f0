package org.refdesk.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.platform.errors.ErrorCode;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.TestGateway;

@DisplayName("The bridge answers floods and malformed frames at once, and stores none of them")
class FloodAndShapeTest {

  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static JsonObject send(BridgeClient client, long chatId, String text, String token) {
    return client.request(
        "chat.send",
        new JsonObject()
            .put("chatId", chatId)
            .put("text", text)
            .put("clientMsgId", UUID.randomUUID().toString()),
        token);
  }

  private static long messagesIn(long chatId) {
    return gateway.count(
        "SELECT count(*) FROM chat_events WHERE chat_id = $1 AND type = 'message'", chatId);
  }

  @Test
  @DisplayName(
      "a patron sending 30 messages at once gets the first ones stored and the rest refused as rate_limited; another patron is unaffected")
  void patronFlood() {
    var flooder = gateway.startChat("ask", "Flo", "First question");
    var calm = gateway.startChat("ask", "Cal", "Second question");
    long chatId = flooder.getLong("chatId");
    long before = messagesIn(chatId);
    int stored = 0;
    int limited = 0;
    try (var client = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      for (int i = 0; i < 30; i++) {
        var reply = send(client, chatId, "spam " + i, flooder.getString("token"));
        if ("rec".equals(reply.getString("type"))) {
          stored++;
        } else {
          assertEquals("err", reply.getString("type"), reply::encode);
          assertEquals("rate_limited", reply.getString("message"), reply::encode);
          assertEquals(ErrorCode.RATE_LIMITED.failureCode(), reply.getInteger("failureCode"));
          limited++;
        }
      }
    }
    assertTrue(stored >= 10 && stored < 30, "stored " + stored);
    assertEquals(30, stored + limited);
    assertEquals(before + stored, messagesIn(chatId), "a refused message is not stored");
    try (var client = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      var reply = send(client, calm.getLong("chatId"), "just one", calm.getString("token"));
      assertEquals("rec", reply.getString("type"), reply::encode);
    }
  }

  @Test
  @DisplayName("a typing flood is refused as rate_limited too")
  void typingFlood() {
    var chat = gateway.startChat("ask", "Ty", "A question");
    int limited = 0;
    try (var client = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      for (int i = 0; i < 60; i++) {
        var reply =
            client.request(
                "chat.typing",
                new JsonObject().put("chatId", chat.getLong("chatId")).put("typing", true),
                chat.getString("token"));
        if ("rate_limited".equals(reply.getString("message"))) {
          limited++;
        }
      }
    }
    assertTrue(limited > 0, "sixty typing notes at once were all relayed");
  }

  @Test
  @DisplayName(
      "chat.send with a body that is not an object is answered invalid on its reply address at once")
  void stringBody() {
    var chat = gateway.startChat("ask", "Sam", "A question");
    try (var client = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      var reply = client.request("chat.send", null, chat.getString("token"));
      assertEquals("err", reply.getString("type"), reply::encode);
      client.frame(
          new JsonObject()
              .put("type", "send")
              .put("address", "chat.send")
              .put("body", "just a string")
              .put("headers", new JsonObject().put("token", chat.getString("token")))
              .put("replyAddress", "r-1"));
      var answer = client.next("r-1", 2000);
      assertEquals("invalid", answer.getString("message"), answer::encode);
      var operator =
          client.request(
              "chat.send", new JsonObject().put("chatId", "x"), gateway.librarianToken("ben"));
      assertEquals("err", operator.getString("type"), operator::encode);
    }
  }

  @Test
  @DisplayName("a frame of 300 KB gets an error or a close at once, and the server keeps serving")
  void hugeFrame() {
    var chat = gateway.startChat("ask", "Big", "A question");
    try (var client = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      var text = "x".repeat(300_000);
      try {
        client.singleFrame(
            new JsonObject()
                .put("type", "send")
                .put("address", "chat.send")
                .put(
                    "body",
                    new JsonObject()
                        .put("chatId", chat.getLong("chatId"))
                        .put("text", text)
                        .put("clientMsgId", "big-1"))
                .put("headers", new JsonObject().put("token", chat.getString("token")))
                .put("replyAddress", "r-big"));
      } catch (RuntimeException closedWhileWriting) {
        // a close is an answer too
      }
      assertTrue(client.awaitClosed(3000), "the oversized frame was neither refused nor closed");
    }
    assertEquals(200, gateway.get("/health", null).statusCode());
  }
}
