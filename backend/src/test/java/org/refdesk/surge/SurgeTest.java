package org.refdesk.surge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.SecondLibrary;
import org.refdesk.support.TestGateway;

@DisplayName("Calling colleagues for help when swamped")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SurgeTest {

  private static TestGateway gateway;
  private static SecondLibrary riverside;
  private static String alice;
  private static String ben;
  private static String cleo;

  @BeforeAll
  static void start() {
    // Sockets here send no heartbeats: a long timeout keeps their statuses for the whole class.
    gateway = TestGateway.start(Map.of("REFDESK_PRESENCE_TIMEOUT_SECONDS", "3600"));
    riverside = SecondLibrary.create(gateway);
    alice = gateway.librarianToken("alice");
    ben = gateway.librarianToken("ben");
    cleo = gateway.librarianToken("cleo");
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static long idOf(String username) {
    return gateway
        .query("SELECT id FROM operators WHERE username = $1", username)
        .get(0)
        .getLong(0);
  }

  private static void status(BridgeClient socket, String token, String status) {
    var reply = socket.request("presence.set", new JsonObject().put("status", status), token);
    assertEquals(status, reply.getJsonObject("body").getString("status"), reply::encode);
  }

  private static JsonObject surgeOn(BridgeClient socket, long operatorId, boolean automatic) {
    return socket
        .next(
            "operator." + operatorId,
            body ->
                "surge".equals(body.getString("type")) && body.getBoolean("automatic") == automatic,
            10000)
        .getJsonObject("body");
  }

  @Test
  @Order(1)
  @DisplayName(
      "the swamped button pages the signed-in and on-call colleagues with the waiting count; not the"
          + " caller, not another library; a second call within minutes is refused with when the"
          + " first went out")
  void callForHelp() {
    long aliceId = idOf("alice");
    long benId = idOf("ben");
    long cleoId = idOf("cleo");
    var rosa = riverside.token(gateway);
    // Cleo is signed out but on call; Ben is signed in, on staff chat only.
    var onCall =
        TestGateway.await(
            gateway
                .client()
                .put("/api/me/settings")
                .bearerTokenAuthentication(cleo)
                .sendJsonObject(
                    new JsonObject().put("alerts", new JsonObject().put("onCall", true))));
    assertEquals(200, onCall.statusCode(), onCall::bodyAsString);
    var notABoolean =
        TestGateway.await(
            gateway
                .client()
                .put("/api/me/settings")
                .bearerTokenAuthentication(ben)
                .sendJsonObject(
                    new JsonObject().put("alerts", new JsonObject().put("onCall", "yes"))));
    assertEquals(400, notABoolean.statusCode(), notABoolean::bodyAsString);
    try (var aliceSocket = gateway.listen("operator." + aliceId, alice);
        var benSocket = gateway.listen("operator." + benId, ben);
        var cleoSocket = gateway.listen("operator." + cleoId, cleo);
        var rosaSocket = gateway.listen("operator." + riverside.operatorId(), rosa)) {
      status(benSocket, ben, "internal");
      status(rosaSocket, rosa, "online");

      var offline = gateway.post("/api/surge", new JsonObject(), alice);
      assertEquals(403, offline.statusCode(), "an operator who is not online cannot page");
      var patron = gateway.startChat("ask", "Ada", "Where are the maps?");
      var asPatron = gateway.post("/api/surge", new JsonObject(), patron.getString("token"));
      assertEquals(401, asPatron.statusCode(), "a patron cannot page: " + asPatron.bodyAsString());
      gateway.startChat("ask", "Grace", "Do you have old newspapers?");

      status(aliceSocket, alice, "online");
      var sent = gateway.post("/api/surge", new JsonObject(), alice);
      assertEquals(200, sent.statusCode(), sent::bodyAsString);
      assertEquals(2, sent.bodyAsJsonObject().getInteger("paged"));
      assertEquals(2, sent.bodyAsJsonObject().getInteger("waiting"));

      var toBen = surgeOn(benSocket, benId, false);
      assertEquals("Alice Moreno", toBen.getString("from"));
      assertEquals(2, toBen.getInteger("waiting"), "the chats waiting in Alice's queue");
      assertEquals(
          "Ask a Librarian", toBen.getJsonArray("queues").getJsonObject(0).getString("name"));
      assertEquals(2, surgeOn(cleoSocket, cleoId, false).getInteger("waiting"));
      assertNull(
          aliceSocket.nothingOn(
              "operator." + aliceId, body -> "surge".equals(body.getString("type")), 1000),
          "the caller is not paged");
      assertNull(
          rosaSocket.arrivedOn(
              "operator." + riverside.operatorId(), body -> "surge".equals(body.getString("type"))),
          "another library is not paged");

      status(benSocket, ben, "online");
      var again = gateway.post("/api/surge", new JsonObject(), ben);
      assertEquals(409, again.statusCode(), again::bodyAsString);
      var error = again.bodyAsJsonObject().getJsonObject("error");
      assertEquals("conflict", error.getString("code"));
      assertEquals(
          toBen.getString("at").substring(0, 19), error.getString("lastPageAt").substring(0, 19));
      assertTrue(error.getInteger("retryAfterSeconds") > 0);
      assertNull(
          aliceSocket.arrivedOn(
              "operator." + aliceId, body -> "surge".equals(body.getString("type"))),
          "a refused call pages nobody");

      assertEquals(
          1,
          gateway.count(
              "SELECT count(*) FROM audit_log WHERE action = 'surge.page' AND actor_id = $1",
              aliceId));
      status(benSocket, ben, "offline");
      status(aliceSocket, alice, "offline");
      status(rosaSocket, rosa, "offline");
    }
  }

  @Test
  @Order(2)
  @DisplayName(
      "when the library's surge of chats arrives with one operator online, colleagues are paged once"
          + " per window")
  void automaticCall() {
    long aliceId = idOf("alice");
    long benId = idOf("ben");
    var settings =
        TestGateway.await(
            gateway
                .client()
                .put("/api/admin/library/settings")
                .bearerTokenAuthentication(gateway.adminToken())
                .sendJsonObject(new JsonObject().put("surgeChats", 3).put("surgeMinutes", 1)));
    assertEquals(200, settings.statusCode(), settings::bodyAsString);
    var refused =
        TestGateway.await(
            gateway
                .client()
                .put("/api/admin/library/settings")
                .bearerTokenAuthentication(gateway.adminToken())
                .sendJsonObject(new JsonObject().put("surgeChats", 1)));
    assertEquals(400, refused.statusCode(), "fewer than two chats is not a surge");

    long library = gateway.demoLibraryId();
    var arrivals = gateway.redisPrefix() + "surge:" + library + ":arrivals";
    // The chats of the test before are not part of this surge.
    TestGateway.await(gateway.redis().send(Request.cmd(Command.DEL).arg(arrivals)));
    try (var aliceSocket = gateway.listen("operator." + aliceId, alice);
        var benSocket = gateway.listen("operator." + benId, ben)) {
      status(aliceSocket, alice, "online");
      status(benSocket, ben, "away");

      gateway.startChat("ask", "One", "First question?");
      gateway.startChat("science", "Two", "Second question?");
      waitForArrivals(arrivals, 2);
      assertNull(
          benSocket.arrivedOn("operator." + benId, body -> "surge".equals(body.getString("type"))),
          "two chats are not yet a surge");
      gateway.startChat("ask", "Three", "Third question?");

      var page = surgeOn(benSocket, benId, true);
      assertEquals(3, page.getInteger("arrived"));
      assertEquals(1, page.getInteger("minutes"));
      assertTrue(page.getInteger("waiting") >= 3, page::encode);
      assertFalse(page.containsKey("fromId"));

      gateway.startChat("ask", "Four", "Fourth question?");
      waitForArrivals(arrivals, 4);
      assertNull(
          benSocket.nothingOn(
              "operator." + benId, body -> "surge".equals(body.getString("type")), 1500),
          "once per window");
      assertNull(
          aliceSocket.arrivedOn(
              "operator." + aliceId, body -> "surge".equals(body.getString("type"))),
          "the lone operator online is not paged about their own queue");
      assertEquals(
          1, gateway.count("SELECT count(*) FROM audit_log WHERE action = 'surge.automatic'"));
      assertNotNull(page.getString("at"));
    }
  }

  @Test
  @Order(3)
  @DisplayName("the same surge with two operators online pages nobody")
  void twoOnlineAreNotSwamped() {
    long benId = idOf("ben");
    long library = gateway.demoLibraryId();
    var arrivals = gateway.redisPrefix() + "surge:" + library + ":arrivals";
    TestGateway.await(
        gateway
            .redis()
            .send(
                Request.cmd(Command.DEL)
                    .arg(arrivals)
                    .arg(gateway.redisPrefix() + "surge:" + library + ":automatic")));
    try (var aliceSocket = gateway.listen("operator." + idOf("alice"), alice);
        var benSocket = gateway.listen("operator." + benId, ben)) {
      status(aliceSocket, alice, "online");
      status(benSocket, ben, "online");
      gateway.startChat("ask", "Five", "Fifth question?");
      gateway.startChat("ask", "Six", "Sixth question?");
      gateway.startChat("science", "Seven", "Seventh question?");
      waitForArrivals(arrivals, 3);
      assertNull(
          benSocket.nothingOn(
              "operator." + benId, body -> "surge".equals(body.getString("type")), 1500),
          "two at the desk are not swamped");
      status(benSocket, ben, "offline");
      status(aliceSocket, alice, "offline");
    }
  }

  private static void waitForArrivals(String key, int count) {
    gateway.eventually(
        count + " arrivals counted",
        () ->
            TestGateway.await(gateway.redis().send(Request.cmd(Command.ZCARD).arg(key))).toInteger()
                >= count,
        10000);
  }
}
