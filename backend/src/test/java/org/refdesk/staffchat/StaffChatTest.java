package org.refdesk.staffchat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.SecondLibrary;
import org.refdesk.support.TestGateway;

/**
 * Staff rooms through the real gateway, Postgres and bridge: who may open, read, write and hear a
 * room (a member, a colleague outside a direct room, another library's operator, a patron, no one),
 * and the patron chat's guarantees: the answer after the commit, a repeat stored once, a resume
 * after a gap, and unread counts.
 */
@DisplayName("Staff chat")
class StaffChatTest {

  private static final long SILENCE_MS = 300;

  private static TestGateway gateway;
  private static String alice;
  private static String ben;
  private static String carol;
  private static String rosa;
  private static String patron;
  private static long aliceId;
  private static long benId;
  private static long carolId;
  private static SecondLibrary riverside;
  private static long staffRoom;
  private static long direct;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    alice = gateway.librarianToken("alice");
    ben = gateway.librarianToken("ben");
    aliceId = operatorId("alice");
    benId = operatorId("ben");
    var hash =
        gateway
            .query("SELECT password_hash FROM operators WHERE username = 'ben'")
            .get(0)
            .getString(0);
    // A colleague of both, outside their direct room.
    carolId =
        gateway
            .query(
                """
                INSERT INTO operators (library_id, username, display_name, password_hash, role)
                VALUES ($1, 'carol', 'Carol Reyes', $2, 'operator') RETURNING id""",
                gateway.demoLibraryId(),
                hash)
            .get(0)
            .getLong(0);
    carol = gateway.login("carol", gateway.librarianPassword("ben"));
    riverside = SecondLibrary.create(gateway);
    rosa = riverside.token(gateway);
    patron = gateway.startChat("ask", "Alex", "Where are the maps?").getString("token");

    var rooms = gateway.get("/api/internal/rooms", alice);
    assertEquals(200, rooms.statusCode(), rooms::bodyAsString);
    staffRoom = rooms.bodyAsJsonObject().getJsonArray("rooms").getJsonObject(0).getLong("id");
    var opened =
        gateway.post("/api/internal/rooms", new JsonObject().put("operatorId", benId), alice);
    assertEquals(200, opened.statusCode(), opened::bodyAsString);
    direct = opened.bodyAsJsonObject().getLong("id");
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  // ---- GET /api/internal/rooms

  @Test
  @DisplayName("an operator's rooms: the staff room first, named by the library, made once")
  void staffRoomFirst() {
    var rooms = roomsOf(carol);
    var first = rooms.getJsonObject(0);
    assertEquals("staff", first.getString("kind"));
    assertEquals(staffRoom, first.getLong("id"));
    assertEquals(
        gateway
            .query("SELECT name FROM libraries WHERE id = $1", gateway.demoLibraryId())
            .get(0)
            .getString(0),
        first.getString("name"));
    assertEquals(
        1,
        gateway.count(
            "SELECT count(*) FROM internal_rooms WHERE kind = 'staff' AND library_id = $1",
            gateway.demoLibraryId()));
    assertTrue(
        rooms.stream().map(JsonObject.class::cast).noneMatch(r -> r.getLong("id") == direct),
        "carol does not see alice and ben's room");
  }

  @Test
  @DisplayName("another library's operator gets their own staff room, not this one")
  void otherLibraryHasItsOwnStaffRoom() {
    var rooms = roomsOf(rosa);
    var first = rooms.getJsonObject(0);
    assertEquals("staff", first.getString("kind"));
    assertEquals("Riverside Public Library", first.getString("name"));
    assertTrue(
        rooms.stream()
            .map(JsonObject.class::cast)
            .noneMatch(r -> r.getLong("id") == staffRoom || r.getLong("id") == direct),
        "none of this library's rooms");
  }

  @Test
  @DisplayName("the rooms list refuses a patron token and no token")
  void roomsRefused() {
    assertEquals(401, gateway.get("/api/internal/rooms", patron).statusCode());
    assertEquals(401, gateway.get("/api/internal/rooms", null).statusCode());
  }

  // ---- POST /api/internal/rooms

