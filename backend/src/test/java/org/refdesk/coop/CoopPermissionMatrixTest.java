package org.refdesk.coop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.TestGateway;

/**
 * The demo library (A) and Riverside (B) are in the co-op; Hill County (C) is not. For every route
 * a chat has and its bridge addresses: A's operator may, B's only while the chat is a co-op chat,
 * C's never (404, as if missing; the bridge refuses). Then the co-op's own endpoints, by role.
 */
@DisplayName("Who may see and act on a co-op chat, and who may run a co-op")
class CoopPermissionMatrixTest {

  private static TestGateway gateway;
  private static CoopWorld world;
  private static long coopChat;
  private static long localChat;
  private static String alice;
  private static String rosa;
  private static String hugo;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    world = CoopWorld.create(gateway);
    long matrix = world.queueOfDemo("matrix", "Matrix Desk");
    world.route(matrix, new JsonArray().add(CoopWorld.step(world.coopQueueId, "always", null)));
    coopChat = startWithEmail("matrix", "Ines", "¿Dónde está el catálogo?");
    localChat = startWithEmail("ask", "Lou", "Where are the maps?");
    alice = world.token("alice");
    rosa = world.token("rosa");
    hugo = world.token("hugo");
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static long startWithEmail(String queue, String name, String question) {
    var response =
        gateway.post(
            "/api/widget/chats",
            new JsonObject()
                .put("queue", queue)
                .put("name", name)
                .put("question", question)
                .put("email", name.toLowerCase() + "@patrons.example"),
            null);
    assertEquals(201, response.statusCode(), response::bodyAsString);
    return response.bodyAsJsonObject().getLong("chatId");
  }

  private static int get(String path, String token) {
    return gateway.get(path, token).statusCode();
  }

  private static int post(String path, JsonObject body, String token) {
    return gateway.post(path, body, token).statusCode();
  }

  private static final List<String> READS = List.of("/events?after=0", "", "/history", "/tags");

  @Test
  @DisplayName(
      "reading a chat: its library's operator and a co-op member's may read a co-op chat, another library's hears 404")
  void reads() {
    for (var read : READS) {
      var path = "/api/chats/" + coopChat + read;
      assertEquals(200, get(path, alice), "A's operator: " + path);
      assertEquals(200, get(path, rosa), "B's operator, co-op chat: " + path);
      assertEquals(404, get(path, hugo), "C's operator: " + path);
      var local = "/api/chats/" + localChat + read;
      assertEquals(200, get(local, alice), "A's operator, local chat: " + local);
      assertEquals(404, get(local, rosa), "B's operator, A's local chat: " + local);
    }
    var details = gateway.get("/api/chats/" + coopChat, rosa).bodyAsJsonObject();
    assertEquals(world.demoLibraryId, details.getLong("homeLibraryId"));
    assertEquals("Demo Library", details.getString("homeLibraryName"));
  }

