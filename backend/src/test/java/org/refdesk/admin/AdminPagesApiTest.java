package org.refdesk.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.TestGateway;

@DisplayName(
    "Admin pages: libraries, queues, operators, who's online and sign-off, each for its own library and role")
class AdminPagesApiTest {

  private static final String PASSWORD = "a long walk in the stacks";

  private static TestGateway gateway;
  private static String system;
  private static String alice;
  private static long hillside;
  private static String hilda;

  @BeforeAll
  static void start() {
    // The shift clock ticks fast, so a scheduled sign-off is swept within a fraction of a second.
    gateway = TestGateway.start(Map.of("REFDESK_TIMER_TICK_MS", "200"));
    system = gateway.adminToken();
    alice = gateway.librarianToken("alice");
    var created =
        gateway.post(
            "/api/admin/libraries",
            new JsonObject()
                .put("name", "Hillside Library")
                .put("timezone", "Europe/Oslo")
                .put(
                    "admin",
                    new JsonObject()
                        .put("username", "hilda")
                        .put("displayName", "Hilda Berg")
                        .put("password", PASSWORD)),
            system);
    assertEquals(201, created.statusCode(), created::bodyAsString);
    hillside = created.bodyAsJsonObject().getLong("id");
    assertEquals("admin", created.bodyAsJsonObject().getJsonObject("admin").getString("role"));
    hilda = gateway.login("hilda", PASSWORD);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static String code(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getJsonObject("error").getString("code");
  }

  private static long newOperator(String username, List<String> queues) {
    var created =
        gateway.post(
            "/api/admin/operators",
            new JsonObject()
                .put("username", username)
                .put("displayName", "Test " + username)
                .put("password", PASSWORD)
                .put("role", "operator")
                .put("queues", new JsonArray(queues)),
            system);
    assertEquals(201, created.statusCode(), created::bodyAsString);
    return created.bodyAsJsonObject().getLong("id");
  }

  @Test
  @DisplayName(
      "a system admin creates and lists libraries; a library admin sees and renames only their own")
  void libraries() {
    long before = gateway.count("SELECT count(*) FROM libraries");
    var all =
        gateway.get("/api/admin/libraries", system).bodyAsJsonObject().getJsonArray("libraries");
    assertTrue(all.size() >= 2);
    var own =
        gateway.get("/api/admin/libraries", hilda).bodyAsJsonObject().getJsonArray("libraries");
    assertEquals(1, own.size());
    assertEquals("Europe/Oslo", own.getJsonObject(0).getString("timezone"));

    var body =
        new JsonObject()
            .put("name", "Lakeside")
            .put("timezone", "America/Chicago")
            .put(
                "admin",
                new JsonObject()
                    .put("username", "lara")
                    .put("displayName", "Lara Lake")
                    .put("password", PASSWORD));
    assertEquals(403, gateway.post("/api/admin/libraries", body, hilda).statusCode());
    assertEquals(403, gateway.post("/api/admin/libraries", body, alice).statusCode());
    assertEquals(403, gateway.get("/api/admin/libraries", alice).statusCode());
    var badZone =
        gateway.post("/api/admin/libraries", body.copy().put("timezone", "Mars/Base"), system);
    assertEquals(400, badZone.statusCode());
    assertEquals("invalid", code(badZone));
    var weak =
        gateway.post(
            "/api/admin/libraries",
            body.copy().put("admin", body.getJsonObject("admin").copy().put("password", "lara")),
            system);
    assertEquals(400, weak.statusCode());
    var taken =
        gateway.post(
            "/api/admin/libraries",
            body.copy().put("admin", body.getJsonObject("admin").copy().put("username", "alice")),
            system);
    assertEquals(409, taken.statusCode(), "a taken username leaves no library behind");
    assertEquals(before, gateway.count("SELECT count(*) FROM libraries"), "nothing was stored");

    var renamed =
        gateway.put(
            "/api/admin/libraries/" + hillside,
            new JsonObject().put("name", "Hillside Public Library"),
            hilda);
    assertEquals(200, renamed.statusCode(), renamed::bodyAsString);
    assertEquals("Hillside Public Library", renamed.bodyAsJsonObject().getString("name"));
    assertEquals(
        404,
        gateway
            .put(
                "/api/admin/libraries/" + gateway.demoLibraryId(),
                new JsonObject().put("name", "Mine"),
                hilda)
            .statusCode());
    assertEquals(
        400,
        gateway
            .put(
                "/api/admin/libraries/" + hillside,
                new JsonObject().put("timezone", "+02:00"),
                hilda)
            .statusCode());
  }

  @Test
  @DisplayName(
      "an admin creates a queue with hours, colour and pre-chat fields; the widget asks them and the gateway checks them")
  void queues() {
    var settings =
        new JsonObject()
            .put("launcherLabel", "Ask about maps")
            .put("color", "#7a2e8c")
            .put("greeting", "Hello from the map room.")
            .put("hours", "Weekdays 9 to 5.")
            .put(
                "openingHours",
                new JsonObject()
                    .put("mon", new JsonArray().add(new JsonArray().add("09:00").add("17:00")))
                    .put("closed", new JsonArray().add("2026-12-25")))
            .put(
                "prechatFields",
                new JsonArray()
                    .add(
                        new JsonObject()
                            .put("label", "Library card")
                            .put("required", true)
                            .put("maxChars", 14)));
    long before = gateway.count("SELECT count(*) FROM queues");
    var queue =
        new JsonObject().put("slug", "maps").put("name", "Map Room").put("settings", settings);
    assertEquals(403, gateway.post("/api/admin/queues", queue, alice).statusCode());
    for (var bad :
        List.of(
            queue.copy().put("slug", "Map Room"),
            queue.copy().put("settings", settings.copy().put("color", "purple")),
            queue.copy().put("settings", settings.copy().put("colour", "#7a2e8c")),
            queue
                .copy()
                .put(
                    "settings",
                    settings.copy().put("openingHours", new JsonObject().put("mon", "all day"))),
            queue
                .copy()
                .put(
                    "settings",
                    settings.copy().put("prechatFields", new JsonArray().add("card"))))) {
      var refused = gateway.post("/api/admin/queues", bad, system);
      assertEquals(400, refused.statusCode(), bad::encode);
      assertEquals("invalid", code(refused));
    }
    assertEquals(before, gateway.count("SELECT count(*) FROM queues"), "nothing was stored");

    var created = gateway.post("/api/admin/queues", queue, system);
    assertEquals(201, created.statusCode(), created::bodyAsString);
    long mapsId = created.bodyAsJsonObject().getLong("id");
    assertEquals(
        409, gateway.post("/api/admin/queues", queue, system).statusCode(), "slugs are unique");
    assertEquals(
        409,
        gateway
            .put("/api/admin/queues/" + mapsId, new JsonObject().put("slug", "ask"), system)
            .statusCode());

    var seen = gateway.get("/api/admin/queues", hilda).bodyAsJsonObject().getJsonArray("queues");
    assertTrue(seen.stream().noneMatch(q -> ((JsonObject) q).getString("slug").equals("maps")));
    assertEquals(
        404,
        gateway
            .put("/api/admin/queues/" + mapsId, new JsonObject().put("name", "Mine"), hilda)
            .statusCode());
    assertEquals(404, gateway.delete("/api/admin/queues/" + mapsId, hilda).statusCode());
    assertEquals(403, gateway.delete("/api/admin/queues/" + mapsId, alice).statusCode());

    var widget = gateway.get("/api/widget/queues/maps", null).bodyAsJsonObject();
    assertEquals(
        "Library card",
        widget
            .getJsonObject("settings")
            .getJsonArray("prechatFields")
            .getJsonObject(0)
            .getString("label"));

    long chats = gateway.count("SELECT count(*) FROM chats");
    var start =
        new JsonObject()
            .put("queue", "maps")
            .put("name", "Pia")
            .put("question", "Do you have old city maps?");
    var missing = gateway.post("/api/widget/chats", start, null);
    assertEquals(400, missing.statusCode());
    assertTrue(
        missing
            .bodyAsJsonObject()
            .getJsonObject("error")
            .getJsonObject("fields")
            .containsKey("fields.Library card"));
    var tooLong =
        gateway.post(
            "/api/widget/chats",
            start.copy().put("fields", new JsonObject().put("Library card", "1234567890123456")),
            null);
    assertEquals(400, tooLong.statusCode());
    assertEquals(chats, gateway.count("SELECT count(*) FROM chats"), "no chat was stored");
    var started =
        gateway.post(
            "/api/widget/chats",
            start.copy().put("fields", new JsonObject().put("Library card", "2901 77")),
            null);
    assertEquals(201, started.statusCode(), started::bodyAsString);
    long chatId = started.bodyAsJsonObject().getLong("chatId");
    var details = gateway.get("/api/chats/" + chatId, system).bodyAsJsonObject();
    assertEquals(
        new JsonArray().add(new JsonObject().put("label", "Library card").put("value", "2901 77")),
        details.getJsonObject("patron").getJsonArray("prechat"));

    var removed = gateway.delete("/api/admin/queues/" + mapsId, system);
    assertEquals(200, removed.statusCode(), removed::bodyAsString);
    assertTrue(removed.bodyAsJsonObject().getBoolean("archived"), "a queue with chats is archived");
    assertEquals(
        404, gateway.get("/api/widget/queues/maps", null).statusCode(), "and gone from the widget");
    assertEquals(
        200,
        gateway
            .post("/api/admin/queues/" + mapsId + "/restore", new JsonObject(), system)
            .statusCode());
    assertEquals(200, gateway.get("/api/widget/queues/maps", null).statusCode());

    var empty =
        gateway.post(
            "/api/admin/queues",
            new JsonObject().put("slug", "empty-one").put("name", "Empty"),
            system);
    var gone =
        gateway.delete("/api/admin/queues/" + empty.bodyAsJsonObject().getLong("id"), system);
    assertTrue(
        gone.bodyAsJsonObject().getBoolean("deleted"), "a queue with nothing in it is deleted");
    assertEquals(0, gateway.count("SELECT count(*) FROM queues WHERE slug = 'empty-one'"));
  }

  @Test
  @DisplayName(
      "editing an operator's queues changes what they may monitor on the bridge; others' admins and operators are refused")
  void operatorQueues() {
    long id = newOperator("quinn", List.of("ask"));
    var quinn = gateway.login("quinn", PASSWORD);
    long science = gateway.queueId("science");
    try (var client = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      client.register("queue." + science, quinn);
      assertTrue(
          List.of("rejected", "access_denied").contains(client.nextError(5000).getString("body")));
    }
    var body =
        new JsonObject()
            .put("queues", new JsonArray().add("science"))
            .put("displayName", "Quinn Ray");
    assertEquals(403, gateway.put("/api/admin/operators/" + id, body, alice).statusCode());
    assertEquals(404, gateway.put("/api/admin/operators/" + id, body, hilda).statusCode());
    assertEquals(
        400,
        gateway
            .put(
                "/api/admin/operators/" + id,
                new JsonObject().put("queues", new JsonArray().add("riverside-x")),
                system)
            .statusCode());
    assertEquals(
        400,
        gateway
            .put("/api/admin/operators/" + id, new JsonObject().put("maxChats", 0), system)
            .statusCode());
    assertEquals(
        400,
        gateway
            .put("/api/admin/operators/" + id, new JsonObject().put("maxChats", 21), system)
            .statusCode());
    assertEquals(
        1,
        gateway.count("SELECT count(*) FROM operator_queues WHERE operator_id = $1", id),
        "nothing changed");
    var hillsideAdminMakesSystem =
        gateway.put("/api/admin/operators/" + id, new JsonObject().put("role", "system"), hilda);
    assertEquals(403, hillsideAdminMakesSystem.statusCode(), "no library admin grants system");

    var edited = gateway.put("/api/admin/operators/" + id, body.copy().put("maxChats", 3), system);
    assertEquals(200, edited.statusCode(), edited::bodyAsString);
    assertEquals("Quinn Ray", edited.bodyAsJsonObject().getString("name"));
    assertEquals(3, edited.bodyAsJsonObject().getInteger("maxChats"));
    assertEquals(
        "science",
        edited.bodyAsJsonObject().getJsonArray("queues").getJsonObject(0).getString("slug"));

    try (var client = gateway.listen("queue." + science, quinn)) {
      assertFalse(client.isClosed(), "now they may monitor the science desk");
    }
    try (var client = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      client.register("queue." + gateway.queueId("ask"), quinn);
      assertTrue(
          List.of("rejected", "access_denied").contains(client.nextError(5000).getString("body")),
          "and no longer the queue taken away");
    }
    var listed =
        gateway.get("/api/admin/operators", system).bodyAsJsonObject().getJsonArray("operators");
    var row =
        listed.stream()
            .map(JsonObject.class::cast)
            .filter(o -> o.getLong("id") == id)
            .findFirst()
            .orElseThrow();
    assertEquals(3, row.getInteger("maxChats"));
  }

  @Test
  @DisplayName("a library admin may not make a system admin, nor change their own role")
  void roles() {
    long id = newOperator("hugo", List.of());
    var madeAdmin =
        gateway.put("/api/admin/operators/" + id, new JsonObject().put("role", "admin"), system);
    assertEquals(200, madeAdmin.statusCode(), madeAdmin::bodyAsString);
    var hugo = gateway.login("hugo", PASSWORD);
    assertEquals(
        403,
        gateway
            .put("/api/admin/operators/" + id, new JsonObject().put("role", "system"), hugo)
            .statusCode());
    var own =
        gateway.put("/api/admin/operators/" + id, new JsonObject().put("role", "operator"), hugo);
    assertEquals(409, own.statusCode());
    assertEquals("conflict", code(own));
  }

  @Test
  @DisplayName("a claim beyond the operator's capacity is refused with a clear 409")
  void capacity() {
    long id = newOperator("cara", List.of("ask"));
    assertEquals(
        200,
        gateway
            .put("/api/admin/operators/" + id, new JsonObject().put("maxChats", 1), system)
            .statusCode());
    var cara = gateway.login("cara", PASSWORD);
    var first = gateway.startChat("ask", "Ola", "Where are the atlases?");
    var second = gateway.startChat("ask", "Per", "Do you lend e-readers?");
    var won =
        gateway.post("/api/chats/" + first.getLong("chatId") + "/claim", new JsonObject(), cara);
    assertEquals(200, won.statusCode(), won::bodyAsString);
    var full =
        gateway.post("/api/chats/" + second.getLong("chatId") + "/claim", new JsonObject(), cara);
    assertEquals(409, full.statusCode());
    assertEquals("conflict", code(full));
    assertTrue(
        full.bodyAsJsonObject().getJsonObject("error").getString("message").contains("at once"));
    assertEquals(
        "waiting",
        gateway
            .query("SELECT state FROM chats WHERE id = $1", second.getLong("chatId"))
            .get(0)
            .getString(0),
        "the chat still waits for someone else");
    var ben = gateway.librarianToken("ben");
    assertEquals(
        200,
        gateway
            .post("/api/chats/" + second.getLong("chatId") + "/claim", new JsonObject(), ben)
            .statusCode());
  }

  @Test
  @DisplayName(
      "forced sign-out makes the operator's token 401 and closes their socket; they may sign in again")
  void forcedSignOut() {
    long id = newOperator("sven", List.of("ask"));
    var sven = gateway.login("sven", PASSWORD);
    assertEquals(
        403,
        gateway
            .post("/api/admin/operators/" + id + "/sign-off", new JsonObject(), alice)
            .statusCode());
    assertEquals(
        404,
        gateway
            .post("/api/admin/operators/" + id + "/sign-off", new JsonObject(), hilda)
            .statusCode());
    assertEquals(200, gateway.get("/api/me", sven).statusCode(), "refusals changed nothing");
    try (var client = gateway.listen("queue." + gateway.queueId("ask"), sven)) {
      var signedOff =
          gateway.post("/api/admin/operators/" + id + "/sign-off", new JsonObject(), system);
      assertEquals(200, signedOff.statusCode(), signedOff::bodyAsString);
      assertEquals(401, gateway.get("/api/me", sven).statusCode());
      assertTrue(client.awaitClosed(5000), "their socket is closed");
    }
    var again = gateway.login("sven", PASSWORD);
    assertEquals(200, gateway.get("/api/me", again).statusCode(), "a new sign-in works");
  }

  @Test
  @DisplayName("a disabled operator is enabled again and may sign in")
  void enable() {
    long id = newOperator("edda", List.of());
    assertEquals(
        200,
        gateway
            .post("/api/admin/operators/" + id + "/disable", new JsonObject(), system)
            .statusCode());
    assertEquals(
        403,
        gateway
            .post("/api/admin/operators/" + id + "/enable", new JsonObject(), alice)
            .statusCode());
    assertEquals(
        404,
        gateway
            .post("/api/admin/operators/" + id + "/enable", new JsonObject(), hilda)
            .statusCode());
    var enabled = gateway.post("/api/admin/operators/" + id + "/enable", new JsonObject(), system);
    assertEquals(200, enabled.statusCode(), enabled::bodyAsString);
    assertFalse(enabled.bodyAsJsonObject().getBoolean("disabled"));
    assertEquals(200, gateway.get("/api/me", gateway.login("edda", PASSWORD)).statusCode());
  }

  @Test
  @DisplayName("a scheduled sign-off fires: the operator's token is refused once the time has come")
  void scheduledSignOff() {
    long id = newOperator("tove", List.of("ask"));
    var tove = gateway.login("tove", PASSWORD);
    var past = new JsonObject().put("at", Instant.now().minusSeconds(60).toString());
    assertEquals(400, gateway.put("/api/me/sign-off-at", past, tove).statusCode());
    assertEquals(
        400,
        gateway
            .put("/api/me/sign-off-at", new JsonObject().put("at", "at ten"), tove)
            .statusCode());
    assertNull(
        gateway.query("SELECT sign_off_at FROM operators WHERE id = $1", id).get(0).getValue(0),
        "nothing was stored");
    var later = new JsonObject().put("at", Instant.now().plusSeconds(3600).toString());
    assertEquals(
        403, gateway.put("/api/admin/operators/" + id + "/sign-off-at", later, alice).statusCode());
    assertEquals(
        404, gateway.put("/api/admin/operators/" + id + "/sign-off-at", later, hilda).statusCode());
    assertEquals(
        200,
        gateway.put("/api/admin/operators/" + id + "/sign-off-at", later, system).statusCode());
    var listed =
        gateway.get("/api/admin/online", system).bodyAsJsonObject().getJsonArray("operators");
    assertTrue(
        listed.stream()
            .map(JsonObject.class::cast)
            .anyMatch(o -> o.getLong("id") == id && o.getString("signOffAt") != null));

    var soon = new JsonObject().put("at", Instant.now().plusMillis(1500).toString());
    assertEquals(200, gateway.put("/api/me/sign-off-at", soon, tove).statusCode());
    assertEquals(200, gateway.get("/api/me", tove).statusCode());
    gateway.eventually(
        "the sign-off swept", () -> gateway.get("/api/me", tove).statusCode() == 401, 15_000);
    assertNull(
        gateway.query("SELECT sign_off_at FROM operators WHERE id = $1", id).get(0).getValue(0));
  }

  @Test
  @DisplayName(
      "who's online shows each operator's status, chats in hand and last heartbeat, to the library's admin only")
  void whoIsOnline() {
    long id = newOperator("wren", List.of("ask"));
    var wren = gateway.login("wren", PASSWORD);
    try (var client = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      var set = client.request("presence.set", new JsonObject().put("status", "online"), wren);
      assertEquals("online", set.getJsonObject("body").getString("status"), set::encode);
      var chat = gateway.startChat("ask", "Ulla", "Can I renew by phone?");
      assertEquals(
          200,
          gateway
              .post("/api/chats/" + chat.getLong("chatId") + "/claim", new JsonObject(), wren)
              .statusCode());

      assertEquals(403, gateway.get("/api/admin/online", alice).statusCode());
      var online = gateway.get("/api/admin/online", system);
      assertEquals(200, online.statusCode(), online::bodyAsString);
      var row =
          online.bodyAsJsonObject().getJsonArray("operators").stream()
              .map(JsonObject.class::cast)
              .filter(o -> o.getLong("id") == id)
              .findFirst()
              .orElseThrow();
      assertEquals("online", row.getString("status"));
      assertEquals(1, row.getLong("chats"));
      assertTrue(row.getBoolean("signedIn"));
      assertTrue(
          Instant.parse(row.getString("lastHeartbeat")).isAfter(Instant.now().minusSeconds(60)));

      var theirs =
          gateway.get("/api/admin/online", hilda).bodyAsJsonObject().getJsonArray("operators");
      assertTrue(theirs.stream().map(JsonObject.class::cast).noneMatch(o -> o.getLong("id") == id));
    }
  }
}