  @Test
  @DisplayName("a direct room is one per pair, whoever opens it, named by the colleague")
  void directRoomPerPair() {
    var fromBen =
        gateway.post("/api/internal/rooms", new JsonObject().put("operatorId", aliceId), ben);
    assertEquals(200, fromBen.statusCode(), fromBen::bodyAsString);
    var room = fromBen.bodyAsJsonObject();
    assertEquals(direct, room.getLong("id"));
    assertEquals("direct", room.getString("kind"));
    assertEquals("Alice Moreno", room.getString("name"));
    assertEquals(aliceId, room.getLong("colleagueId"));
    var inAlicesList =
        roomsOf(alice).stream()
            .map(JsonObject.class::cast)
            .filter(r -> r.getLong("id") == direct)
            .findFirst()
            .orElseThrow();
    assertEquals("Ben Okafor", inAlicesList.getString("name"));
  }

  @Test
  @DisplayName("opening a room is refused across libraries, with oneself, and for bad input")
  void openRefused() {
    assertEquals(
        404,
        gateway
            .post("/api/internal/rooms", new JsonObject().put("operatorId", benId), rosa)
            .statusCode());
    assertEquals(
        404,
        gateway
            .post(
                "/api/internal/rooms",
                new JsonObject().put("operatorId", riverside.operatorId()),
                alice)
            .statusCode());
    assertEquals(
        404,
        gateway
            .post("/api/internal/rooms", new JsonObject().put("operatorId", 999_999), alice)
            .statusCode());
    var self =
        gateway.post("/api/internal/rooms", new JsonObject().put("operatorId", aliceId), alice);
    assertEquals(400, self.statusCode());
    assertEquals("invalid", self.bodyAsJsonObject().getJsonObject("error").getString("code"));
    assertEquals(
        400,
        gateway
            .post("/api/internal/rooms", new JsonObject().put("operatorId", "ben"), alice)
            .statusCode());
    assertEquals(
        401,
        gateway
            .post("/api/internal/rooms", new JsonObject().put("operatorId", benId), patron)
            .statusCode());
    assertEquals(
        401,
        gateway
            .post("/api/internal/rooms", new JsonObject().put("operatorId", benId), null)
            .statusCode());
    assertEquals(
        0,
        gateway.count(
            """
            SELECT count(*) FROM internal_rooms
            WHERE $1 IN (operator_low, operator_high) AND $2 IN (operator_low, operator_high)""",
            riverside.operatorId(),
            benId),
        "no room across libraries");
  }

  // ---- internal.send

  @Test
  @DisplayName("a message is answered after its commit, then heard by the room's members")
  void ackAfterCommit() {
    try (var listener = gateway.listen("internal." + direct, ben);
        var socket = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      var clientMsgId = "m-" + UUID.randomUUID();
      var reply = socket.request("internal.send", message(direct, clientMsgId, "hi Ben"), alice);
      assertEquals("rec", reply.getString("type"), reply::encode);
      int seq = reply.getJsonObject("body").getInteger("seq");
      assertNotNull(reply.getJsonObject("body").getString("at"));
      // Asked the moment the answer arrived: the row is already committed.
      assertEquals(
          1,
          gateway.count(
              "SELECT count(*) FROM internal_messages WHERE room_id = $1 AND seq = $2"
                  + " AND client_msg_id = $3",
              direct,
              seq,
              clientMsgId));
      var event =
          listener
              .next("internal." + direct, b -> clientMsgId.equals(b.getString("clientMsgId")), 5000)
              .getJsonObject("body");
      assertEquals(seq, event.getInteger("seq"));
      assertEquals("hi Ben", event.getString("text"));
      assertEquals(aliceId, event.getJsonObject("from").getLong("id"));
      assertEquals("Alice Moreno", event.getJsonObject("from").getString("name"));
    }
  }

  @Test
  @DisplayName("a repeated clientMsgId answers the first reply, stores nothing and tells no one")
  void dedupe() {
    try (var listener = gateway.listen("internal." + direct, ben);
        var socket = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      var clientMsgId = "m-" + UUID.randomUUID();
      var first = socket.request("internal.send", message(direct, clientMsgId, "once"), alice);
      var again = socket.request("internal.send", message(direct, clientMsgId, "once"), alice);
      assertEquals("rec", again.getString("type"), again::encode);
      assertEquals(first.getJsonObject("body"), again.getJsonObject("body"));
      assertEquals(
          1,
          gateway.count(
              "SELECT count(*) FROM internal_messages WHERE room_id = $1 AND client_msg_id = $2",
              direct,
              clientMsgId));
      int seq = first.getJsonObject("body").getInteger("seq");
      assertEquals(
          seq,
          gateway
              .query("SELECT last_seq FROM internal_rooms WHERE id = $1", direct)
              .get(0)
              .getInteger(0));
      var after = "m-" + UUID.randomUUID();
      socket.request("internal.send", message(direct, after, "next"), alice);
      assertNotNull(
          listener.next(
              "internal." + direct, b -> clientMsgId.equals(b.getString("clientMsgId")), 5000));
      // Events of a room arrive in order: once the next message is here, a second copy would be
      // too.
      assertNotNull(
          listener.next("internal." + direct, b -> after.equals(b.getString("clientMsgId")), 5000));
      assertNull(
          listener.arrivedOn(
              "internal." + direct, b -> clientMsgId.equals(b.getString("clientMsgId"))),
          "the repeat was published once");
    }
  }

