package org.refdesk.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.TestGateway;

@DisplayName("The shift's clock: first-minute escalation, wait updates, idle patrons, a librarian's research")
class ChatTimerTest {

  private static TestGateway gateway;
  private static long libraryId;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(Map.of("REFDESK_TIMER_TICK_MS", "200", "REFDESK_PATRON_GRACE_SECONDS", "2"));
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
      alice.register("alerts." + libraryId, aliceToken);
      gateway.awaitRegistered(alice, "alerts." + libraryId);
      long chatId = gateway.startChat("science", "Dee", "Is the telescope free?").getLong("chatId");
      var escalation = alice.next("alerts." + libraryId, b -> "escalation".equals(b.getString("type"))
          && b.getLong("chatId") == chatId, 5000).getJsonObject("body");
      assertEquals("Science Desk", escalation.getString("queueName"));
      assertEquals("Dee", escalation.getString("patronName"));
      assertTrue(escalation.getInteger("waitedSeconds") >= 1);
      assertNull(alice.nothingOn("alerts." + libraryId, 1500), "escalated once");
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
  @DisplayName("a patron who leaves the librarian's question unanswered is asked if they are still there, and the chat closes itself once they have gone")
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
      assertTrue(ended.getString("text").contains("no answer to the librarian's last message for"), ended::encode);
      assertTrue(ended.getString("text").contains("chat window had been closed"), ended::encode);
      assertEquals("ended", gateway.query("SELECT state FROM chats WHERE id = $1", quietId).get(0).getString(0));
      assertEquals("active", gateway.query("SELECT state FROM chats WHERE id = $1", replyingId).get(0).getString(0),
          "a patron who answered stays");
    }
  }

  @Test
  @DisplayName("a slow librarian reply starts the patron's idle clock: the patron is not asked at once whether they are still there")
  void slowReply() {
    var ben = gateway.librarianToken("ben");
    var chat = gateway.startChat("ask", "Hal", "Where are the 1890s census records?");
    long chatId = chat.getLong("chatId");
    assertEquals(200, gateway.post("/api/chats/" + chatId + "/claim", new JsonObject(), ben).statusCode());
    try (var librarian = BridgeClient.connect(gateway.vertx(), gateway.port());
         var patron = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      patron.register("chat." + chatId, chat.getString("token"));
      gateway.awaitRegistered(patron, "chat." + chatId);
      librarian.register("chat." + chatId, ben);
      gateway.awaitRegistered(librarian, "chat." + chatId);
      // The patron's question came half an hour before the answer, as the database times showed.
      gateway.query("UPDATE chats SET patron_last_at = now() - interval '30 minutes' WHERE id = $1", chatId);
      var reply = librarian.request("chat.send", new JsonObject().put("chatId", chatId)
          .put("text", "Here is what I found: the census is on microfilm, floor 2.").put("clientMsgId", "slow-1"), ben);
      var repliedAt = Instant.parse(reply.getJsonObject("body").getString("at"));
      var warning = librarian.next("chat." + chatId, b -> isNotice(b) && b.getString("text").startsWith("Are you still there"), 5000);
      var warnedAt = Instant.parse(warning.getJsonObject("body").getString("at"));
      assertTrue(Duration.between(repliedAt, warnedAt).toMillis() >= 1000,
          "asked " + Duration.between(repliedAt, warnedAt).toMillis() + " ms after the librarian's reply, not after idleWarnSeconds");
    }
  }

  @Test
  @DisplayName("a librarian's \"one moment\" and long research never close the chat while the patron's widget is open")
  void librarianResearching() {
    var ben = gateway.librarianToken("ben");
    var chat = gateway.startChat("ask", "Ivy", "Which edition of Middlemarch has the map?");
    long chatId = chat.getLong("chatId");
    assertEquals(200, gateway.post("/api/chats/" + chatId + "/claim", new JsonObject(), ben).statusCode());
    try (var librarian = BridgeClient.connect(gateway.vertx(), gateway.port());
         var patron = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      patron.register("chat." + chatId, chat.getString("token"));
      gateway.awaitRegistered(patron, "chat." + chatId);
      librarian.register("chat." + chatId, ben);
      gateway.awaitRegistered(librarian, "chat." + chatId);
      librarian.request("chat.send", new JsonObject().put("chatId", chatId)
          .put("text", "One moment, let me look that up.").put("clientMsgId", "moment-1"), ben);
      patron.next("chat." + chatId, b -> isNotice(b) && b.getString("text").startsWith("Are you still there"), 5000);
      // Past the closing time and the patron's grace time, with room for several ticks.
      assertNull(patron.nothingOn("chat." + chatId, b -> "ended".equals(b.getString("type")), 4000),
          "the chat closed while the patron waited for the librarian");
      assertEquals("active", gateway.query("SELECT state FROM chats WHERE id = $1", chatId).get(0).getString(0));
      var answer = librarian.request("chat.send", new JsonObject().put("chatId", chatId)
          .put("text", "Found it: the 1994 Penguin edition.").put("clientMsgId", "moment-2"), ben);
      assertEquals("rec", answer.getString("type"), answer::encode);
    }
  }
}
