package org.refdesk.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.FastShift;
import org.refdesk.support.TestGateway;

@DisplayName(
    "A patron who leaves while waiting: a missed chat, out of the queue, back if they return")
class MissedChatTest {

  private static TestGateway gateway;
  private static long libraryId;
  private static long askId;
  private static String alice;
  private static BridgeClient librarian;

  @BeforeAll
  static void start() {
    // The first minute later than the grace time: a gone patron must never ring anyone.
    gateway =
        FastShift.start(
            1, new JsonObject().put("firstMinuteSeconds", 3).put("waitUpdateSeconds", 600));
    libraryId = gateway.demoLibraryId();
    askId = gateway.queueId("ask");
    alice = gateway.librarianToken("alice");
    librarian = gateway.listen("queue." + askId, alice);
    librarian.register("alerts." + libraryId, alice);
    gateway.awaitRegistered(librarian, "alerts." + libraryId);
  }

  @AfterAll
  static void stop() {
    librarian.close();
    gateway.close();
  }

  /** A patron's open widget: a socket registered on the chat with its token. */
  private static BridgeClient widget(JsonObject chat) {
    return gateway.listen("chat." + chat.getLong("chatId"), chat.getString("token"));
  }

  /**
   * Two patrons ask, one after the other; the first closes the widget, the second keeps it open
   * until closed.
   */
  private record Patrons(JsonObject leaving, JsonObject staying, BridgeClient stayer)
      implements AutoCloseable {
    @Override
    public void close() {
      stayer.close();
    }
  }

  private static Patrons oneLeavesOneStays(String leaving, String staying) {
    var left = gateway.startChat("ask", leaving, "A question from " + leaving);
    var stays = gateway.startChat("ask", staying, "A question from " + staying);
    var stayer = widget(stays);
    widget(left).close();
    return new Patrons(left, stays, stayer);
  }

  private static JsonObject missedEvent(long chatId) {
    return librarian
        .next(
            "queue." + askId,
            b -> "abandoned".equals(b.getString("type")) && b.getLong("chatId") == chatId,
            6000)
        .getJsonObject("body");
  }

  private static String state(long chatId) {
    return gateway.query("SELECT state FROM chats WHERE id = $1", chatId).get(0).getString(0);
  }

  private static JsonObject whereIStand(JsonObject chat) {
    var response =
        gateway.get("/api/widget/chats/" + chat.getLong("chatId"), chat.getString("token"));
    assertEquals(200, response.statusCode(), response::bodyAsString);
    return response.bodyAsJsonObject();
  }

  private static boolean inRedisQueue(long chatId) {
    var rank =
        TestGateway.await(
            gateway
                .redis()
                .send(
                    Request.cmd(Command.ZRANK)
                        .arg(gateway.redisPrefix() + "queue:" + askId + ":waiting")
                        .arg(chatId)));
    return rank != null;
  }

  /** The queue's order in Redis, read at once. */
  private static List<Long> queueOrder() {
    var reply =
        TestGateway.await(
            gateway
                .redis()
                .send(
                    Request.cmd(Command.ZRANGE)
                        .arg(gateway.redisPrefix() + "queue:" + askId + ":waiting")
                        .arg(0)
                        .arg(-1)));
    var ids = new ArrayList<Long>();
    reply.forEach(item -> ids.add(item.toLong()));
    return ids;
  }

  @Test
  @DisplayName(
      "a patron whose widget is gone past the grace time is missed: out of the queue and never escalated, while one who stays keeps waiting")
  void goneIsMissed() {
    try (var patrons = oneLeavesOneStays("Jo", "Kim")) {
      long leavingId = patrons.leaving().getLong("chatId");
      long stayingId = patrons.staying().getLong("chatId");
      var missed = missedEvent(leavingId);
      assertEquals("missed", missed.getString("state"));
      assertEquals("missed", state(leavingId));
      assertFalse(inRedisQueue(leavingId), "left the queue");
      var waiting =
          gateway
              .get("/api/queues/" + askId + "/waiting", alice)
              .bodyAsJsonObject()
              .getJsonArray("chats");
      assertTrue(
          waiting.stream().noneMatch(c -> ((JsonObject) c).getLong("chatId") == leavingId),
          waiting::encode);

      // The patron who stayed rings at the first minute; the one who left never does. Jo's chat
      // started
      // first, so its first minute was due at the same tick or an earlier one: an alert before
      // Kim's is
      // already here. A window is kept only for the same tick, whose alerts go out in no set order;
      // it
      // follows Kim's alert, which proves the clock and the socket are flowing.
      librarian.next(
          "alerts." + libraryId,
          b -> "escalation".equals(b.getString("type")) && b.getLong("chatId") == stayingId,
          6000);
      assertNull(
          librarian.nothingOn(
              "alerts." + libraryId,
              b -> "escalation".equals(b.getString("type")) && b.getLong("chatId") == leavingId,
              500),
          "a missed chat alerted the operators");
      assertEquals("waiting", state(stayingId), "a patron whose widget is open is never missed");
    }
  }