  @Test
  @DisplayName(
      "copies sent at once from two sockets store one message; others at once leave no gap")
  void concurrentSends() {
    long room = openRoom(alice, carolId);
    try (var one = BridgeClient.connect(gateway.vertx(), gateway.port());
        var two = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      var futures = new ArrayList<Future<JsonObject>>();
      for (int i = 0; i < 10; i++) {
        var copy = message(room, "c-" + i, "copy " + i);
        futures.add(one.send("internal.send", copy, alice));
        futures.add(two.send("internal.send", copy, alice));
      }
      TestGateway.await(Future.all(futures));
      for (int i = 0; i < futures.size(); i += 2) {
        var first = futures.get(i).result();
        var second = futures.get(i + 1).result();
        assertEquals("rec", first.getString("type"), first::encode);
        assertEquals(first.getJsonObject("body"), second.getJsonObject("body"));
      }
    }
    assertEquals(
        10, gateway.count("SELECT count(*) FROM internal_messages WHERE room_id = $1", room));
    assertEquals(
        10,
        gateway.count(
            "SELECT max(seq) FROM internal_messages WHERE room_id = $1 HAVING min(seq) = 1", room),
        "numbered 1 to 10, none skipped");
  }

  @Test
  @DisplayName("internal.send is refused to a non-member, another library, a patron, no token")
  void sendRefused() {
    // One identity per socket: each sender on a socket of its own.
    assertEquals("not_found", failure(sendAlone(message(direct), carol)));
    assertEquals("not_found", failure(sendAlone(message(staffRoom), rosa)));
    assertEquals("not_found", failure(sendAlone(message(999_999), alice)));
    assertRefused(sendAlone(message(staffRoom), patron));
    assertRefused(sendAlone(message(staffRoom), null));
    assertEquals(
        0,
        gateway.count("SELECT count(*) FROM internal_messages WHERE body = 'refused'"),
        "none of the refused messages was stored");
  }

  @Test
  @DisplayName("internal.send refuses bad input with its reason")
  void sendBadInput() {
    try (var socket = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      assertEquals(
          "invalid",
          failure(socket.request("internal.send", new JsonObject().put("text", "hi"), alice)));
      assertEquals(
          "invalid",
          failure(
              socket.request(
                  "internal.send",
                  new JsonObject()
                      .put("roomId", staffRoom)
                      .put("text", " ")
                      .put("clientMsgId", "a"),
                  alice)));
      assertEquals(
          "invalid",
          failure(
              socket.request(
                  "internal.send",
                  new JsonObject()
                      .put("roomId", staffRoom)
                      .put("text", "x".repeat(4001))
                      .put("clientMsgId", "a"),
                  alice)));
      assertEquals(
          "invalid",
          failure(
              socket.request(
                  "internal.send",
                  new JsonObject()
                      .put("roomId", staffRoom)
                      .put("text", "hi")
                      .put("clientMsgId", "no spaces"),
                  alice)));
    }
  }

  // ---- internal.<roomId>

  @Test
  @DisplayName("internal.<id>: members listen; a non-member, another library, a patron cannot")
  void register() {
    try (var client = gateway.listen("internal." + direct, alice)) {
      assertNotNull(client);
    }
    try (var client = gateway.listen("internal." + staffRoom, carol)) {
      assertNotNull(client);
    }
    refusedToRegister("internal." + direct, carol);
    refusedToRegister("internal." + staffRoom, rosa);
    refusedToRegister("internal." + staffRoom, patron);
    refusedToRegister("internal." + staffRoom, null);
    refusedToRegister("internal.999999", alice);
  }

