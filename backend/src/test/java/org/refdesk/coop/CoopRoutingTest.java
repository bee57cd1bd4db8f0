package org.refdesk.coop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.FastShift;
import org.refdesk.support.TestGateway;

@DisplayName("Routing a library's chats to its co-op")
class CoopRoutingTest {

  private static TestGateway gateway;
  private static CoopWorld world;
  private static BridgeClient staff;

  @BeforeAll
  static void start() {
    // The shift clock ticks every 200 ms, so the roll-up sweeps as often; the first minute is 5 s.
    gateway = FastShift.start(600, new JsonObject().put("firstMinuteSeconds", 5));
    world = CoopWorld.create(gateway);
    // Alice is online in the demo library, so a chat waits there first rather than going on at
    // once for want of anyone to answer it.
    staff = BridgeClient.connect(gateway.vertx(), gateway.port());
    staff.request(
        "presence.set", new JsonObject().put("status", "online"), gateway.librarianToken("alice"));
  }

  @AfterAll
  static void stop() {
    staff.close();
    gateway.close();
  }

  @Test
  @DisplayName(
      "a chat nobody claims rolls up to the co-op queue after its route's time, the patron reads why, Riverside's operator claims it and Hill County's cannot")
  void rollUp() {
    long night = world.queueOfDemo("night", "Night Desk");
    world.watch(
        world.gateway.query("SELECT id FROM operators WHERE username = 'alice'").get(0).getLong(0),
        night,
        world.demoLibraryId);
    world.route(night, new JsonArray().add(CoopWorld.step(world.coopQueueId, "unclaimed", 10)));
    long asked = System.currentTimeMillis();
    var chat = gateway.startChat("night", "Dana", "¿Tienen libros en español?");
    long chatId = chat.getLong("chatId");
    assertEquals(night, world.queueOf(chatId), "it waits where the patron asked first");
    try (var patron = gateway.listen("chat." + chatId, chat.getString("token"))) {
      var routed =
          patron
              .next("chat." + chatId, e -> "routed".equals(e.getString("type")), 30_000)
              .getJsonObject("body");
      assertTrue(
          System.currentTimeMillis() - asked >= 10_000, "not before the route's ten seconds");
      assertTrue(routed.getString("text").contains("co-operative"), routed::encode);
      assertEquals(world.coopQueueId, routed.getLong("toQueueId"));
    }
    assertEquals(world.coopQueueId, world.queueOf(chatId));
    var stored =
        gateway.query("SELECT coop_id, home_queue_id, library_id FROM chats WHERE id = $1", chatId);
    assertEquals(world.coopId, stored.get(0).getLong(0));
    assertEquals(night, stored.get(0).getLong(1));
    assertEquals(world.demoLibraryId, stored.get(0).getLong(2), "the chat stays its library's");

    var waiting = gateway.get("/api/queues/" + world.coopQueueId + "/waiting", world.token("rosa"));
    assertEquals(200, waiting.statusCode(), waiting::bodyAsString);
    var listed =
        waiting.bodyAsJsonObject().getJsonArray("chats").stream()
            .map(JsonObject.class::cast)
            .filter(c -> c.getLong("chatId") == chatId)
            .findFirst()
            .orElseThrow(() -> new AssertionError("not listed: " + waiting.bodyAsString()));
    assertEquals(world.demoLibraryId, listed.getLong("homeLibraryId"));
    assertEquals("Demo Library", listed.getString("homeLibraryName"));

    var hugo =
        gateway.post("/api/chats/" + chatId + "/claim", new JsonObject(), world.token("hugo"));
    assertEquals(404, hugo.statusCode(), hugo::bodyAsString);
    var rosa =
        gateway.post("/api/chats/" + chatId + "/claim", new JsonObject(), world.token("rosa"));
    assertEquals(200, rosa.statusCode(), rosa::bodyAsString);
    var claimed =
        gateway.query(
            "SELECT sender_name FROM chat_events WHERE chat_id = $1 AND type = 'claimed'", chatId);
    assertEquals(
        "Rosa Lind (Riverside Public Library, for the co-op)", claimed.get(0).getString(0));
    assertEquals(
        world.demoLibraryId,
        gateway
            .query("SELECT library_id FROM chat_participants WHERE chat_id = $1", chatId)
            .get(0)
            .getLong(0),
        "her participation is the chat's library's row");
  }

