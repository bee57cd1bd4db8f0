package org.refdesk.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.SecondLibrary;
import org.refdesk.support.TestGateway;

@DisplayName(
    "Each chat is recorded once against the library's form, with the facts the server knows")
class StatisticsApiTest {

  private static TestGateway gateway;
  private static String admin;
  private static String alice;
  private static String ben;
  private static SecondLibrary riverside;
  private static String rosa;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    admin = gateway.adminToken();
    alice = gateway.librarianToken("alice");
    ben = gateway.librarianToken("ben");
    riverside = SecondLibrary.create(gateway);
    rosa = riverside.token(gateway);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  /** A chat of the Ask queue that alice claimed and ended. */
  private static long endedChat(String question) {
    long chatId = gateway.startChat("ask", "Pat", question).getLong("chatId");
    ok(gateway.post("/api/chats/" + chatId + "/claim", new JsonObject(), alice));
    ok(gateway.post("/api/chats/" + chatId + "/end", new JsonObject(), alice));
    return chatId;
  }

  private static HttpResponse<Buffer> ok(HttpResponse<Buffer> response) {
    assertTrue(response.statusCode() < 300, response::bodyAsString);
    return response;
  }

  private static JsonObject values() {
    return new JsonObject().put("questionType", "Research").put("notes", "Census records");
  }

  private static HttpResponse<Buffer> record(long chatId, JsonObject values, String token) {
    return gateway.post(
        "/api/chats/" + chatId + "/analytics", new JsonObject().put("values", values), token);
  }

  private static HttpResponse<Buffer> putForm(JsonArray fields, String token) {
    return TestGateway.await(
        gateway
            .client()
            .put("/api/statistics/form")
            .bearerTokenAuthentication(token)
            .sendJsonObject(new JsonObject().put("fields", fields)));
  }

  private static long entriesOf(long chatId) {
    return gateway.count("SELECT count(*) FROM statistics_entries WHERE chat_id = $1", chatId);
  }

  private static JsonObject error(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getJsonObject("error");
  }

  @Test
  @DisplayName(
      "a library without a form of its own gets the default one, question type and mode required")
  void defaultForm() {
    var response = ok(gateway.get("/api/statistics/form", alice));
    var form = response.bodyAsJsonObject();
    assertTrue(form.getBoolean("default"));
    var keys = new ArrayList<String>();
    var required = new ArrayList<String>();
    for (var field : form.getJsonArray("fields")) {
      var json = (JsonObject) field;
      keys.add(json.getString("key"));
      if (json.getBoolean("required")) {
        required.add(json.getString("key"));
      }
    }
    assertEquals(
        java.util.List.of("questionType", "mode", "location", "referredBy", "notes"), keys);
    assertEquals(java.util.List.of("questionType", "mode"), required);
    var mode = form.getJsonArray("fields").getJsonObject(1);
    assertTrue(mode.getJsonArray("choices").contains("in person"), mode::encode);
  }

