package org.refdesk.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.TestGateway;

@DisplayName("A whole conversation, patron to librarian and back")
class LiveChatTest {

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
      "a patron asks, the queue rings, a librarian claims, both write, the librarian ends; every event is numbered 1..n")
  void conversation() {
    long ask = gateway.queueId("ask");
    var benToken = gateway.librarianToken("ben");
    try (var ben = BridgeClient.connect(gateway.vertx(), gateway.port());
        var patron = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      ben.register("queue." + ask, benToken);
      gateway.awaitRegistered(ben, "queue." + ask);

      var started = gateway.startChat("ask", "Sam", "Do you have the 1998 county atlas?");
      long chatId = started.getLong("chatId");
      var patronToken = started.getString("token");
      assertEquals(1, started.getInteger("seq"));
      assertEquals(1, started.getInteger("position"));

      var waiting = ben.next("queue." + ask, 5000).getJsonObject("body");
      assertEquals("waiting", waiting.getString("type"));
      assertEquals(chatId, waiting.getLong("chatId"));
      assertEquals("Sam", waiting.getString("patronName"));
      assertEquals("Do you have the 1998 county atlas?", waiting.getString("question"));

      var list =
          gateway
              .get("/api/queues/" + ask + "/waiting", benToken)
              .bodyAsJsonObject()
              .getJsonArray("chats");
      assertEquals(chatId, list.getJsonObject(0).getLong("chatId"));
      assertEquals(1, list.getJsonObject(0).getInteger("position"));

      var chatAddress = "chat." + chatId;
      patron.register(chatAddress, patronToken);
      ben.register(chatAddress, benToken);
      gateway.awaitRegistered(patron, chatAddress);
      gateway.awaitRegistered(ben, chatAddress);

      // Before claiming, the librarian sees the patron's draft as it is typed; the patron never
      // sees it echoed.
      var typing =
          patron.request(
              "chat.typing",
              new JsonObject()
                  .put("chatId", chatId)
                  .put("typing", true)
                  .put("preview", "it is for my grandm"),
              patronToken);
      assertEquals("rec", typing.getString("type"), typing::encode);
      var draft = ben.next(chatAddress, 5000).getJsonObject("body");
      assertEquals("typing", draft.getString("type"));
      assertEquals("it is for my grandm", draft.getString("preview"));
      assertNull(draft.getValue("seq"), "typing is never numbered");

      var claim = gateway.post("/api/chats/" + chatId + "/claim", new JsonObject(), benToken);
      assertEquals(200, claim.statusCode(), claim::bodyAsString);
      assertEquals(2, claim.bodyAsJsonObject().getInteger("seq"));
      var claimedOnQueue = ben.next("queue." + ask, 5000).getJsonObject("body");
      assertEquals("claimed", claimedOnQueue.getString("type"));
      assertEquals("Ben Okafor", claimedOnQueue.getJsonObject("operator").getString("name"));
      assertEquals(2, patron.next(chatAddress, 5000).getJsonObject("body").getInteger("seq"));
      assertEquals("claimed", ben.next(chatAddress, 5000).getJsonObject("body").getString("type"));

      var fromPatron =
          patron.request(
              "chat.send",
              new JsonObject()
                  .put("chatId", chatId)
                  .put("text", "It is for my grandmother")
                  .put("clientMsgId", "p-1"),
              patronToken);
      assertEquals(3, fromPatron.getJsonObject("body").getInteger("seq"), fromPatron::encode);
      assertNotNull(fromPatron.getJsonObject("body").getString("at"));
      var heard = ben.next(chatAddress, 5000).getJsonObject("body");
      assertEquals(3, heard.getInteger("seq"));
      assertEquals("patron", heard.getJsonObject("from").getString("kind"));
      assertEquals("Sam", heard.getJsonObject("from").getString("name"));
      assertEquals("It is for my grandmother", heard.getString("text"));

      ben.request(
          "chat.typing",
          new JsonObject().put("chatId", chatId).put("typing", true).put("preview", "secret"),
          benToken);
      assertEquals(
          3,
          patron.next(chatAddress, 5000).getJsonObject("body").getInteger("seq"),
          "the patron hears its own message too, numbered, so every window of the chat agrees");
      var librarianTyping = patron.next(chatAddress, 5000).getJsonObject("body");
      assertEquals(
          "typing",
          librarianTyping.getString("type"),
          "and never its own typing: the next event is the librarian's");
      assertFalse(
          librarianTyping.containsKey("preview"), "operators' drafts never reach the patron");

      var fromBen =
          ben.request(
              "chat.send",
              new JsonObject()
                  .put("chatId", chatId)
                  .put("text", "We have it in Special Collections.")
                  .put("clientMsgId", "o-1"),
              benToken);
      assertEquals(4, fromBen.getJsonObject("body").getInteger("seq"));
      var answer =
          patron
              .next(chatAddress, body -> "message".equals(body.getString("type")), 5000)
              .getJsonObject("body");
      assertEquals(4, answer.getInteger("seq"));
      assertEquals("Ben Okafor", answer.getJsonObject("from").getString("name"));

      var end = gateway.post("/api/chats/" + chatId + "/end", new JsonObject(), benToken);
      assertEquals(200, end.statusCode(), end::bodyAsString);
      assertEquals(5, end.bodyAsJsonObject().getInteger("seq"));
      assertEquals(
          "ended",
          patron
              .next(chatAddress, b -> b.containsKey("seq") && b.getInteger("seq") == 5, 5000)
              .getJsonObject("body")
              .getString("type"));
      assertEquals("ended", ben.next("queue." + ask, 5000).getJsonObject("body").getString("type"));

      var late =
          patron.request(
              "chat.send",
              new JsonObject()
                  .put("chatId", chatId)
                  .put("text", "one more thing")
                  .put("clientMsgId", "p-2"),
              patronToken);
      assertEquals("err", late.getString("type"));
      assertEquals("chat_ended", late.getString("message"));
      assertEquals(1015, late.getInteger("failureCode"));

      var events =
          gateway.get("/api/chats/" + chatId + "/events?after=0", patronToken).bodyAsJsonObject();
      var types =
          events.getJsonArray("events").stream()
              .map(e -> ((JsonObject) e).getString("type"))
              .toList();
      var seqs =
          events.getJsonArray("events").stream()
              .map(e -> ((JsonObject) e).getInteger("seq"))
              .toList();
      assertEquals(List.of("message", "claimed", "message", "message", "ended"), types);
      assertEquals(List.of(1, 2, 3, 4, 5), seqs);
      assertFalse(events.getBoolean("more"));
      assertEquals(5, gateway.count("SELECT count(*) FROM chat_events WHERE chat_id = $1", chatId));
      assertEquals(5, gateway.count("SELECT last_seq FROM chats WHERE id = $1", chatId));
    }
  }

  @Test
  @DisplayName(
      "the widget learns the queue's name, its library, how many wait and whether anyone is online")
  void queueDescription() {
    var response = gateway.get("/api/widget/queues/ask", null);
    assertEquals(200, response.statusCode());
    var body = response.bodyAsJsonObject();
    assertEquals("Ask a Librarian", body.getString("name"));
    assertEquals("Demo Library", body.getJsonObject("library").getString("name"));
    assertFalse(body.getBoolean("online"), "nobody has set a status yet");
    assertTrue(body.containsKey("expectedWaitSeconds"));
    assertEquals(
        "unknown_queue",
        gateway
            .get("/api/widget/queues/nope", null)
            .bodyAsJsonObject()
            .getJsonObject("error")
            .getString("code"));
    assertEquals("Ask a librarian", body.getJsonObject("settings").getString("launcherLabel"));

    // The loader reads this from library pages of any origin.
    var fromLibrarySite =
        TestGateway.await(
            gateway
                .client()
                .get("/api/widget/queues/ask")
                .putHeader("Origin", "https://www.some-library.example")
                .send());
    assertEquals(200, fromLibrarySite.statusCode());
    assertEquals("*", fromLibrarySite.getHeader("Access-Control-Allow-Origin"));
    var otherCall =
        TestGateway.await(
            gateway
                .client()
                .post("/api/widget/chats")
                .putHeader("Origin", "https://www.some-library.example")
                .sendJsonObject(new JsonObject()));
    assertEquals(403, otherCall.statusCode(), "only the description is open to other origins");
  }

  @Test
  @DisplayName(
      "a waiting patron learns their place and the usual wait; once claimed, who has joined")
  void waitingInfo() {
    var first = gateway.startChat("science", "Pat", "Periodic table poster?");
    var second = gateway.startChat("science", "Lee", "Telescope loans?");
    var info =
        gateway
            .get("/api/widget/chats/" + second.getLong("chatId"), second.getString("token"))
            .bodyAsJsonObject();
    assertEquals("waiting", info.getString("state"));
    assertEquals(2, info.getInteger("position"));
    assertNull(info.getValue("operator"));
    assertEquals(
        403,
        gateway
            .get("/api/widget/chats/" + first.getLong("chatId"), second.getString("token"))
            .statusCode());

    var ben = gateway.librarianToken("ben");
    gateway.post("/api/chats/" + first.getLong("chatId") + "/claim", new JsonObject(), ben);
    assertEquals(
        1,
        gateway
            .get("/api/widget/chats/" + second.getLong("chatId"), second.getString("token"))
            .bodyAsJsonObject()
            .getInteger("position"));
    var claimed =
        gateway
            .get("/api/widget/chats/" + first.getLong("chatId"), first.getString("token"))
            .bodyAsJsonObject();
    assertEquals("active", claimed.getString("state"));
    assertEquals("Ben Okafor", claimed.getJsonObject("operator").getString("name"));
    assertNotNull(
        claimed.getValue("expectedWaitSeconds"), "one claim is enough to estimate the wait");

    var active = gateway.get("/api/chats/active", ben).bodyAsJsonObject().getJsonArray("chats");
    assertTrue(
        active.stream()
            .map(c -> ((JsonObject) c).getLong("chatId"))
            .toList()
            .contains(first.getLong("chatId")));
    var details = gateway.get("/api/chats/" + first.getLong("chatId"), ben).bodyAsJsonObject();
    assertEquals("Pat", details.getJsonObject("patron").getString("name"));
    assertEquals("127.0.0.1", details.getJsonObject("patron").getString("ip"));
  }

  @Test
  @DisplayName(
      "a patron who leaves while waiting abandons the chat: the queue hears it and the chat is closed")
  void patronAbandons() {
    long ask = gateway.queueId("ask");
    try (var ben = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      ben.register("queue." + ask, gateway.librarianToken("ben"));
      gateway.awaitRegistered(ben, "queue." + ask);
      var started = gateway.startChat("ask", "Kim", "Hours on Sunday?");
      long chatId = started.getLong("chatId");
      ben.next("queue." + ask, 5000);
      var end =
          gateway.post(
              "/api/widget/chats/" + chatId + "/end", new JsonObject(), started.getString("token"));
      assertEquals(200, end.statusCode(), end::bodyAsString);
      var abandoned = ben.next("queue." + ask, 5000).getJsonObject("body");
      assertEquals("abandoned", abandoned.getString("type"));
      assertEquals(chatId, abandoned.getLong("chatId"));
      assertEquals(
          409,
          gateway
              .post(
                  "/api/widget/chats/" + chatId + "/end",
                  new JsonObject(),
                  started.getString("token"))
              .statusCode());
      assertEquals(
          409,
          gateway
              .post(
                  "/api/chats/" + chatId + "/claim",
                  new JsonObject(),
                  gateway.librarianToken("ben"))
              .statusCode());
    }
  }

  @Test
  @DisplayName("starting a chat checks its fields and stores nothing when they are wrong")
  void startValidation() {
    long before = gateway.count("SELECT count(*) FROM chats");
    var bad =
        List.of(
            new JsonObject().put("queue", "ask"),
            new JsonObject().put("queue", "ask").put("question", "  "),
            new JsonObject().put("queue", "ask").put("question", "x".repeat(4001)),
            new JsonObject()
                .put("queue", "ask")
                .put("question", "ok")
                .put("email", "not-an-address"),
            new JsonObject().put("queue", "ask").put("question", "ok").put("name", 7));
    for (var body : bad) {
      var response = gateway.post("/api/widget/chats", body, null);
      assertEquals(400, response.statusCode(), body::encode);
    }
    assertEquals(
        404,
        gateway
            .post(
                "/api/widget/chats",
                new JsonObject().put("queue", "nope").put("question", "hi"),
                null)
            .statusCode());
    assertEquals(before, gateway.count("SELECT count(*) FROM chats"));
  }
}