  @Test
  @DisplayName(
      "at night, with nobody online at home but a co-op librarian online where the route leads, the widget offers live chat and the chat waits where she can answer")
  void nobodyHomeButTheCoop() {
    long dark = world.queueOfDemo("dark-desk", "Dark Desk");
    world.route(dark, new JsonArray().add(CoopWorld.step(world.coopQueueId, "unclaimed", 60)));
    var before = gateway.get("/api/widget/queues/dark-desk", null).bodyAsJsonObject();
    assertEquals(false, before.getBoolean("online"), "nobody anywhere yet: " + before.encode());
    try (var rosa = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      rosa.request("presence.set", new JsonObject().put("status", "online"), world.token("rosa"));
      var described = gateway.get("/api/widget/queues/dark-desk", null).bodyAsJsonObject();
      assertEquals(true, described.getBoolean("online"), described::encode);
      assertEquals(
          "Dark Desk", described.getString("name"), "the queue asked, as the widget knows it");
      long chatId = gateway.startChat("dark-desk", "Nadia", "¿Hay alguien?").getLong("chatId");
      assertEquals(world.coopQueueId, world.queueOf(chatId));
      rosa.request("presence.set", new JsonObject().put("status", "offline"), world.token("rosa"));
    }
  }

  @Test
  @DisplayName("an 'always' route starts the chat in the co-op queue, and the patron reads why")
  void always() {
    long always = world.queueOfDemo("always-coop", "Always Co-op");
    world.route(always, new JsonArray().add(CoopWorld.step(world.coopQueueId, "always", null)));
    long chatId = gateway.startChat("always-coop", "Eve", "Hola").getLong("chatId");
    assertEquals(world.coopQueueId, world.queueOf(chatId));
    assertEquals(
        1,
        gateway.count(
            "SELECT count(*) FROM chat_events WHERE chat_id = $1 AND type = 'routed' AND body LIKE '%co-operative%'",
            chatId));
  }

  @Test
  @DisplayName(
      "an 'outside_hours' route sends a chat on when the queue is closed, and not while it is open")
  void outsideHours() {
    long closed = world.queueOfDemo("closed-today", "Closed Today");
    var today = LocalDate.now(ZoneOffset.UTC);
    var hours =
        new JsonObject()
            .put(
                "openingHours",
                new JsonObject()
                    .put(
                        "closed",
                        new JsonArray()
                            .add(today.minusDays(1).toString())
                            .add(today.toString())
                            .add(today.plusDays(1).toString())));
    gateway.query("UPDATE queues SET settings = $1 WHERE id = $2 RETURNING id", hours, closed);
    world.route(
        closed, new JsonArray().add(CoopWorld.step(world.coopQueueId, "outside_hours", null)));
    long chatId = gateway.startChat("closed-today", "Finn", "Anyone there?").getLong("chatId");
    assertEquals(world.coopQueueId, world.queueOf(chatId));

    long open = world.queueOfDemo("open-always", "Open All Day");
    var allDay = new JsonObject();
    for (var day : new String[] {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}) {
      allDay.put(day, new JsonArray().add(new JsonArray().add("00:00").add("23:59")));
    }
    gateway.query(
        "UPDATE queues SET settings = $1 WHERE id = $2 RETURNING id",
        new JsonObject().put("openingHours", allDay),
        open);
    world.route(
        open, new JsonArray().add(CoopWorld.step(world.coopQueueId, "outside_hours", null)));
    long stays = gateway.startChat("open-always", "Gus", "Open?").getLong("chatId");
    // 23:59 to midnight counts as outside: the one minute of the day this could not tell.
    long expected =
        java.time.LocalTime.now(ZoneOffset.UTC).isBefore(java.time.LocalTime.of(23, 59))
            ? open
            : world.coopQueueId;
    assertEquals(expected, world.queueOf(stays));
  }