  @Test
  @DisplayName("the staff room is heard by every operator of the library")
  void staffRoomHeardByAll() {
    try (var carolHears = gateway.listen("internal." + staffRoom, carol);
        var benHears = gateway.listen("internal." + staffRoom, ben);
        var socket = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      var clientMsgId = "s-" + UUID.randomUUID();
      var reply =
          socket.request("internal.send", message(staffRoom, clientMsgId, "desk is busy"), alice);
      assertEquals("rec", reply.getString("type"), reply::encode);
      for (var hears : List.of(carolHears, benHears)) {
        assertNotNull(
            hears.next(
                "internal." + staffRoom,
                b -> clientMsgId.equals(b.getString("clientMsgId")),
                5000));
      }
    }
  }

  // ---- GET /api/internal/rooms/{id}/events

  @Test
  @DisplayName("a member resumes after a gap, page by page, as the chat events route")
  void resumeAfterGap() {
    long room = openRoom(carol, benId);
    try (var socket = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      for (int i = 1; i <= 3; i++) {
        var reply = socket.request("internal.send", message(room, "r-" + i, "number " + i), carol);
        assertEquals(i, reply.getJsonObject("body").getInteger("seq"), reply::encode);
      }
    }
    var page = events(room, "after=1&limit=1", ben);
    assertEquals(1, page.getJsonArray("events").size());
    assertEquals(2, page.getJsonArray("events").getJsonObject(0).getInteger("seq"));
    assertEquals("number 2", page.getJsonArray("events").getJsonObject(0).getString("text"));
    assertTrue(page.getBoolean("more"));
    assertEquals(2, page.getInteger("lastSeq"));
    var rest = events(room, "after=" + page.getInteger("lastSeq"), ben);
    assertEquals(1, rest.getJsonArray("events").size());
    assertEquals(3, rest.getJsonArray("events").getJsonObject(0).getInteger("seq"));
    assertEquals(false, rest.getBoolean("more"));
    var nothing = events(room, "after=3", carol);
    assertEquals(0, nothing.getJsonArray("events").size());
    assertEquals(3, nothing.getInteger("lastSeq"));
  }

  @Test
  @DisplayName(
      "the events route refuses a non-member, another library, a patron, no token, bad input")
  void eventsRefused() {
    assertEquals(200, gateway.get("/api/internal/rooms/" + direct + "/events", alice).statusCode());
    assertEquals(404, gateway.get("/api/internal/rooms/" + direct + "/events", carol).statusCode());
    assertEquals(
        404, gateway.get("/api/internal/rooms/" + staffRoom + "/events", rosa).statusCode());
    assertEquals(404, gateway.get("/api/internal/rooms/abc/events", alice).statusCode());
    assertEquals(
        401, gateway.get("/api/internal/rooms/" + staffRoom + "/events", patron).statusCode());
    assertEquals(
        401, gateway.get("/api/internal/rooms/" + staffRoom + "/events", null).statusCode());
    assertEquals(
        400,
        gateway.get("/api/internal/rooms/" + staffRoom + "/events?after=-1", alice).statusCode());
    assertEquals(
        400,
        gateway.get("/api/internal/rooms/" + staffRoom + "/events?limit=0", alice).statusCode());
    assertEquals(
        400,
        gateway.get("/api/internal/rooms/" + staffRoom + "/events?limit=501", alice).statusCode());
  }

  // ---- POST /api/internal/rooms/{id}/read, and unread counts

  @Test
  @DisplayName("unread counts the others' messages after the read mark; reading clears them")
  void unreadCounts() {
    var riversideColleague = riversideColleague();
    long room = openRoom(rosa, riversideColleague.id());
    try (var socket = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      for (int i = 1; i <= 3; i++) {
        socket.request("internal.send", message(room, "u-" + i, "unread " + i), rosa);
      }
    }
    assertEquals(3, unreadIn(riversideColleague.token(), room));
    assertEquals(0, unreadIn(rosa, room), "one's own messages are never unread");
    var read =
        gateway.post(
            "/api/internal/rooms/" + room + "/read",
            new JsonObject().put("seq", 2),
            riversideColleague.token());
    assertEquals(200, read.statusCode(), read::bodyAsString);
    assertEquals(2, read.bodyAsJsonObject().getInteger("lastReadSeq"));
    assertEquals(1, unreadIn(riversideColleague.token(), room));
    // A mark never moves back (an older tab reporting late).
    var back =
        gateway.post(
            "/api/internal/rooms/" + room + "/read",
            new JsonObject().put("seq", 1),
            riversideColleague.token());
    assertEquals(2, back.bodyAsJsonObject().getInteger("lastReadSeq"));
    gateway.post(
        "/api/internal/rooms/" + room + "/read",
        new JsonObject().put("seq", 3),
        riversideColleague.token());
    assertEquals(0, unreadIn(riversideColleague.token(), room));
  }

