package org.refdesk.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.FastShift;
import org.refdesk.support.SecondLibrary;
import org.refdesk.support.TestGateway;

@DisplayName(
    "Missed and spam chats are dismissed with a reason, counted, and reviewed from the last shift")
class ChatDismissalTest {

  private static TestGateway gateway;
  private static String alice;
  private static long aliceId;
  private static SecondLibrary riverside;
  private static String rosa;

  @BeforeAll
  static void start() {
    gateway =
        FastShift.start(
            1, new JsonObject().put("firstMinuteSeconds", 600).put("waitUpdateSeconds", 600));
    alice = gateway.librarianToken("alice");
    aliceId = gateway.query("SELECT id FROM operators WHERE username = 'alice'").get(0).getLong(0);
    riverside = SecondLibrary.create(gateway);
    rosa = riverside.token(gateway);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static HttpResponse<Buffer> dismiss(long chatId, JsonObject body, String token) {
    return gateway.post("/api/chats/" + chatId + "/dismiss", body, token);
  }

  private static JsonObject reason(String reason) {
    return new JsonObject().put("reason", reason);
  }

  private static String state(long chatId) {
    return gateway.query("SELECT state FROM chats WHERE id = $1", chatId).get(0).getString(0);
  }

  private static long dismissals() {
    return gateway.count("SELECT count(*) FROM chat_dismissals");
  }

  private static long missedChat(String name) {
    long chatId = gateway.startChat("ask", name, "A question from " + name).getLong("chatId");
    gateway.eventually("the chat is missed", () -> "missed".equals(state(chatId)), 10_000);
    return chatId;
  }

  private static JsonArray missed(String query) {
    var response = gateway.get("/api/chats/missed" + query, alice);
    assertEquals(200, response.statusCode(), response::bodyAsString);
    return response.bodyAsJsonObject().getJsonArray("chats");
  }

  private static boolean listed(JsonArray chats, long chatId) {
    return chats.stream().anyMatch(c -> ((JsonObject) c).getLong("chatId") == chatId);
  }

  private static String errorCode(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getJsonObject("error").getString("code");
  }

  @Test
  @DisplayName("a missed chat dismissed with a reason and a note ends, leaves the list, is counted")
  void dismissMissed() {
    long chatId = missedChat("Noor");
    var before = counts(alice).getLong("duplicate");

    var done = dismiss(chatId, reason("duplicate").put("note", "Asked again by e-mail"), alice);
    assertEquals(200, done.statusCode(), done::bodyAsString);
    assertEquals("duplicate", done.bodyAsJsonObject().getString("reason"));
    assertEquals("ended", state(chatId));
    assertFalse(listed(missed(""), chatId));
    var stored =
        gateway.query(
            "SELECT reason, note, operator_id FROM chat_dismissals WHERE chat_id = $1", chatId);
    assertEquals("duplicate", stored.get(0).getString(0));
    assertEquals("Asked again by e-mail", stored.get(0).getString(1));
    assertEquals(aliceId, stored.get(0).getLong(2));
    assertEquals(before + 1, counts(alice).getLong("duplicate"));
    assertEquals(0L, counts(rosa).getLong("duplicate"), "another library counts its own only");

    var again = dismiss(chatId, reason("spam"), alice);
    assertEquals(409, again.statusCode());
    assertEquals("chat_ended", errorCode(again));
  }

  @Test
  @DisplayName("a waiting chat that is spam is dismissed from the queue; its patron sees it end")
  void dismissWaiting() {
    var chat = gateway.startChat("ask", "Spammer", "Buy cheap watches");
    long chatId = chat.getLong("chatId");
    try (BridgeClient widget = gateway.listen("chat." + chatId, chat.getString("token"))) {
      var done = dismiss(chatId, reason("spam"), alice);
      assertEquals(200, done.statusCode(), done::bodyAsString);
      var ended = widget.next("chat." + chatId, b -> "ended".equals(b.getString("type")), 5000);
      assertNull(ended.getJsonObject("body").getString("text"), "the patron is not told why");
    }
    assertEquals("ended", state(chatId));
    var waiting =
        gateway
            .get("/api/queues/" + gateway.queueId("ask") + "/waiting", alice)
            .bodyAsJsonObject()
            .getJsonArray("chats");
    assertFalse(listed(waiting, chatId), waiting::encode);
  }

  @Test
  @DisplayName(
      "dismissing is refused for a chat in progress, another library's, a patron, no token, bad input")
  void refused() {
    var ari = gateway.startChat("ask", "Ari", "Help with citations");
    long claimed = ari.getLong("chatId");
    var patron = gateway.startChat("ask", "Bo", "Is the café open?");
    long waiting = patron.getLong("chatId");
    // Both patrons keep their widget open: neither chat is missed meanwhile.
    var ariWidget = gateway.listen("chat." + claimed, ari.getString("token"));
    var boWidget = gateway.listen("chat." + waiting, patron.getString("token"));
    var claim = gateway.post("/api/chats/" + claimed + "/claim", new JsonObject(), alice);
    assertEquals(200, claim.statusCode(), claim::bodyAsString);
    var before = dismissals();

    var inProgress = dismiss(claimed, reason("spam"), alice);
    assertEquals(409, inProgress.statusCode(), inProgress::bodyAsString);
    assertEquals("conflict", errorCode(inProgress));
    assertEquals("active", state(claimed));

    assertEquals(404, dismiss(waiting, reason("spam"), rosa).statusCode(), "another library");
    assertEquals(401, dismiss(waiting, reason("spam"), null).statusCode());
    assertEquals(401, dismiss(waiting, reason("spam"), patron.getString("token")).statusCode());
    var badReason = dismiss(waiting, reason("boring"), alice);
    assertEquals(400, badReason.statusCode());
    assertEquals("invalid", errorCode(badReason));
    assertEquals(400, dismiss(waiting, new JsonObject(), alice).statusCode());
    assertEquals(
        400, dismiss(waiting, reason("other").put("note", "x".repeat(501)), alice).statusCode());
    assertEquals(404, dismiss(987654321, reason("spam"), alice).statusCode());
    assertEquals(before, dismissals(), "nothing was stored");
    assertEquals("waiting", state(waiting));
    ariWidget.close();
    boWidget.close();

    assertEquals(401, gateway.get("/api/chats/dismissals/counts", null).statusCode());
    assertEquals(
        401,
        gateway.get("/api/chats/dismissals/counts", patron.getString("token")).statusCode(),
        "a patron token");
    assertEquals(400, gateway.get("/api/chats/dismissals/counts?days=0", alice).statusCode());
    assertEquals(400, gateway.get("/api/chats/missed?since=yesterday", alice).statusCode());
  }

  @Test
  @DisplayName("the missed list from the last shift starts when the operator last went offline")
  void sinceLastShift() {
    long early = missedChat("Early");
    String ben = gateway.librarianToken("ben");
    var benMissed = gateway.get("/api/chats/missed?since=shift", ben).bodyAsJsonObject();
    assertNull(benMissed.getValue("lastShiftEnd"), "ben never went offline: the whole week");
    assertTrue(listed(benMissed.getJsonArray("chats"), early));

    try (var app = gateway.listen("presence." + gateway.demoLibraryId(), ben)) {
      app.request("presence.set", new JsonObject().put("status", "online"), ben);
      app.request("presence.set", new JsonObject().put("status", "offline"), ben);
    }
    gateway.eventually(
        "the end of ben's shift is kept",
        () ->
            gateway.count(
                    "SELECT count(*) FROM operators WHERE username = 'ben' AND last_offline_at IS NOT NULL")
                == 1,
        5000);
    long late = missedChat("Late");

    var sinceShift = gateway.get("/api/chats/missed?since=shift", ben).bodyAsJsonObject();
    assertTrue(sinceShift.getString("lastShiftEnd") != null, sinceShift::encode);
    assertTrue(listed(sinceShift.getJsonArray("chats"), late), sinceShift::encode);
    assertFalse(listed(sinceShift.getJsonArray("chats"), early), "missed before the shift ended");
    var week = gateway.get("/api/chats/missed", ben).bodyAsJsonObject().getJsonArray("chats");
    assertTrue(listed(week, early), "the whole week is still there without 'since'");
    var theirs =
        gateway.get("/api/chats/missed?since=shift", rosa).bodyAsJsonObject().getJsonArray("chats");
    assertFalse(listed(theirs, late), "another library's operator never sees it");
    assertEquals(401, gateway.get("/api/chats/missed?since=shift", null).statusCode());
  }

  private static JsonObject counts(String token) {
    var response = gateway.get("/api/chats/dismissals/counts", token);
    assertEquals(200, response.statusCode(), response::bodyAsString);
    assertEquals(30, response.bodyAsJsonObject().getInteger("days"));
    return response.bodyAsJsonObject().getJsonObject("counts");
  }
}