  @Test
  @DisplayName(
      "a chain of two steps: the library's queue to the co-op, the co-op's to a wider co-op")
  void chain() {
    // A wider co-op hosted by Riverside, which the demo library joins too.
    var system = gateway.adminToken();
    var wide =
        gateway.post(
            "/api/admin/coops",
            new JsonObject()
                .put("name", "State Network")
                .put("hostLibraryId", world.riverside.libraryId()),
            system);
    assertEquals(201, wide.statusCode(), wide::bodyAsString);
    long wideId = wide.bodyAsJsonObject().getLong("id");
    assertEquals(
        200,
        gateway
            .post(
                "/api/admin/coops/" + wideId + "/members",
                new JsonObject().put("libraryId", world.demoLibraryId),
                system)
            .statusCode());
    var wideQueue =
        gateway.post(
            "/api/admin/coops/" + wideId + "/queues",
            new JsonObject().put("slug", "state-public").put("name", "State Public"),
            system);
    assertEquals(201, wideQueue.statusCode(), wideQueue::bodyAsString);
    long stateQueue = wideQueue.bodyAsJsonObject().getLong("id");

    long local = world.queueOfDemo("chain-start", "Chain Start");
    long coopStep = world.coopQueueId;
    world.route(local, new JsonArray().add(CoopWorld.step(coopStep, "always", null)));
    // The co-op's own cascade, kept by its coordinators (here the system admin).
    var coopRoute =
        world.putRoutes(
            coopStep, new JsonArray().add(CoopWorld.step(stateQueue, "always", null)), system);
    assertEquals(200, coopRoute.statusCode(), coopRoute::bodyAsString);
    try {
      long chatId = gateway.startChat("chain-start", "Hal", "Chained?").getLong("chatId");
      assertEquals(stateQueue, world.queueOf(chatId));
      assertEquals(
          wideId,
          gateway.query("SELECT coop_id FROM chats WHERE id = $1", chatId).get(0).getLong(0));
    } finally {
      world.putRoutes(coopStep, new JsonArray(), system);
    }
  }

  @Test
  @DisplayName(
      "a route to a queue the library may not use, or that leads back, is refused and nothing is stored")
  void refusedRoutes() {
    long mine = world.queueOfDemo("refusals", "Refusals");
    var system = gateway.adminToken();
    var other =
        world.putRoutes(
            mine, new JsonArray().add(CoopWorld.step(world.hillQueueId, "always", null)), system);
    assertEquals(404, other.statusCode(), other::bodyAsString);
    var tooSoon =
        world.putRoutes(
            mine, new JsonArray().add(CoopWorld.step(world.coopQueueId, "unclaimed", 5)), system);
    assertEquals(400, tooSoon.statusCode(), tooSoon::bodyAsString);
    assertTrue(tooSoon.bodyAsString().contains("first minute"), tooSoon::bodyAsString);
    var bad =
        world.putRoutes(
            mine,
            new JsonArray().add(CoopWorld.step(world.coopQueueId, "sometimes", null)),
            system);
    assertEquals(400, bad.statusCode(), bad::bodyAsString);
    long back = world.queueOfDemo("loop-back", "Loop Back");
    world.route(back, new JsonArray().add(CoopWorld.step(mine, "always", null)));
    var loop =
        world.putRoutes(mine, new JsonArray().add(CoopWorld.step(back, "always", null)), system);
    assertEquals(400, loop.statusCode(), loop::bodyAsString);
    assertEquals(0, gateway.count("SELECT count(*) FROM queue_routes WHERE queue_id = $1", mine));
  }
}