  @Test
  @DisplayName(
      "marking read is refused to a non-member, another library, a patron, no token, bad input")
  void readRefused() {
    var path = "/api/internal/rooms/" + direct + "/read";
    assertEquals(200, gateway.post(path, new JsonObject().put("seq", 0), alice).statusCode());
    assertEquals(404, gateway.post(path, new JsonObject().put("seq", 0), carol).statusCode());
    assertEquals(404, gateway.post(path, new JsonObject().put("seq", 0), rosa).statusCode());
    assertEquals(401, gateway.post(path, new JsonObject().put("seq", 0), patron).statusCode());
    assertEquals(401, gateway.post(path, new JsonObject().put("seq", 0), null).statusCode());
    assertEquals(400, gateway.post(path, new JsonObject().put("seq", "1"), alice).statusCode());
    assertEquals(400, gateway.post(path, new JsonObject().put("seq", -1), alice).statusCode());
    assertEquals(400, gateway.post(path, new JsonObject().put("seq", 1.5), alice).statusCode());
    assertEquals(
        400, gateway.post(path, new JsonObject().put("seq", 1_000_000), alice).statusCode());
    assertEquals(
        0,
        gateway.count(
            "SELECT count(*) FROM internal_reads WHERE room_id = $1 AND operator_id = $2",
            direct,
            carolId));
  }

  // ---- helpers

  private record Colleague(long id, String token) {}

  /** A second operator of the other library, so its rooms' counts are this test's alone. */
  private static Colleague riversideColleague() {
    var hash =
        gateway
            .query("SELECT password_hash FROM operators WHERE id = $1", riverside.operatorId())
            .get(0)
            .getString(0);
    long id =
        gateway
            .query(
                """
                INSERT INTO operators (library_id, username, display_name, password_hash, role)
                VALUES ($1, 'sven', 'Sven Berg', $2, 'operator') RETURNING id""",
                riverside.libraryId(),
                hash)
            .get(0)
            .getLong(0);
    return new Colleague(id, gateway.login("sven", SecondLibrary.PASSWORD));
  }

  private static long operatorId(String username) {
    return gateway
        .query("SELECT id FROM operators WHERE username = $1", username)
        .get(0)
        .getLong(0);
  }

  private static JsonArray roomsOf(String token) {
    var response = gateway.get("/api/internal/rooms", token);
    assertEquals(200, response.statusCode(), response::bodyAsString);
    return response.bodyAsJsonObject().getJsonArray("rooms");
  }

  private static long openRoom(String token, long colleagueId) {
    var response =
        gateway.post("/api/internal/rooms", new JsonObject().put("operatorId", colleagueId), token);
    assertEquals(200, response.statusCode(), response::bodyAsString);
    return response.bodyAsJsonObject().getLong("id");
  }

  private static long unreadIn(String token, long room) {
    return roomsOf(token).stream()
        .map(JsonObject.class::cast)
        .filter(r -> r.getLong("id") == room)
        .findFirst()
        .orElseThrow()
        .getLong("unread");
  }

  private static JsonObject events(long room, String query, String token) {
    var response = gateway.get("/api/internal/rooms/" + room + "/events?" + query, token);
    assertEquals(200, response.statusCode(), response::bodyAsString);
    return response.bodyAsJsonObject();
  }

  // ---- GET /api/internal/search

  @Test
  @DisplayName(
      "search finds the words in the caller's rooms only: not a direct room they are not in, not another library's")
  void search() {
    var word = "quokka" + UUID.randomUUID().toString().replace("-", "");
    var staffWord = "wombat" + UUID.randomUUID().toString().replace("-", "");
    var sent =
        sendAlone(message(direct, "m-" + UUID.randomUUID(), "Is the " + word + " back?"), alice);
    assertEquals("rec", sent.getString("type"), sent::encode);
    sent = sendAlone(message(staffRoom, "m-" + UUID.randomUUID(), "Cake: " + staffWord), ben);
    assertEquals("rec", sent.getString("type"), sent::encode);

    var found = searchFor(word, alice);
    assertEquals(200, found.statusCode(), found::bodyAsString);
    var messages = found.bodyAsJsonObject().getJsonArray("messages");
    assertEquals(1, messages.size(), messages::encode);
    assertEquals(direct, messages.getJsonObject(0).getLong("roomId"));
    assertNotNull(messages.getJsonObject(0).getInteger("seq"));
    assertEquals("Alice Moreno", messages.getJsonObject(0).getJsonObject("from").getString("name"));
    assertEquals(
        1,
        searchFor(word.toUpperCase() + " is", alice)
            .bodyAsJsonObject()
            .getJsonArray("messages")
            .size(),
        "every word, in any case");
    assertEquals(1, searchFor(word, ben).bodyAsJsonObject().getJsonArray("messages").size());

    assertEquals(
        0,
        searchFor(word, carol).bodyAsJsonObject().getJsonArray("messages").size(),
        "not in that direct room");
    assertEquals(
        1,
        searchFor(staffWord, carol).bodyAsJsonObject().getJsonArray("messages").size(),
        "but in the staff room");
    var other = searchFor(staffWord, rosa);
    assertEquals(200, other.statusCode(), other::bodyAsString);
    assertEquals(
        0,
        other.bodyAsJsonObject().getJsonArray("messages").size(),
        "another library sees nothing");
    assertEquals(0, searchFor(word, rosa).bodyAsJsonObject().getJsonArray("messages").size());
  }