  @Test
  @DisplayName(
      "acting on a chat: another library's operator is refused every action and nothing changes; a co-op member's claims, tags, makes the ticket (which lands in A's tickets) and ends it")
  void actions() {
    long tagId =
        gateway
            .query(
                "INSERT INTO tags (library_id, name) VALUES ($1, 'Spanish') RETURNING id",
                world.demoLibraryId)
            .get(0)
            .getLong(0);
    var transfer =
        new JsonObject()
            .put("toQueueId", world.hillQueueId)
            .put("card", new JsonObject().put("needs", "A Spanish speaker"));
    for (long chat : new long[] {coopChat}) {
      assertEquals(404, post("/api/chats/" + chat + "/claim", new JsonObject(), hugo), "C claims");
      assertEquals(404, post("/api/chats/" + chat + "/end", new JsonObject(), hugo), "C ends");
      assertEquals(
          404, post("/api/chats/" + chat + "/tags", new JsonObject().put("tagId", tagId), hugo));
      assertEquals(404, post("/api/chats/" + chat + "/ticket", new JsonObject(), hugo), "C ticket");
      assertEquals(404, post("/api/chats/" + chat + "/transfer", transfer, hugo), "C transfers");
    }
    assertEquals(404, post("/api/chats/" + localChat + "/claim", new JsonObject(), rosa));
    assertEquals(404, post("/api/chats/" + localChat + "/end", new JsonObject(), rosa));
    assertEquals(404, post("/api/chats/" + localChat + "/ticket", new JsonObject(), rosa));
    assertEquals(
        404,
        post(
            "/api/chats/" + localChat + "/transfer",
            transfer.copy().put("toQueueId", world.riverside.queueId()),
            rosa));
    assertEquals(
        "waiting",
        gateway.query("SELECT state FROM chats WHERE id = $1", coopChat).get(0).getString(0));

    assertEquals(200, post("/api/chats/" + coopChat + "/claim", new JsonObject(), rosa));
    // The tags the co-op librarian is offered are the home library's, not her own library's.
    var offered = gateway.get("/api/chats/" + coopChat + "/tags", rosa).bodyAsJsonObject();
    var homeTags =
        gateway.query("SELECT name FROM tags WHERE library_id = $1", world.demoLibraryId).stream()
            .map(row -> row.getString(0))
            .sorted()
            .toList();
    assertTrue(homeTags.contains("Spanish"), homeTags::toString);
    assertEquals(
        homeTags,
        offered.getJsonArray("choices").stream()
            .map(tag -> ((JsonObject) tag).getString("name"))
            .sorted()
            .toList(),
        offered::encode);
    assertEquals(
        200, post("/api/chats/" + coopChat + "/tags", new JsonObject().put("tagId", tagId), rosa));
    var ticket = gateway.post("/api/chats/" + coopChat + "/ticket", new JsonObject(), rosa);
    assertEquals(201, ticket.statusCode(), ticket::bodyAsString);
    assertTrue(ticket.bodyAsJsonObject().getBoolean("inHomeLibrary"), ticket::bodyAsString);
    var stored =
        gateway.query("SELECT library_id, queue_id FROM tickets WHERE chat_id = $1", coopChat);
    assertEquals(world.demoLibraryId, stored.get(0).getLong(0), "the ticket is A's");
    assertEquals(world.gateway.queueId("matrix"), stored.get(0).getLong(1), "in the queue asked");
    assertFalse(
        gateway.get("/api/tickets", rosa).bodyAsString().contains("\"chatId\":" + coopChat),
        "B's operators do not see A's tickets");
    long ticketId = ticket.bodyAsJsonObject().getLong("id");
    assertEquals(200, get("/api/tickets/" + ticketId, world.token("admin")), "A's tickets have it");
    assertEquals(404, get("/api/tickets/" + ticketId, rosa));
    assertEquals(200, post("/api/chats/" + coopChat + "/end", new JsonObject(), rosa));

    // Her statistics entry for it is the demo library's, counted in the queue the patron asked.
    var values = new JsonObject().put("questionType", "Research").put("notes", "Spanish novels");
    assertEquals(
        404,
        post(
            "/api/chats/" + coopChat + "/analytics", new JsonObject().put("values", values), hugo));
    var recorded =
        gateway.post(
            "/api/chats/" + coopChat + "/analytics", new JsonObject().put("values", values), rosa);
    assertEquals(201, recorded.statusCode(), recorded::bodyAsString);
    var entry =
        gateway.query(
            "SELECT library_id, queue_id FROM statistics_entries WHERE chat_id = $1", coopChat);
    assertEquals(world.demoLibraryId, entry.get(0).getLong(0));
    assertEquals(world.gateway.queueId("matrix"), entry.get(0).getLong(1));
  }

  @Test
  @DisplayName(
      "the bridge: chat.<id> of a co-op chat to A's and B's operators, not C's; A's local chat not to B's; queue.<coop queue> to B's operator who works it only")
  void bridge() {
    long chat = startWithEmail("matrix", "Jo", "¿Horario?");
    try (var a = gateway.listen("chat." + chat, alice);
        var b = gateway.listen("chat." + chat, rosa);
        var q = gateway.listen("queue." + world.coopQueueId, rosa)) {
      assertFalse(a.isClosed() || b.isClosed() || q.isClosed());
    }
    refused("chat." + chat, hugo);
    refused("chat." + localChat, rosa);
    refused("queue." + world.coopQueueId, hugo);
    refused("queue." + world.coopQueueId, world.token("cora"));
  }

  @Test
  @DisplayName(
      "a co-op queue is its coordinators': the host library's admin neither lists it among the library's queues nor edits, archives or deletes it there")
  void coopQueueIsNotTheHostLibrarys() {
    var admin = gateway.adminToken();
    var listed = gateway.get("/api/admin/queues", admin).bodyAsJsonObject().getJsonArray("queues");
    assertFalse(
        listed.stream().anyMatch(q -> ((JsonObject) q).getLong("id") == world.coopQueueId),
        listed::encode);
    var path = "/api/admin/queues/" + world.coopQueueId;
    assertEquals(
        404, gateway.put(path, new JsonObject().put("name", "Taken over"), admin).statusCode());
    assertEquals(404, gateway.delete(path, admin).statusCode());
    assertEquals(404, post(path + "/restore", new JsonObject(), admin));
    assertEquals(
        1,
        gateway.count(
            "SELECT count(*) FROM queues WHERE id = $1 AND archived_at IS NULL AND name <> 'Taken over'",
            world.coopQueueId));
    assertTrue(
        gateway.count("SELECT count(*) FROM operator_queues WHERE queue_id = $1", world.coopQueueId)
            > 0,
        "the co-op queue's librarians still work it");
  }

