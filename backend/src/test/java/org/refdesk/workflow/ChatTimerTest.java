package org.refdesk.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.TestGateway;

@DisplayName("The shift's clock: first-minute escalation, wait updates, idle patrons")
class ChatTimerTest {

  private static TestGateway gateway;
  private static long libraryId;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(Map.of("REFDESK_TIMER_TICK_MS", "200"));
    libraryId = gateway.query("SELECT id FROM libraries").get(0).getLong(0);
    // Seconds instead of minutes, written straight to the library (the API keeps people to sane values).
    gateway.query("""
        UPDATE libraries SET settings = settings || '{"firstMinuteSeconds": 1, "waitUpdateSeconds": 2,
          "idleWarnSeconds": 1, "idleEndSeconds": 2}'::jsonb RETURNING id""");
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static boolean isNotice(JsonObject body) {
    return "notice".equals(body.getString("type"));
  }

  @Test
  @DisplayName("a chat unclaimed past the first minute reaches every operator of the library, once, even one not monitoring its queue")
  void escalation() {
    var aliceToken = gateway.librarianToken("alice");
    try (var alice = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      alice.register("presence." + libraryId, aliceToken);
      gateway.awaitRegistered(alice, "presence." + libraryId);
      long chatId = gateway.startChat("science", "Dee", "Is the telescope free?").getLong("chatId");
      var escalation = alice.next("presence." + libraryId, b -> "escalation".equals(b.getString("type"))
          && b.getLong("chatId") == chatId, 5000).getJsonObject("body");
      assertEquals("Science Desk", escalation.getString("queueName"));
      assertEquals("Dee", escalation.getString("patronName"));
      assertTrue(escalation.getInteger("waitedSeconds") >= 1);
      assertNull(alice.nothingOn("presence." + libraryId, 1500), "escalated once");
    }
  }

  @Test
  @DisplayName("a waiting patron hears where they stand at the first minute and again after each update interval")
  void waitUpdates() {
    var started = gateway.startChat("ask", "Eli", "Do you lend e-readers?");
    long chatId = started.getLong("chatId");
    try (var patron = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      patron.register("chat." + chatId, started.getString("token"));
      gateway.awaitRegistered(patron, "chat." + chatId);
      var first = patron.next("chat." + chatId, ChatTimerTest::isNotice, 5000).getJsonObject("body");
      assertTrue(first.getString("text").startsWith("You are"), first::encode);
      assertTrue(first.getString("text").contains("in line"));
      assertEquals("system", first.getJsonObject("from").getString("kind"));
      var second = patron.next("chat." + chatId, ChatTimerTest::isNotice, 6000).getJsonObject("body");
      assertEquals(first.getInteger("seq") + 1, second.getInteger("seq"), "stored and numbered like any event");
    }
  }

  @Test
  @DisplayName("a patron silent after the librarian wrote is asked if they are still there, then the chat closes itself")
  void idlePatron() {
    var ben = gateway.librarianToken("ben");
    var quiet = gateway.startChat("ask", "Fay", "Quiet one");
    var replying = gateway.startChat("ask", "Gus", "Answers in time");
    for (var chat : new JsonObject[] {quiet, replying}) {
      assertEquals(200, gateway.post("/api/chats/" + chat.getLong("chatId") + "/claim", new JsonObject(), ben).statusCode());
    }
    try (var librarian = BridgeClient.connect(gateway.vertx(), gateway.port());
         var gus = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      long quietId = quiet.getLong("chatId");
      long replyingId = replying.getLong("chatId");
      librarian.register("chat." + quietId, ben);
      librarian.register("chat." + replyingId, ben);
      gateway.awaitRegistered(librarian, "chat." + quietId);
      gateway.awaitRegistered(librarian, "chat." + replyingId);
      for (long id : new long[] {quietId, replyingId}) {
        librarian.request("chat.send", new JsonObject().put("chatId", id).put("text", "What are you looking for?")
            .put("clientMsgId", "ask-" + id), ben);
      }
      var warning = librarian.next("chat." + quietId, b -> isNotice(b) && b.getString("text").startsWith("Are you still there"), 5000);
      assertTrue(warning.getJsonObject("body").getString("text").contains("will close in 2 seconds"));
      librarian.next("chat." + replyingId, b -> isNotice(b) && b.getString("text").startsWith("Are you still there"), 5000);
      gus.request("chat.send", new JsonObject().put("chatId", replyingId).put("text", "Still here!").put("clientMsgId", "g-1"),
          replying.getString("token"));

      var ended = librarian.next("chat." + quietId, b -> "ended".equals(b.getString("type")), 6000).getJsonObject("body");
      assertEquals("system", ended.getString("endedBy"));
      assertTrue(ended.getString("text").contains("had not heard from you"), ended::encode);
      assertEquals("ended", gateway.query("SELECT state FROM chats WHERE id = $1", quietId).get(0).getString(0));
      assertEquals("active", gateway.query("SELECT state FROM chats WHERE id = $1", replyingId).get(0).getString(0),
          "a patron who answered stays");
    }
  }
}
