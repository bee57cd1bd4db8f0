package org.refdesk.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.TestGateway;

@ExtendWith(VertxExtension.class)
@DisplayName("Nothing sent is lost or stored twice")
class MessageDeliveryTest {

  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    // The burst below is a flood by the patron limits; this class is about ordering,
    // FloodControlTest about limits.
    gateway = TestGateway.start(Map.of("REFDESK_PATRON_MESSAGES_PER_MINUTE", "100000"));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  /** A chat claimed by ben: answers {chatId, patronToken, benToken}. */
  private static JsonObject activeChat() {
    var started = gateway.startChat("ask", "Robin", "Interlibrary loan?");
    var benToken = gateway.librarianToken("ben");
    assertEquals(
        200,
        gateway
            .post("/api/chats/" + started.getLong("chatId") + "/claim", new JsonObject(), benToken)
            .statusCode());
    return new JsonObject()
        .put("chatId", started.getLong("chatId"))
        .put("patronToken", started.getString("token"))
        .put("benToken", benToken);
  }

  private static JsonObject message(long chatId, String text, String clientMsgId) {
    return new JsonObject().put("chatId", chatId).put("text", text).put("clientMsgId", clientMsgId);
  }

  @Test
  @DisplayName("the same clientMsgId sent twice gets the same reply, one row, and one event")
  void repeatedSendStoredOnce() {
    var chat = activeChat();
    long chatId = chat.getLong("chatId");
    try (var patron = BridgeClient.connect(gateway.vertx(), gateway.port());
        var ben = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      ben.register("chat." + chatId, chat.getString("benToken"));
      gateway.awaitRegistered(ben, "chat." + chatId);
      var first =
          patron.request(
              "chat.send", message(chatId, "Is it free?", "same-1"), chat.getString("patronToken"));
      var second =
          patron.request(
              "chat.send", message(chatId, "Is it free?", "same-1"), chat.getString("patronToken"));
      assertEquals(first.getJsonObject("body"), second.getJsonObject("body"));
      assertEquals(
          1,
          gateway.count(
              "SELECT count(*) FROM chat_events WHERE chat_id = $1 AND client_msg_id = 'same-1'",
              chatId));
      assertEquals(
          first.getJsonObject("body").getInteger("seq"),
          ben.next("chat." + chatId, 5000).getJsonObject("body").getInteger("seq"));
      // A later message is the marker: the socket delivers in order, so a second announcement would
      // be here first.
      var marker =
          patron.request(
              "chat.send",
              message(chatId, "And the next one?", "same-2"),
              chat.getString("patronToken"));
      int markerSeq = marker.getJsonObject("body").getInteger("seq");
      ben.next("chat." + chatId, b -> b.getInteger("seq", 0) == markerSeq, 5000);
      assertNull(ben.arrivedOn("chat." + chatId, b -> true), "the repeat is not announced again");
    }
  }

  @Test
  @DisplayName(
      "the same clientMsgId sent at once over eight sockets is stored once and every sender gets the same seq")
  void concurrentRepeats(VertxTestContext test) throws Throwable {
    var chat = activeChat();
    long chatId = chat.getLong("chatId");
    var sockets = new ArrayList<BridgeClient>();
    try {
      for (int i = 0; i < 8; i++) {
        sockets.add(BridgeClient.connect(gateway.vertx(), gateway.port()));
      }
      var seqs = ConcurrentHashMap.<Integer>newKeySet();
      var answered = test.checkpoint(sockets.size());
      for (var socket : sockets) {
        socket
            .send("chat.send", message(chatId, "Hello?", "burst-1"), chat.getString("patronToken"))
            .onComplete(
                test.succeeding(
                    reply ->
                        test.verify(
                            () -> {
                              assertEquals("rec", reply.getString("type"), reply::encode);
                              seqs.add(reply.getJsonObject("body").getInteger("seq"));
                              answered.flag();
                            })));
      }
      awaitReplies(test);
      assertEquals(1, seqs.size(), "one seq for all: " + seqs);
      assertEquals(
          1,
          gateway.count(
              "SELECT count(*) FROM chat_events WHERE chat_id = $1 AND client_msg_id = 'burst-1'",
              chatId));
      assertEquals(
          gateway.count("SELECT max(seq) FROM chat_events WHERE chat_id = $1", chatId),
          gateway.count("SELECT last_seq FROM chats WHERE id = $1", chatId),
          "no number was used up");
    } finally {
      sockets.forEach(BridgeClient::close);
    }
  }

  /**
   * Waits for every checkpoint, then lets the test go on to what it reads from Postgres: blocking
   * reads, kept off the event loop the replies arrive on.
   */
  private static void awaitReplies(VertxTestContext test) throws Throwable {
    assertTrue(test.awaitCompletion(30, TimeUnit.SECONDS), "not every send was answered");
    if (test.failed()) {
      throw test.causeOfFailure();
    }
  }