  private static void refused(String address, String token) {
    try (var client = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      client.register(address, token);
      var error = client.nextError(5000);
      assertTrue(
          List.of("rejected", "access_denied").contains(error.getString("body")), error::encode);
    }
  }

  @Test
  @DisplayName(
      "running co-ops: the system admin makes co-ops and members; a member's coordinator its queues and report; a library admin their queues' routes and their operators' co-op queues; others are refused")
  void coopAdmin() {
    String system = world.token("admin");
    String rhea = world.token("rhea");
    String cora = world.token("cora");
    String hank = world.token("hank");
    world.person(world.hillLibraryId, "hilda", "Hilda Hill", "coordinator");
    String hilda = world.token("hilda");
    var coop =
        new JsonObject().put("name", "Another Co-op").put("hostLibraryId", world.hillLibraryId);
    for (var token : List.of(rosa, rhea, cora)) {
      assertEquals(403, post("/api/admin/coops", coop, token));
    }
    assertEquals(400, post("/api/admin/coops", new JsonObject().put("name", ""), system));
    assertEquals(201, post("/api/admin/coops", coop, system));
    assertEquals(409, post("/api/admin/coops", coop, system), "a name once");
    var member = new JsonObject().put("libraryId", world.hillLibraryId);
    assertEquals(403, post("/api/admin/coops/" + world.coopId + "/members", member, rhea));
    assertEquals(
        404,
        post(
            "/api/admin/coops/" + world.coopId + "/members",
            new JsonObject().put("libraryId", 999_999),
            system));

    var queue = new JsonObject().put("slug", "valley-public").put("name", "Valley Public");
    var path = "/api/admin/coops/" + world.coopId + "/queues";
    assertEquals(403, post(path, queue, rosa), "an operator");
    assertEquals(403, post(path, queue, rhea), "a library admin");
    assertEquals(404, post(path, queue, hilda), "a coordinator of a library outside the co-op");
    assertEquals(
        400, post(path, queue.copy().put("language", "fr"), cora), "a language it has not");
    assertEquals(201, post(path, queue, cora), "a coordinator of a member library");
    assertEquals(200, get(path, cora));
    assertEquals(404, get(path, hilda));
    assertEquals(0, gateway.count("SELECT count(*) FROM queues WHERE slug = 'valley-fr'"));

    var steps = new JsonArray().add(CoopWorld.step(world.coopQueueId, "unclaimed", 120));
    assertEquals(200, world.putRoutes(world.riverside.queueId(), steps, rhea).statusCode());
    assertEquals(403, world.putRoutes(world.riverside.queueId(), steps, rosa).statusCode());
    assertEquals(403, world.putRoutes(world.riverside.queueId(), steps, cora).statusCode());
    assertEquals(404, world.putRoutes(world.riverside.queueId(), steps, hank).statusCode());
    assertEquals(
        404,
        world.putRoutes(world.hillQueueId, steps, hank).statusCode(),
        "C's queue to a co-op it is not in");
    assertEquals(200, get("/api/admin/queues/" + world.riverside.queueId() + "/routes", rhea));
    assertEquals(404, get("/api/admin/queues/" + world.riverside.queueId() + "/routes", hank));

    long hugoId =
        gateway.query("SELECT id FROM operators WHERE username = 'hugo'").get(0).getLong(0);
    assertEquals(404, world.assign(world.coopQueueId, hugoId, hank).statusCode(), "C is no member");
    assertEquals(
        404, world.assign(world.coopQueueId, hugoId, rhea).statusCode(), "not B's operator");
    assertEquals(
        403, world.assign(world.coopQueueId, world.riverside.operatorId(), rosa).statusCode());
    assertEquals(200, get("/api/admin/coop-queues", rhea));
    assertEquals(403, get("/api/admin/coop-queues", rosa));

    var today = LocalDate.now();
    var report =
        "/api/coops/"
            + world.coopId
            + "/report?from="
            + today.minusDays(1)
            + "&to="
            + today.plusDays(1);
    var read = gateway.get(report, cora);
    assertEquals(200, read.statusCode(), read::bodyAsString);
    assertTrue(read.bodyAsJsonObject().getLong("routed") >= 1, read::bodyAsString);
    assertEquals(200, get(report, system));
    assertEquals(403, get(report, rhea));
    assertEquals(404, get(report, hilda));
    assertEquals(
        400, get("/api/coops/" + world.coopId + "/report?from=2026-13-01&to=2026-12-01", cora));

    assertEquals(
        403,
        world
            .delete(
                "/api/admin/coops/" + world.coopId + "/members/" + world.riverside.libraryId(),
                rhea)
            .statusCode());
    assertEquals(
        409,
        world
            .delete("/api/admin/coops/" + world.coopId + "/members/" + world.demoLibraryId, system)
            .statusCode(),
        "the host stays");
  }
}
