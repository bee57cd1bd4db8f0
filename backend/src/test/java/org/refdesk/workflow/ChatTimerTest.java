package org.refdesk.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.FastShift;
import org.refdesk.support.TestGateway;

@DisplayName(
    "The shift's clock: first-minute escalation, wait updates, idle patrons, a librarian's research")
class ChatTimerTest {

  private static TestGateway gateway;
  private static long libraryId;

  @BeforeAll
  static void start() {
    gateway =
        FastShift.start(
            2,
            new JsonObject()
                .put("firstMinuteSeconds", 1)
                .put("waitUpdateSeconds", 2)
                .put("idleWarnSeconds", 1)
                .put("idleEndSeconds", 2));
    libraryId = gateway.demoLibraryId();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static Predicate<JsonObject> escalationOf(long chatId) {
    return b -> "escalation".equals(b.getString("type")) && b.getLong("chatId") == chatId;
  }

  private static boolean isNotice(JsonObject body) {
    return "notice".equals(body.getString("type"));
  }

  @Test
  @DisplayName(
      "a chat unclaimed past the first minute reaches every operator of the library, once, even one not monitoring its queue")
  void escalation() {
    var aliceToken = gateway.librarianToken("alice");
    try (var alice = gateway.listen("alerts." + libraryId, aliceToken)) {
      long chatId = gateway.startChat("science", "Dee", "Is the telescope free?").getLong("chatId");
      var escalation =
          alice.next("alerts." + libraryId, escalationOf(chatId), 5000).getJsonObject("body");
      assertEquals("Science Desk", escalation.getString("queueName"));
      assertEquals("Dee", escalation.getString("patronName"));
      assertTrue(escalation.getInteger("waitedSeconds") >= 1);
      // The marker: a chat started now rings a first minute later, after several ticks that would
      // each have
      // rung Dee's chat again; the socket delivers in order, so a second alert would be here before
      // it.
      long laterId = gateway.startChat("science", "Eve", "And the star charts?").getLong("chatId");
      alice.next("alerts." + libraryId, escalationOf(laterId), 5000);
      assertNull(alice.arrivedOn("alerts." + libraryId, escalationOf(chatId)), "escalated once");
    }
  }

  @Test
  @DisplayName(
      "a waiting patron hears where they stand at the first minute and again after each update interval")
  void waitUpdates() {
    var started = gateway.startChat("ask", "Eli", "Do you lend e-readers?");
    long chatId = started.getLong("chatId");
    try (var patron = gateway.listen("chat." + chatId, started.getString("token"))) {
      var first =
          patron.next("chat." + chatId, ChatTimerTest::isNotice, 5000).getJsonObject("body");
      assertTrue(first.getString("text").startsWith("You are"), first::encode);
      assertTrue(first.getString("text").contains("in line"));
      assertEquals("system", first.getJsonObject("from").getString("kind"));
      var second =
          patron.next("chat." + chatId, ChatTimerTest::isNotice, 6000).getJsonObject("body");
      assertEquals(
          first.getInteger("seq") + 1,
          second.getInteger("seq"),
          "stored and numbered like any event");
    }
  }

  @Test
  @DisplayName(
      "a patron who leaves the librarian's question unanswered is asked if they are still there, and the chat closes itself once they have gone")
  void idlePatron() {
    var ben = gateway.librarianToken("ben");
    var quiet = gateway.startChat("ask", "Fay", "Quiet one");
    var replying = gateway.startChat("ask", "Gus", "Answers in time");
    claimed(quiet, ben);
    claimed(replying, ben);
    try (var librarian = BridgeClient.connect(gateway.vertx(), gateway.port());
        var gus = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      long quietId = quiet.getLong("chatId");
      long replyingId = replying.getLong("chatId");
      librarian.register("chat." + quietId, ben);
      librarian.register("chat." + replyingId, ben);
      gateway.awaitRegistered(librarian, "chat." + quietId);
      gateway.awaitRegistered(librarian, "chat." + replyingId);
      for (long id : new long[] {quietId, replyingId}) {
        librarian.request(
            "chat.send",
            new JsonObject()
                .put("chatId", id)
                .put("text", "What are you looking for?")
                .put("clientMsgId", "ask-" + id),
            ben);
      }
      var warning = librarian.next("chat." + quietId, ChatTimerTest::isStillThere, 5000);
      assertTrue(
          warning.getJsonObject("body").getString("text").contains("will close in 2 seconds"));
      librarian.next("chat." + replyingId, ChatTimerTest::isStillThere, 5000);
      gus.request(
          "chat.send",
          new JsonObject()
              .put("chatId", replyingId)
              .put("text", "Still here!")
              .put("clientMsgId", "g-1"),
          replying.getString("token"));

      var ended =
          librarian.next("chat." + quietId, ChatTimerTest::isEnded, 6000).getJsonObject("body");
      assertEquals("system", ended.getString("endedBy"));
      assertTrue(
          ended.getString("text").contains("no answer to the librarian's last message for"),
          ended::encode);
      assertTrue(ended.getString("text").contains("chat window had been closed"), ended::encode);
      assertEquals(
          "ended",
          gateway.query("SELECT state FROM chats WHERE id = $1", quietId).get(0).getString(0));
      assertEquals(
          "active",
          gateway.query("SELECT state FROM chats WHERE id = $1", replyingId).get(0).getString(0),
          "a patron who answered stays");
    }
  }

  @Test
  @DisplayName(
      "a slow librarian reply starts the patron's idle clock: the patron is not asked at once whether they are still there")
  void slowReply() {
    var ben = gateway.librarianToken("ben");
    var chat = claimed(gateway.startChat("ask", "Hal", "Where are the 1890s census records?"), ben);
    long chatId = chat.getLong("chatId");
    try (var patron = gateway.listen("chat." + chatId, chat.getString("token"));
        var librarian = gateway.listen("chat." + chatId, ben)) {
      // The patron's question came half an hour before the answer, as the database times showed.
      gateway.query(
          "UPDATE chats SET patron_last_at = now() - interval '30 minutes' WHERE id = $1", chatId);
      var reply =
          librarian.request(
              "chat.send",
              message(
                  chatId, "Here is what I found: the census is on microfilm, floor 2.", "slow-1"),
              ben);
      var repliedAt = Instant.parse(reply.getJsonObject("body").getString("at"));
      var warning = librarian.next("chat." + chatId, ChatTimerTest::isStillThere, 5000);
      var warnedAt = Instant.parse(warning.getJsonObject("body").getString("at"));
      assertTrue(
          Duration.between(repliedAt, warnedAt).toMillis() >= 1000,
          "asked "
              + Duration.between(repliedAt, warnedAt).toMillis()
              + " ms after the librarian's reply, not after idleWarnSeconds");
    }
  }

  @Test
  @DisplayName(
      "a librarian's \"one moment\" and long research never close the chat while the patron's widget is open")
  void librarianResearching() {
    var ben = gateway.librarianToken("ben");
    var chat =
        claimed(gateway.startChat("ask", "Ivy", "Which edition of Middlemarch has the map?"), ben);
    // The same words in a chat whose patron has no window open: the clock closes it, which is the
    // marker below.
    var unwatched = claimed(gateway.startChat("ask", "Jay", "And the first edition?"), ben);
    long chatId = chat.getLong("chatId");
    long unwatchedId = unwatched.getLong("chatId");
    try (var patron = gateway.listen("chat." + chatId, chat.getString("token"));
        var librarian = gateway.listen("chat." + chatId, ben)) {
      librarian.register("chat." + unwatchedId, ben);
      gateway.awaitRegistered(librarian, "chat." + unwatchedId);
      librarian.request(
          "chat.send", message(chatId, "One moment, let me look that up.", "moment-1"), ben);
      patron.next("chat." + chatId, ChatTimerTest::isStillThere, 5000);
      // Told only now, a second or more after Ivy, the unwatched chat closes ticks after the time
      // that would
      // close hers (idle and grace times): once it has, her chat would have been closed and
      // announced.
      librarian.request(
          "chat.send", message(unwatchedId, "One moment, let me look that up.", "moment-u"), ben);
      librarian.next("chat." + unwatchedId, ChatTimerTest::isEnded, 8000);
      assertNull(
          patron.arrivedOn("chat." + chatId, ChatTimerTest::isEnded),
          "the chat closed while the patron waited for the librarian");
      assertEquals(
          "active",
          gateway.query("SELECT state FROM chats WHERE id = $1", chatId).get(0).getString(0));
      var answer =
          librarian.request(
              "chat.send", message(chatId, "Found it: the 1994 Penguin edition.", "moment-2"), ben);
      assertEquals("rec", answer.getString("type"), answer::encode);
    }
  }

  /** The chat, once the operator has claimed it. */
  private static JsonObject claimed(JsonObject chat, String operatorToken) {
    var claim =
        gateway.post(
            "/api/chats/" + chat.getLong("chatId") + "/claim", new JsonObject(), operatorToken);
    assertEquals(200, claim.statusCode(), claim::bodyAsString);
    return chat;
  }

  private static JsonObject message(long chatId, String text, String clientMsgId) {
    return new JsonObject().put("chatId", chatId).put("text", text).put("clientMsgId", clientMsgId);
  }

  private static boolean isStillThere(JsonObject body) {
    return isNotice(body) && body.getString("text").startsWith("Are you still there");
  }

  private static boolean isEnded(JsonObject body) {
    return "ended".equals(body.getString("type"));
  }
}