  @Test
  @DisplayName(
      "a client that drops, misses messages and resumes with after=N sees every event exactly once, in order, in pages")
  void resumeAfterDrop() {
    var chat = activeChat();
    long chatId = chat.getLong("chatId");
    var patronToken = chat.getString("patronToken");
    int lastSeen;
    try (var patron = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      patron.register("chat." + chatId, patronToken);
      gateway.awaitRegistered(patron, "chat." + chatId);
      lastSeen =
          patron
              .request("chat.send", message(chatId, "before the drop", "r-0"), patronToken)
              .getJsonObject("body")
              .getInteger("seq");
    }
    var expected = new ArrayList<Integer>();
    try (var ben = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      for (int i = 1; i <= 7; i++) {
        expected.add(
            ben.request(
                    "chat.send",
                    message(chatId, "while you were away " + i, "o-" + i),
                    chat.getString("benToken"))
                .getJsonObject("body")
                .getInteger("seq"));
      }
    }
    var received = new ArrayList<Integer>();
    var texts = new ArrayList<String>();
    int after = lastSeen;
    boolean more = true;
    while (more) {
      var page =
          gateway
              .get("/api/chats/" + chatId + "/events?after=" + after + "&limit=3", patronToken)
              .bodyAsJsonObject();
      for (var event : page.getJsonArray("events")) {
        var e = (JsonObject) event;
        received.add(e.getInteger("seq"));
        texts.add(e.getString("text"));
      }
      more = page.getBoolean("more");
      after = page.getInteger("lastSeq");
    }
    assertEquals(expected, received);
    assertEquals(
        List.of(
            lastSeen + 1,
            lastSeen + 2,
            lastSeen + 3,
            lastSeen + 4,
            lastSeen + 5,
            lastSeen + 6,
            lastSeen + 7),
        received);
    assertEquals("while you were away 1", texts.get(0));

    try (var patron = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      patron.register("chat." + chatId, patronToken);
      gateway.awaitRegistered(patron, "chat." + chatId);
      var reply = patron.request("chat.send", message(chatId, "back again", "r-1"), patronToken);
      assertEquals(lastSeen + 8, reply.getJsonObject("body").getInteger("seq"));
    }
  }

  @Test
  @DisplayName("a patron may read only its own chat's events; bad paging parameters are 400s")
  void eventsAccess() {
    var mine = activeChat();
    var other = activeChat();
    var response =
        gateway.get(
            "/api/chats/" + other.getLong("chatId") + "/events", mine.getString("patronToken"));
    assertEquals(403, response.statusCode());
    assertEquals(
        401, gateway.get("/api/chats/" + mine.getLong("chatId") + "/events", null).statusCode());
    assertEquals(
        400,
        gateway
            .get(
                "/api/chats/" + mine.getLong("chatId") + "/events?after=-1",
                mine.getString("patronToken"))
            .statusCode());
    assertEquals(
        400,
        gateway
            .get(
                "/api/chats/" + mine.getLong("chatId") + "/events?limit=501",
                mine.getString("patronToken"))
            .statusCode());
    var page =
        gateway
            .get(
                "/api/chats/" + mine.getLong("chatId") + "/events?limit=1",
                mine.getString("benToken"))
            .bodyAsJsonObject();
    assertTrue(page.getBoolean("more"));
    assertEquals(1, page.getJsonArray("events").size());
  }

  @Test
  @DisplayName(
      "a burst of messages from both sides lands in one unbroken sequence, acknowledged after commit")
  void burstKeepsSequence(VertxTestContext test) throws Throwable {
    var chat = activeChat();
    long chatId = chat.getLong("chatId");
    try (var patron = BridgeClient.connect(gateway.vertx(), gateway.port());
        var ben = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      var seqs = ConcurrentHashMap.<Integer>newKeySet();
      var acknowledged = test.checkpoint(80);
      for (int i = 0; i < 40; i++) {
        for (var sent :
            List.of(
                patron.send(
                    "chat.send",
                    message(chatId, "p" + i, "bp-" + i),
                    chat.getString("patronToken")),
                ben.send(
                    "chat.send",
                    message(chatId, "o" + i, "bo-" + i),
                    chat.getString("benToken")))) {
          sent.onComplete(
              test.succeeding(
                  reply ->
                      test.verify(
                          () -> {
                            assertEquals("rec", reply.getString("type"), reply::encode);
                            seqs.add(reply.getJsonObject("body").getInteger("seq"));
                            acknowledged.flag();
                          })));
        }
      }
      awaitReplies(test);
      assertEquals(80, seqs.size());
      var stored =
          gateway
              .query("SELECT seq FROM chat_events WHERE chat_id = $1 ORDER BY seq", chatId)
              .stream()
              .map(r -> r.getInteger(0))
              .toList();
      for (int i = 0; i < stored.size(); i++) {
        assertEquals(i + 1, stored.get(i), "no gap in " + stored);
      }
      assertTrue(stored.containsAll(seqs));
    }
  }
}