  @Test
  @DisplayName(
      "an admin replaces the form, an operator may not, and a form with two keys alike is refused")
  void replaceForm() {
    var fields =
        new JsonArray()
            .add(
                new JsonObject()
                    .put("key", "mode")
                    .put("kind", "choice")
                    .put("label", "How")
                    .put("required", true)
                    .put("choices", new JsonArray().add("chat").add("phone")))
            .add(
                new JsonObject()
                    .put("key", "patron-group")
                    .put("kind", "choice")
                    .put("label", "Patron group")
                    .put("required", false)
                    .put("choices", new JsonArray().add("Student").add("Staff")));
    try {
      var refused = putForm(fields, alice);
      assertEquals(403, refused.statusCode(), refused::bodyAsString);
      assertEquals(0, gateway.count("SELECT count(*) FROM statistics_forms"));

      var twice = fields.copy().add(fields.getJsonObject(1).copy());
      var doubled = putForm(twice, admin);
      assertEquals(400, doubled.statusCode(), doubled::bodyAsString);
      assertTrue(
          error(doubled).getString("message").contains("patron-group"), doubled::bodyAsString);
      var noChoices = fields.copy();
      noChoices.getJsonObject(1).remove("choices");
      assertEquals(400, putForm(noChoices, admin).statusCode());
      var badKey = fields.copy();
      badKey.getJsonObject(1).put("key", "Patron Group!");
      assertEquals(400, putForm(badKey, admin).statusCode());
      assertEquals(0, gateway.count("SELECT count(*) FROM statistics_forms"));

      var saved = ok(putForm(fields, admin));
      assertFalse(saved.bodyAsJsonObject().getBoolean("default"));
      var read = ok(gateway.get("/api/statistics/form", alice)).bodyAsJsonObject();
      assertFalse(read.getBoolean("default"));
      assertEquals(fields, read.getJsonArray("fields"));

      long chatId = endedChat("Do you have nursing journals?");
      var entry =
          ok(record(chatId, new JsonObject().put("patron-group", "Student"), alice))
              .bodyAsJsonObject();
      assertEquals(
          "Student",
          entry.getJsonObject("entry").getJsonObject("values").getString("patron-group"));
      assertEquals(
          "Student",
          gateway
              .query(
                  "SELECT custom->>'patron-group' FROM statistics_entries WHERE chat_id = $1",
                  chatId)
              .get(0)
              .getString(0));
      var otherLibrary = ok(gateway.get("/api/statistics/form", rosa)).bodyAsJsonObject();
      assertTrue(otherLibrary.getBoolean("default"), "another library keeps its own form");
    } finally {
      gateway.query("DELETE FROM statistics_forms");
    }
  }

  @Test
  @DisplayName("the prefill is the server's: time, duration, wait, queue, mode chat and tags")
  void prefill() {
    var tag =
        ok(gateway.post(
                "/api/tags", new JsonObject().put("name", "genealogy-" + UUID.randomUUID()), admin))
            .bodyAsJsonObject();
    long chatId =
        gateway.startChat("ask", "Pat", "Where are the 1900 census records?").getLong("chatId");
    ok(gateway.post("/api/chats/" + chatId + "/claim", new JsonObject(), alice));
    ok(
        gateway.post(
            "/api/chats/" + chatId + "/tags",
            new JsonObject().put("tagId", tag.getLong("id")),
            alice));
    ok(gateway.post("/api/chats/" + chatId + "/end", new JsonObject(), alice));
    // Make the chat's times distinct and known: arrived 90 s before the claim, ended 300 s after.
    gateway.query(
        """
        UPDATE chats SET created_at = ended_at - interval '390 seconds',
                         claimed_at = ended_at - interval '300 seconds' WHERE id = $1""",
        chatId);
    var chat = gateway.query("SELECT created_at FROM chats WHERE id = $1", chatId).get(0);
    Instant created = chat.getOffsetDateTime(0).toInstant();

    var prefill = ok(gateway.get("/api/chats/" + chatId + "/analytics", alice)).bodyAsJsonObject();
    var facts = prefill.getJsonObject("facts");
    assertEquals(created, Instant.parse(facts.getString("occurredAt")));
    assertEquals(300, facts.getInteger("durationSeconds"));
    assertEquals(90, facts.getInteger("waitSeconds"));
    assertEquals("Ask a Librarian", facts.getJsonObject("queue").getString("name"));
    assertEquals("chat", facts.getString("mode"));
    assertEquals(new JsonArray().add(tag.getString("name")), facts.getJsonArray("tags"));
    assertNull(prefill.getValue("entry"));

    // What the client says about the facts is not taken.
    var body =
        new JsonObject()
            .put("occurredAt", "2001-01-01T00:00:00Z")
            .put("durationSeconds", 1)
            .put("values", values().put("mode", "phone"));
    var saved = gateway.post("/api/chats/" + chatId + "/analytics", body, alice);
    assertEquals(201, saved.statusCode(), saved::bodyAsString);
    var row =
        gateway
            .query(
                "SELECT occurred_at, duration_seconds, wait_seconds, mode, queue_id, question_type, notes FROM statistics_entries WHERE chat_id = $1",
                chatId)
            .get(0);
    assertEquals(created, row.getOffsetDateTime("occurred_at").toInstant());
    assertEquals(300, row.getInteger("duration_seconds"));
    assertEquals(90, row.getInteger("wait_seconds"));
    assertEquals("chat", row.getString("mode"));
    assertEquals(gateway.queueId("ask"), row.getLong("queue_id"));
    assertEquals("Research", row.getString("question_type"));
    assertEquals("Census records", row.getString("notes"));

    var again = ok(gateway.get("/api/chats/" + chatId + "/analytics", alice)).bodyAsJsonObject();
    assertEquals(
        "Research", again.getJsonObject("entry").getJsonObject("values").getString("questionType"));
  }