  @Test
  @DisplayName("a patron who returns gets their chat back, waiting at the place they had")
  void returnKeepsThePlace() {
    try (var patrons = oneLeavesOneStays("Lee", "Mo")) {
      var first = patrons.leaving();
      long firstId = first.getLong("chatId");
      long secondId = patrons.staying().getLong("chatId");
      missedEvent(firstId);
      assertFalse(inRedisQueue(firstId));

      try (var back = widget(first)) {
        var again =
            librarian
                .next(
                    "queue." + askId,
                    b ->
                        "waiting".equals(b.getString("type"))
                            && b.getLong("chatId") == firstId
                            && b.containsKey("returned"),
                    6000)
                .getJsonObject("body");
        assertEquals(first.getLong("chatId"), again.getLong("chatId"));
        assertTrue(again.getBoolean("returned"));
        assertEquals("waiting", state(firstId));
        assertTrue(inRedisQueue(firstId));
        assertEquals("waiting", whereIStand(first).getString("state"));
        var order = queueOrder();
        assertEquals(
            order.indexOf(firstId) + 1,
            order.indexOf(secondId),
            "back at the place the patron had: " + order);
      }
    }
  }

  @Test
  @DisplayName(
      "a patron's widget asking where they stand brings a missed chat back before the answer")
  void askingBringsItBack() {
    var chat = gateway.startChat("ask", "Nia", "Can I book a study room?");
    long chatId = chat.getLong("chatId");
    missedEvent(chatId);
    var place = whereIStand(chat);
    assertEquals("waiting", place.getString("state"), place::encode);
    assertTrue(place.getInteger("position") >= 1, place::encode);
    assertEquals("waiting", state(chatId));
  }

  @Test
  @DisplayName(
      "a patron's message to their missed chat is asked for again, never refused for good, and stored once")
  void messageToMissedChat() {
    var chat = gateway.startChat("ask", "Ray", "Are you open on Sunday?");
    long chatId = chat.getLong("chatId");
    missedEvent(chatId);
    var send =
        new JsonObject()
            .put("chatId", chatId)
            .put("text", "Hello, still here")
            .put("clientMsgId", "back-1");
    try (var patron = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      var first = patron.request("chat.send", send, chat.getString("token"));
      if ("err".equals(first.getString("type"))) {
        assertEquals("unavailable", first.getString("message"), first::encode);
      }
      // The socket that sent it proves the patron is back: the queue hears the chat wait again, and
      // the
      // resend after that is stored.
      librarian.next(
          "queue." + askId,
          b ->
              "waiting".equals(b.getString("type"))
                  && b.getLong("chatId") == chatId
                  && b.containsKey("returned"),
          6000);
      var resent = patron.request("chat.send", send, chat.getString("token"));
      assertEquals("rec", resent.getString("type"), resent::encode);
    }
    assertEquals("waiting", state(chatId));
    assertEquals(
        1,
        gateway.count(
            "SELECT count(*) FROM chat_events WHERE chat_id = $1 AND client_msg_id = 'back-1'",
            chatId));
  }

  @Test
  @DisplayName(
      "a missed chat cannot be claimed: the claim is refused and the chat stays missed, out of the queue")
  void missedIsNotClaimed() {
    var chat = gateway.startChat("ask", "Oz", "Do you buy books?");
    long chatId = chat.getLong("chatId");
    missedEvent(chatId);
    var claim = gateway.post("/api/chats/" + chatId + "/claim", new JsonObject(), alice);
    assertEquals(409, claim.statusCode(), claim::bodyAsString);
    assertTrue(
        claim.bodyAsJsonObject().getJsonObject("error").getString("message").contains("missed"),
        claim::bodyAsString);
    assertEquals("missed", state(chatId));
    assertFalse(inRedisQueue(chatId));
  }

  @Test
  @DisplayName(
      "operators of the library list its missed chats; without an operator token, or for another library's chats, nothing")
  void missedList() {
    var chat = gateway.startChat("ask", "Pat", "Can I get a library card online?");
    long chatId = chat.getLong("chatId");
    missedEvent(chatId);
    var otherLibrary =
        gateway
            .query("INSERT INTO libraries (name) VALUES ('Elsewhere') RETURNING id")
            .get(0)
            .getLong(0);
    var otherQueue =
        gateway
            .query(
                "INSERT INTO queues (library_id, slug, name) VALUES ($1, 'elsewhere', 'Elsewhere') RETURNING id",
                otherLibrary)
            .get(0)
            .getLong(0);
    var otherChat =
        gateway
            .query(
                """
        INSERT INTO chats (library_id, queue_id, state, patron_name, question, missed_at)
        VALUES ($1, $2, 'missed', 'Quinn', 'Not yours', now()) RETURNING id""",
                otherLibrary,
                otherQueue)
            .get(0)
            .getLong(0);

    var response = gateway.get("/api/chats/missed", alice);
    assertEquals(200, response.statusCode(), response::bodyAsString);
    var list = response.bodyAsJsonObject().getJsonArray("chats");
    var mine =
        list.stream()
            .map(JsonObject.class::cast)
            .filter(c -> c.getLong("chatId") == chatId)
            .findFirst()
            .orElseThrow();
    assertEquals("Pat", mine.getString("patronName"));
    assertEquals(askId, mine.getLong("queueId"));
    assertTrue(
        mine.getString("missedAt") != null && mine.getString("createdAt") != null, mine::encode);
    assertTrue(
        list.stream().noneMatch(c -> ((JsonObject) c).getLong("chatId") == otherChat),
        "another library's chat");

    assertEquals(401, gateway.get("/api/chats/missed", null).statusCode());
    assertEquals(
        401,
        gateway.get("/api/chats/missed", chat.getString("token")).statusCode(),
        "a patron token");
  }
}
