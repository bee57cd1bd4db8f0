package org.refdesk.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.TestGateway;

@DisplayName("Canned messages, tags, settings and patron history: who may do what")
class WorkflowApiTest {

  private static TestGateway gateway;
  private static String admin;
  private static String ben;
  private static String alice;
  private static String stranger;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    admin = gateway.adminToken();
    ben = gateway.librarianToken("ben");
    alice = gateway.librarianToken("alice");
    var other =
        gateway
            .query("INSERT INTO libraries (name) VALUES ('Elsewhere') RETURNING id")
            .get(0)
            .getLong(0);
    var hash =
        gateway
            .query("SELECT password_hash FROM operators WHERE username = 'ben'")
            .get(0)
            .getString(0);
    gateway.query(
        "INSERT INTO operators (library_id, username, display_name, password_hash, role) "
            + "VALUES ($1, 'stranger', 'Stranger', $2, 'admin') RETURNING id",
        other,
        hash);
    stranger = gateway.login("stranger", gateway.librarianPassword("ben"));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static HttpResponse<Buffer> send(
      String method, String path, JsonObject body, String token) {
    var request =
        gateway.client().request(HttpMethod.valueOf(method), path).bearerTokenAuthentication(token);
    return TestGateway.await(body == null ? request.send() : request.sendJsonObject(body));
  }

  private static String code(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getJsonObject("error").getString("code");
  }

  private static JsonObject canned(String shortcut) {
    return new JsonObject()
        .put("title", "Catalogue tip")
        .put("body", "Try the advanced search, {patron.name}.")
        .put("shortcut", shortcut);
  }