  @Test
  @DisplayName("a required field missing is refused with the field named, and nothing is stored")
  void requiredField() {
    long chatId = endedChat("Is the library open on Monday?");
    var refused = record(chatId, new JsonObject().put("notes", "Hours"), alice);
    assertEquals(400, refused.statusCode(), refused::bodyAsString);
    var error = error(refused);
    assertEquals("invalid", error.getString("code"));
    assertTrue(error.getJsonObject("fields").containsKey("questionType"), refused::bodyAsString);
    assertTrue(error.getString("message").contains("Question type"), refused::bodyAsString);
    assertEquals(0, entriesOf(chatId));

    ok(record(chatId, new JsonObject().put("questionType", "Directional"), alice));
    assertEquals(1, entriesOf(chatId));
  }

  @Test
  @DisplayName("a choice not in its list, or a field the form does not have, is refused")
  void badChoice() {
    long chatId = endedChat("Can I renew my books?");
    var refused = record(chatId, new JsonObject().put("questionType", "Gossip"), alice);
    assertEquals(400, refused.statusCode(), refused::bodyAsString);
    assertTrue(error(refused).getJsonObject("fields").containsKey("questionType"));
    var unknown = record(chatId, values().put("mood", "happy"), alice);
    assertEquals(400, unknown.statusCode(), unknown::bodyAsString);
    assertTrue(error(unknown).getJsonObject("fields").containsKey("mood"));
    assertEquals(0, entriesOf(chatId));
  }

  @Test
  @DisplayName("recording again updates the one entry, and six at once make one row")
  void oneEntryPerChat() {
    long chatId = endedChat("Where is the printer?");
    assertEquals(201, record(chatId, values(), alice).statusCode());
    var again = record(chatId, new JsonObject().put("questionType", "Technical"), alice);
    assertEquals(200, again.statusCode(), again::bodyAsString);
    assertEquals(1, entriesOf(chatId));
    var row =
        gateway
            .query("SELECT question_type, notes FROM statistics_entries WHERE chat_id = $1", chatId)
            .get(0);
    assertEquals("Technical", row.getString(0));
    assertNull(row.getString(1), "the repeat is the whole entry");

    long raced = endedChat("How do I get a library card?");
    var sends = new ArrayList<Future<HttpResponse<Buffer>>>();
    for (int i = 0; i < 6; i++) {
      sends.add(
          gateway
              .client()
              .post("/api/chats/" + raced + "/analytics")
              .bearerTokenAuthentication(alice)
              .sendJsonObject(new JsonObject().put("values", values())));
    }
    TestGateway.await(Future.all(sends));
    int created = 0;
    for (var send : sends) {
      var status = send.result().statusCode();
      assertTrue(status == 200 || status == 201, send.result()::bodyAsString);
      created += status == 201 ? 1 : 0;
    }
    assertEquals(1, created, "one of them made it");
    assertEquals(1, entriesOf(raced));
  }

  @Test
  @DisplayName(
      "an open chat is not recorded yet, and a colleague who took no part may not record it")
  void whoAndWhen() {
    long open = gateway.startChat("ask", "Pat", "Still talking").getLong("chatId");
    ok(gateway.post("/api/chats/" + open + "/claim", new JsonObject(), alice));
    var early = record(open, values(), alice);
    assertEquals(409, early.statusCode(), early::bodyAsString);
    assertEquals(0, entriesOf(open));

    long chatId = endedChat("Who took part?");
    var colleague = record(chatId, values(), ben);
    assertEquals(403, colleague.statusCode(), colleague::bodyAsString);
    assertEquals(0, entriesOf(chatId));
    assertEquals(201, record(chatId, values(), admin).statusCode(), "an admin may");
  }