  @Test
  @DisplayName("search refuses a patron, no token, and an empty, blank, missing or too long q")
  void searchRefused() {
    assertEquals(401, searchFor("maps", patron).statusCode());
    assertEquals(401, searchFor("maps", null).statusCode());
    for (var q : List.of("", "%20%20%20", "x".repeat(201))) {
      var refused = gateway.get("/api/internal/search?q=" + q, alice);
      assertEquals(400, refused.statusCode(), refused::bodyAsString);
      assertEquals("invalid", refused.bodyAsJsonObject().getJsonObject("error").getString("code"));
    }
    var missing = gateway.get("/api/internal/search", alice);
    assertEquals(400, missing.statusCode(), missing::bodyAsString);
    assertEquals(200, searchFor("x".repeat(200), alice).statusCode(), "200 characters are allowed");
    var limits = gateway.get("/api/me", alice).bodyAsJsonObject().getJsonObject("limits");
    assertEquals(200, limits.getInteger("internalSearchChars"), limits::encode);
  }

  // ---- operator.<id>

  @Test
  @DisplayName(
      "the colleague is told on operator.<id> when a room with them is opened, and no one else")
  void openedRoomIsTold() {
    try (var benHears = gateway.listen("operator." + benId, ben);
        var carolHears = gateway.listen("operator." + carolId, carol)) {
      var opened =
          gateway.post("/api/internal/rooms", new JsonObject().put("operatorId", benId), alice);
      assertEquals(200, opened.statusCode(), opened::bodyAsString);
      var notice =
          benHears
              .next("operator." + benId, b -> "internal-room".equals(b.getString("type")), 5000)
              .getJsonObject("body");
      assertEquals(direct, notice.getLong("roomId"));
      assertNull(
          carolHears.nothingOn(
              "operator." + carolId, b -> "internal-room".equals(b.getString("type")), SILENCE_MS));
    }
  }

  private static HttpResponse<Buffer> searchFor(String q, String token) {
    return gateway.get(
        "/api/internal/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), token);
  }

  private static JsonObject message(long room) {
    return message(room, "m-" + UUID.randomUUID(), "refused");
  }

  private static JsonObject message(long room, String clientMsgId, String text) {
    return new JsonObject().put("roomId", room).put("text", text).put("clientMsgId", clientMsgId);
  }

  private static JsonObject sendAlone(JsonObject body, String token) {
    try (var socket = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      return socket.request("internal.send", body, token);
    }
  }

  /** The error code of a failed reply. */
  private static String failure(JsonObject reply) {
    assertEquals("err", reply.getString("type"), reply::encode);
    return reply.getString("message");
  }

  /** The bridge's own refusal: the guard let the frame no further. */
  private static void assertRefused(JsonObject reply) {
    assertEquals("err", reply.getString("type"), reply::encode);
    assertTrue(
        List.of("rejected", "access_denied").contains(reply.getString("body")), reply::encode);
  }

  private static void refusedToRegister(String address, String token) {
    try (var client = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      client.register(address, token);
      var error = client.nextError(5000);
      assertTrue(
          List.of("rejected", "access_denied").contains(error.getString("body")), error::encode);
      var event = new JsonObject().put("type", "message").put("mark", UUID.randomUUID().toString());
      gateway.refdesk().vertx().eventBus().publish(address, event);
      assertNull(
          client.nothingOn(
              address, b -> event.getString("mark").equals(b.getString("mark")), SILENCE_MS),
          "nothing arrives on a refused address");
    }
  }
}