  @Test
  @DisplayName("a new library starts with the five canned messages the guides recommend")
  void starters() {
    var list = gateway.get("/api/canned", ben).bodyAsJsonObject().getJsonArray("canned");
    var shortcuts = list.stream().map(c -> ((JsonObject) c).getString("shortcut")).toList();
    assertTrue(
        shortcuts.containsAll(List.of("hi", "moment", "looking", "email", "bye")),
        shortcuts::toString);
    var greeting =
        list.stream()
            .map(c -> (JsonObject) c)
            .filter(c -> c.getString("shortcut").equals("hi"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        greeting.getString("body").contains("{patron.name}")
            && greeting.getString("body").contains("{operator.name}"));
    assertEquals("library", greeting.getString("scope"));
  }

  @Test
  @DisplayName(
      "operators keep personal canned messages no colleague can see or change; only admins change the library's")
  void cannedPermissions() {
    var mine = send("POST", "/api/canned", canned("tip"), ben);
    assertEquals(201, mine.statusCode(), mine::bodyAsString);
    long id = mine.bodyAsJsonObject().getLong("id");
    assertEquals("personal", mine.bodyAsJsonObject().getString("scope"));
    assertEquals("conflict", code(send("POST", "/api/canned", canned("tip"), ben)));
    assertEquals(
        201,
        send("POST", "/api/canned", canned("tip"), alice).statusCode(),
        "the same shortcut in another's set");

    var aliceSees =
        gateway.get("/api/canned", alice).bodyAsJsonObject().getJsonArray("canned").stream()
            .map(c -> ((JsonObject) c).getLong("id"))
            .toList();
    assertTrue(!aliceSees.contains(id), "a personal message stays personal");
    assertEquals(404, send("PUT", "/api/canned/" + id, canned("tip"), alice).statusCode());
    assertEquals(404, send("DELETE", "/api/canned/" + id, null, alice).statusCode());
    assertEquals(404, send("DELETE", "/api/canned/" + id, null, stranger).statusCode());
    assertEquals(200, send("PUT", "/api/canned/" + id, canned("tip2"), ben).statusCode());

    var library = send("POST", "/api/canned", canned("hours").put("scope", "library"), ben);
    assertEquals(403, library.statusCode());
    assertEquals(
        201,
        send("POST", "/api/canned", canned("hours").put("scope", "library"), admin).statusCode());
    long greeting =
        gateway
            .query("SELECT id FROM canned_messages WHERE shortcut = 'hi' AND owner_id IS NULL")
            .get(0)
            .getLong(0);
    assertEquals(403, send("PUT", "/api/canned/" + greeting, canned("hi"), ben).statusCode());
    assertEquals(204, send("DELETE", "/api/canned/" + id, null, ben).statusCode());

    for (var bad :
        List.of(
            canned("Has Space"),
            canned("x").put("title", ""),
            canned("y").put("body", "z".repeat(4001)),
            canned("ok").put("scope", "everyone"))) {
      assertEquals(400, send("POST", "/api/canned", bad, ben).statusCode(), bad::encode);
    }
  }

  @Test
  @DisplayName(
      "admins keep the tag list; operators tag chats with it; a library can require a tag before a chat is closed")
  void tags() {
    var created = send("POST", "/api/tags", new JsonObject().put("name", "Genealogy"), admin);
    assertEquals(201, created.statusCode(), created::bodyAsString);
    long genealogy = created.bodyAsJsonObject().getLong("id");
    assertEquals(
        "conflict",
        code(send("POST", "/api/tags", new JsonObject().put("name", "genealogy"), admin)));
    assertEquals(
        403, send("POST", "/api/tags", new JsonObject().put("name", "Mine"), ben).statusCode());
    long foreignTag =
        send("POST", "/api/tags", new JsonObject().put("name", "Theirs"), stranger)
            .bodyAsJsonObject()
            .getLong("id");

    assertEquals(
        200,
        send("PUT", "/api/admin/library/settings", new JsonObject().put("requireTag", true), admin)
            .statusCode());
    try {
      tagBeforeEnd(genealogy, foreignTag);
    } finally {
      // Other tests end chats untagged: the library gets back the setting it had.
      send("PUT", "/api/admin/library/settings", new JsonObject().put("requireTag", false), admin);
    }
  }

  private static void tagBeforeEnd(long genealogy, long foreignTag) {
    var chat = gateway.startChat("ask", "Jo", "Family records from 1880?");
    long chatId = chat.getLong("chatId");
    assertEquals(200, send("POST", "/api/chats/" + chatId + "/claim", null, ben).statusCode());

    var untagged = send("POST", "/api/chats/" + chatId + "/end", null, ben);
    assertEquals(409, untagged.statusCode());
    assertEquals("tag_required", code(untagged));

    assertEquals(
        404,
        send(
                "POST",
                "/api/chats/" + chatId + "/tags",
                new JsonObject().put("tagId", foreignTag),
                ben)
            .statusCode(),
        "another library's tag");
    assertEquals(
        404,
        send(
                "POST",
                "/api/chats/" + chatId + "/tags",
                new JsonObject().put("tagId", genealogy),
                stranger)
            .statusCode(),
        "another library's operator");
    assertEquals(
        400,
        send("POST", "/api/chats/" + chatId + "/tags", new JsonObject().put("tagId", "x"), ben)
            .statusCode());
    var tagged =
        send(
            "POST",
            "/api/chats/" + chatId + "/tags",
            new JsonObject().put("tagId", genealogy),
            ben);
    assertEquals(
        "Genealogy",
        tagged.bodyAsJsonObject().getJsonArray("tags").getJsonObject(0).getString("name"));
    assertEquals(200, send("POST", "/api/chats/" + chatId + "/end", null, ben).statusCode());
    assertEquals(1, gateway.count("SELECT count(*) FROM chat_tags WHERE chat_id = $1", chatId));

    assertEquals(403, send("DELETE", "/api/tags/" + genealogy, null, ben).statusCode());
    assertEquals(404, send("DELETE", "/api/tags/" + genealogy, null, stranger).statusCode());
  }

  @Test
  @DisplayName(
      "library thresholds have defaults, admins change them within limits, operators only read them")
  void librarySettings() {
    var defaults = gateway.get("/api/library/settings", ben).bodyAsJsonObject();
    assertEquals(60, defaults.getInteger("firstMinuteSeconds"));
    assertEquals(600, defaults.getInteger("idleWarnSeconds"));
    assertEquals(
        403,
        send(
                "PUT",
                "/api/admin/library/settings",
                new JsonObject().put("firstMinuteSeconds", 90),
                ben)
            .statusCode());
    for (var bad :
        List.of(
            new JsonObject().put("firstMinuteSeconds", 1),
            new JsonObject().put("noSuchThing", 5),
            new JsonObject().put("requireTag", "yes"),
            new JsonObject().put("idleWarnSeconds", 2.5))) {
      assertEquals(
          400, send("PUT", "/api/admin/library/settings", bad, admin).statusCode(), bad::encode);
    }
    try {
      var changed =
          send(
                  "PUT",
                  "/api/admin/library/settings",
                  new JsonObject().put("firstMinuteSeconds", 90),
                  admin)
              .bodyAsJsonObject();
      assertEquals(90, changed.getInteger("firstMinuteSeconds"));
      assertEquals(120, changed.getInteger("waitUpdateSeconds"), "the others keep their values");
      assertEquals(
          60,
          gateway
              .get("/api/library/settings", stranger)
              .bodyAsJsonObject()
              .getInteger("firstMinuteSeconds"),
          "another library is not touched");
    } finally {
      // The defaults read above are what the next run of this test, in any order, reads too.
      send(
          "PUT",
          "/api/admin/library/settings",
          new JsonObject().put("firstMinuteSeconds", 60),
          admin);
    }
  }

  @Test
  @DisplayName("an operator's queue choice and alert settings are kept on the server and checked")
  void operatorSettings() {
    var fresh = gateway.get("/api/me/settings", ben).bodyAsJsonObject();
    assertNull(fresh.getValue("monitoredQueues"), "all queues until chosen");
    long science = gateway.queueId("science");
    var alerts =
        new JsonObject()
            .put("sound", false)
            .put("soundName", "bell")
            .put("volume", 0.4)
            .put("desktop", true);
    var saved =
        send(
            "PUT",
            "/api/me/settings",
            new JsonObject()
                .put("monitoredQueues", new JsonArray().add(science))
                .put("alerts", alerts),
            ben);
    assertEquals(200, saved.statusCode(), saved::bodyAsString);
    var reread = gateway.get("/api/me/settings", ben).bodyAsJsonObject();
    assertEquals(new JsonArray().add(science), reread.getJsonArray("monitoredQueues"));
    assertEquals(alerts, reread.getJsonObject("alerts"));
    assertEquals(
        400,
        send(
                "PUT",
                "/api/me/settings",
                new JsonObject().put("monitoredQueues", new JsonArray().add(science)),
                alice)
            .statusCode(),
        "alice may not monitor the science desk");
    assertEquals(
        400,
        send(
                "PUT",
                "/api/me/settings",
                new JsonObject().put("alerts", new JsonObject().put("volume", 3)),
                ben)
            .statusCode());
    assertEquals(
        400,
        send(
                "PUT",
                "/api/me/settings",
                new JsonObject().put("alerts", new JsonObject().put("siren", true)),
                ben)
            .statusCode());
  }

  @Test
  @DisplayName(
      "a returning patron's earlier chats are found by e-mail; an e-mail typed in the chat can be recorded")
  void patronHistory() {
    var first =
        gateway
            .post(
                "/api/widget/chats",
                new JsonObject()
                    .put("queue", "ask")
                    .put("name", "Ana")
                    .put("email", "ana@example.org")
                    .put("question", "Local newspapers from 1950?"),
                null)
            .bodyAsJsonObject();
    var second =
        gateway
            .post(
                "/api/widget/chats",
                new JsonObject()
                    .put("queue", "ask")
                    .put("name", "Ana")
                    .put("email", "ANA@example.org")
                    .put("question", "Microfilm hours?"),
                null)
            .bodyAsJsonObject();
    var history =
        gateway
            .get("/api/chats/" + second.getLong("chatId") + "/history", ben)
            .bodyAsJsonObject()
            .getJsonArray("chats");
    assertEquals(1, history.size());
    assertEquals(first.getLong("chatId"), history.getJsonObject(0).getLong("chatId"));
    assertEquals("Local newspapers from 1950?", history.getJsonObject(0).getString("question"));
    assertEquals(
        404,
        gateway.get("/api/chats/" + second.getLong("chatId") + "/history", stranger).statusCode());

    var anonymous = gateway.startChat("ask", "Guest", "No e-mail given");
    long chatId = anonymous.getLong("chatId");
    assertEquals(
        0,
        gateway
            .get("/api/chats/" + chatId + "/history", ben)
            .bodyAsJsonObject()
            .getJsonArray("chats")
            .size());
    assertEquals(
        400,
        send("POST", "/api/chats/" + chatId + "/email", new JsonObject().put("email", "nope"), ben)
            .statusCode());
    var recorded =
        send(
            "POST",
            "/api/chats/" + chatId + "/email",
            new JsonObject().put("email", "ana@example.org"),
            ben);
    assertEquals(
        "ana@example.org", recorded.bodyAsJsonObject().getJsonObject("patron").getString("email"));
    assertEquals(
        2,
        gateway
            .get("/api/chats/" + chatId + "/history", ben)
            .bodyAsJsonObject()
            .getJsonArray("chats")
            .size());
  }
}