  @Test
  @DisplayName("a desk question without a chat is recorded with its mode, dated now or when given")
  void deskQuestion() {
    var given = OffsetDateTime.now().minusHours(2).truncatedTo(ChronoUnit.SECONDS);
    var body =
        new JsonObject()
            .put("occurredAt", given.toString())
            .put("values", values().put("mode", "in person").put("location", "Main desk"));
    var saved = gateway.post("/api/statistics/entries", body, ben);
    assertEquals(201, saved.statusCode(), saved::bodyAsString);
    long id = saved.bodyAsJsonObject().getLong("id");
    var row =
        gateway
            .query(
                "SELECT chat_id, mode, location, occurred_at, operator_id FROM statistics_entries WHERE id = $1",
                id)
            .get(0);
    assertNull(row.getValue("chat_id"));
    assertEquals("in person", row.getString("mode"));
    assertEquals("Main desk", row.getString("location"));
    assertEquals(given.toInstant(), row.getOffsetDateTime("occurred_at").toInstant());

    var noMode =
        gateway.post("/api/statistics/entries", new JsonObject().put("values", values()), ben);
    assertEquals(400, noMode.statusCode(), noMode::bodyAsString);
    assertTrue(error(noMode).getJsonObject("fields").containsKey("mode"));
    var future =
        gateway.post(
            "/api/statistics/entries",
            new JsonObject()
                .put("occurredAt", OffsetDateTime.now().plusDays(1).toString())
                .put("values", values().put("mode", "phone")),
            ben);
    assertEquals(400, future.statusCode(), future::bodyAsString);

    long before = gateway.count("SELECT count(*) FROM statistics_entries WHERE chat_id IS NULL");
    ok(
        gateway.post(
            "/api/statistics/entries",
            new JsonObject().put("values", values().put("mode", "phone")),
            ben));
    assertEquals(
        before + 1, gateway.count("SELECT count(*) FROM statistics_entries WHERE chat_id IS NULL"));
  }

  @Test
  @DisplayName(
      "the to-record list holds the operator's own unrecorded chats, newest first, and shrinks")
  void toRecord() {
    long older = endedChat("First to record");
    long newer = endedChat("Second to record");
    var list = ok(gateway.get("/api/statistics/to-record", alice)).bodyAsJsonObject();
    var ids = new ArrayList<Long>();
    list.getJsonArray("chats").forEach(chat -> ids.add(((JsonObject) chat).getLong("chatId")));
    assertTrue(ids.indexOf(newer) >= 0 && ids.indexOf(newer) < ids.indexOf(older), list::encode);
    long count = list.getLong("count");
    assertEquals(ids.size(), count);

    ok(record(newer, values(), alice));
    var after = ok(gateway.get("/api/statistics/to-record", alice)).bodyAsJsonObject();
    assertEquals(count - 1, after.getLong("count"));
    assertFalse(after.encode().contains("\"chatId\":" + newer + ","), after::encode);

    var bens = ok(gateway.get("/api/statistics/to-record", ben)).bodyAsJsonObject();
    assertFalse(bens.encode().contains("\"chatId\":" + older + ","), "not ben's chat");
  }

  @Test
  @DisplayName("another library's chat and its entry are invisible: 404, nothing stored")
  void anotherLibrary() {
    long chatId = endedChat("Ours, not Riverside's");
    assertEquals(404, gateway.get("/api/chats/" + chatId + "/analytics", rosa).statusCode());
    var refused = record(chatId, values(), rosa);
    assertEquals(404, refused.statusCode(), refused::bodyAsString);
    assertEquals(0, entriesOf(chatId));
    assertEquals(200, gateway.get("/api/chats/" + chatId + "/analytics", alice).statusCode());
    var theirs = ok(gateway.get("/api/statistics/to-record", rosa)).bodyAsJsonObject();
    assertEquals(0, theirs.getLong("count"));
  }
}
