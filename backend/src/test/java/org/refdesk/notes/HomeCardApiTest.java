package org.refdesk.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.SecondLibrary;
import org.refdesk.support.TestGateway;

@DisplayName("The home library card: notes kept by the library's admin, read beside a chat")
class HomeCardApiTest {

  private static TestGateway gateway;
  private static String ben;
  private static String alice;
  private static String cleo;
  private static String rosa;
  private static String demoName;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    gateway.query("UPDATE operators SET role = 'admin' WHERE username = 'ben'");
    ben = gateway.librarianToken("ben");
    alice = gateway.librarianToken("alice");
    cleo = gateway.librarianToken("cleo");
    var riverside = SecondLibrary.create(gateway);
    gateway.query("UPDATE operators SET role = 'admin' WHERE id = $1", riverside.operatorId());
    rosa = riverside.token(gateway);
    demoName =
        gateway
            .query("SELECT name FROM libraries WHERE id = $1", gateway.demoLibraryId())
            .get(0)
            .getString(0);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static JsonObject note(String topic, String title, String body) {
    return new JsonObject()
        .put("topic", topic)
        .put("title", title)
        .put("body", body)
        .put(
            "links",
            new JsonArray()
                .add(new JsonObject().put("title", "Our page").put("url", "https://example.org")));
  }

  private static JsonObject created(JsonObject body) {
    var response = gateway.post("/api/admin/library-notes", body, ben);
    assertEquals(201, response.statusCode(), response::bodyAsString);
    return response.bodyAsJsonObject();
  }

  private static String errorCode(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getJsonObject("error").getString("code");
  }

  private static long notes() {
    return gateway.count("SELECT count(*) FROM library_notes");
  }

  private static JsonObject policy(int days, String topic, String... keywords) {
    return new JsonObject()
        .put("staleAfterDays", days)
        .put(
            "localOnly",
            new JsonArray()
                .add(
                    new JsonObject()
                        .put("topic", topic)
                        .put("keywords", new JsonArray(List.of(keywords)))));
  }

  /**
   * A chat in the ask queue with the patron's e-mail, claimed by Alice; answers {chatId, token}.
   */
  private static JsonObject claimedChat(String question, String email) {
    var body = new JsonObject().put("queue", "ask").put("name", "Pat").put("question", question);
    if (email != null) {
      body.put("email", email);
    }
    var started = gateway.post("/api/widget/chats", body, null);
    assertEquals(201, started.statusCode(), started::bodyAsString);
    var chat = started.bodyAsJsonObject();
    var claimed =
        gateway.post("/api/chats/" + chat.getLong("chatId") + "/claim", new JsonObject(), alice);
    assertEquals(200, claimed.statusCode(), claimed::bodyAsString);
    return chat;
  }

  private static void say(BridgeClient socket, long chatId, String text, String token) {
    var reply =
        socket.request(
            "chat.send",
            new JsonObject()
                .put("chatId", chatId)
                .put("text", text)
                .put("clientMsgId", "m-" + UUID.randomUUID()),
            token);
    assertEquals("rec", reply.getString("type"), reply::encode);
  }

  @Test
  @DisplayName("the library admin keeps the notes; operators read them; nobody else changes them")
  void adminKeepsNotes() {
    var made = created(note("renewals", "How to renew", "Three times online, unless reserved."));
    long id = made.getLong("id");
    assertEquals("renewals", made.getString("topic"));
    assertFalse(made.getBoolean("stale"));

    var edited =
        gateway.put("/api/admin/library-notes/" + id, note("renewals", "Renewing", "Twice."), ben);
    assertEquals(200, edited.statusCode(), edited::bodyAsString);
    assertEquals("Twice.", edited.bodyAsJsonObject().getString("body"));

    var read = gateway.get("/api/library-notes", alice);
    assertEquals(200, read.statusCode(), read::bodyAsString);
    assertTrue(
        read.bodyAsJsonObject().getJsonArray("notes").stream()
            .anyMatch(n -> ((JsonObject) n).getLong("id") == id),
        "an operator of the library reads its notes");

    long before = notes();
    assertEquals(
        403, gateway.post("/api/admin/library-notes", note("fines", "x", "y"), alice).statusCode());
    assertEquals(
        403,
        gateway.put("/api/admin/library-notes/" + id, note("fines", "x", "y"), alice).statusCode());
    assertEquals(403, gateway.delete("/api/admin/library-notes/" + id, alice).statusCode());
    assertEquals(
        403,
        gateway.put("/api/admin/library-notes/policy", policy(30, "fines"), alice).statusCode());
    assertEquals(before, notes());

    assertEquals(
        404,
        gateway.put("/api/admin/library-notes/" + id, note("fines", "x", "y"), rosa).statusCode());
    assertEquals(404, gateway.delete("/api/admin/library-notes/" + id, rosa).statusCode());
    var theirs = gateway.get("/api/library-notes", rosa).bodyAsJsonObject();
    assertTrue(
        theirs.getJsonArray("notes").isEmpty(),
        "another library's admin sees only their own library's notes");
    assertEquals(
        180, theirs.getInteger("staleAfterDays"), "a library that chose no age has the default");
    assertEquals(
        "Twice.",
        gateway.query("SELECT body FROM library_notes WHERE id = $1", id).get(0).getString(0));

    assertEquals(204, gateway.delete("/api/admin/library-notes/" + id, ben).statusCode());
    assertEquals(404, gateway.delete("/api/admin/library-notes/" + id, ben).statusCode());
  }

  @Test
  @DisplayName("bad notes and policies are 400s naming the field, and nothing is stored")
  void badInput() {
    long before = notes();
    for (var bad :
        List.of(
            note("weather", "Hours", "9 to 5"),
            note("hours", "", "9 to 5"),
            note("hours", "Hours", null),
            note("hours", "Hours", "x".repeat(NotesLimits.BODY_CHARS + 1)),
            note("hours", "Hours", "9 to 5")
                .put(
                    "links",
                    new JsonArray()
                        .add(
                            new JsonObject()
                                .put("title", "Bad")
                                .put("url", "javascript:alert(1)"))))) {
      var response = gateway.post("/api/admin/library-notes", bad, ben);
      assertEquals(400, response.statusCode(), bad::encode);
      assertEquals("invalid", errorCode(response));
    }
    assertEquals(before, notes());

    var stored = gateway.get("/api/library-notes", ben).bodyAsJsonObject();
    for (var bad :
        List.of(
            policy(0, "fines"),
            policy(NotesLimits.STALE_DAYS_MAX + 1, "fines"),
            policy(30, "parking"),
            policy(30, "fines").put("localOnly", "fines"),
            new JsonObject()
                .put("staleAfterDays", 30)
                .put(
                    "localOnly",
                    new JsonArray()
                        .add(new JsonObject().put("topic", "fines"))
                        .add(new JsonObject().put("topic", "fines"))))) {
      var response = gateway.put("/api/admin/library-notes/policy", bad, ben);
      assertEquals(400, response.statusCode(), bad::encode);
      assertTrue(
          response.bodyAsJsonObject().getJsonObject("error").getString("message").contains("'"));
    }
    var after = gateway.get("/api/library-notes", ben).bodyAsJsonObject();
    assertEquals(stored.getInteger("staleAfterDays"), after.getInteger("staleAfterDays"));
    assertEquals(stored.getJsonArray("localOnly"), after.getJsonArray("localOnly"));
  }

  @Test
  @DisplayName(
      "the card of a chat: the home library's notes with stale ones flagged, local-only topics the"
          + " patron's words touch, and its FAQs; another library's operator gets 404")
  void cardOfAChat() {
    var saved =
        gateway.put("/api/admin/library-notes/policy", policy(30, "fines", "fine", "overdue"), ben);
    assertEquals(200, saved.statusCode(), saved::bodyAsString);
    assertTrue(
        gateway.count("SELECT count(*) FROM audit_log WHERE action = 'notes.policy'") >= 1,
        "who changed what the library keeps to itself is kept");
    long hours = created(note("hours", "Opening hours", "Mon-Fri 9-17")).getLong("id");
    long fines = created(note("fines", "Fines", "Only our desk can waive a fine.")).getLong("id");
    gateway.query(
        "UPDATE library_notes SET updated_at = now() - interval '40 days' WHERE id = $1", fines);
    var faq =
        new JsonObject()
            .put("question", "How do I pay a library fine?")
            .put("answerMarkdown", "At the front desk or online.")
            .put("visibility", "public");
    assertEquals(201, gateway.post("/api/admin/faqs", faq, ben).statusCode());

    var chat = claimedChat("Can I renew my books?", "pat@example.org");
    long chatId = chat.getLong("chatId");
    var card = gateway.get("/api/chats/" + chatId + "/home-card", alice);
    assertEquals(200, card.statusCode(), card::bodyAsString);
    var body = card.bodyAsJsonObject();
    assertTrue(body.getBoolean("own"));
    assertEquals(demoName, body.getJsonObject("library").getString("name"));
    assertTrue(body.getJsonObject("library").containsKey("now"));
    assertEquals(30, body.getInteger("staleAfterDays"));
    var byId = new java.util.HashMap<Long, JsonObject>();
    body.getJsonArray("notes")
        .forEach(n -> byId.put(((JsonObject) n).getLong("id"), (JsonObject) n));
    assertFalse(byId.get(hours).getBoolean("stale"));
    assertTrue(byId.get(fines).getBoolean("stale"), "older than the library's 30 days");
    assertFalse(body.getBoolean("localOnlyMatch"), "renewing books touches no local-only topic");
    assertEquals("fines", body.getJsonArray("localOnly").getJsonObject(0).getString("topic"));

    try (var patron = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      say(patron, chatId, "Also, there is an OVERDUE fine on my card.", chat.getString("token"));
    }
    var touched = gateway.get("/api/chats/" + chatId + "/home-card", alice).bodyAsJsonObject();
    assertTrue(touched.getBoolean("localOnlyMatch"), "the patron's latest message counts");
    assertEquals(
        new JsonArray().add("fine").add("overdue"),
        touched.getJsonArray("localOnly").getJsonObject(0).getJsonArray("matched"));
    assertTrue(
        touched.getJsonArray("faqs").stream()
            .anyMatch(
                f -> ((JsonObject) f).getString("question").equals("How do I pay a library fine?")),
        touched::encode);

    var refused = gateway.get("/api/chats/" + chatId + "/home-card", rosa);
    assertEquals(404, refused.statusCode());
    assertEquals("not_found", errorCode(refused));
  }

  @Test
  @DisplayName(
      "a question on a local-only topic goes home as a ticket with the transcript; the patron reads"
          + " who will answer and the chat ends; nothing happens for anyone who may not")
  void sendHome() {
    assertEquals(
        200,
        gateway
            .put("/api/admin/library-notes/policy", policy(180, "fines", "fine"), ben)
            .statusCode());
    var chat = claimedChat("Why is there a fine on my card?", "pat@example.org");
    long chatId = chat.getLong("chatId");
    var ask = new JsonObject().put("topic", "fines").put("note", "Asks about the fine of March.");
    long tickets = gateway.count("SELECT count(*) FROM tickets");

    assertEquals(404, gateway.post("/api/chats/" + chatId + "/send-home", ask, rosa).statusCode());
    var notTakingPart = gateway.post("/api/chats/" + chatId + "/send-home", ask, cleo);
    assertEquals(403, notTakingPart.statusCode(), notTakingPart::bodyAsString);
    var notLocal =
        gateway.post(
            "/api/chats/" + chatId + "/send-home", new JsonObject().put("topic", "hours"), alice);
    assertEquals(409, notLocal.statusCode());
    assertEquals("conflict", errorCode(notLocal));
    assertEquals(
        400,
        gateway
            .post("/api/chats/" + chatId + "/send-home", new JsonObject().put("topic", "x"), alice)
            .statusCode());
    assertEquals(tickets, gateway.count("SELECT count(*) FROM tickets"));

    try (var patron = gateway.listen("chat." + chatId, chat.getString("token"))) {
      var sent = gateway.post("/api/chats/" + chatId + "/send-home", ask, alice);
      assertEquals(200, sent.statusCode(), sent::bodyAsString);
      var answer = sent.bodyAsJsonObject();
      assertTrue(answer.getBoolean("chatEnded"));
      var line = "A librarian of " + demoName + " will answer this by e-mail.";
      assertEquals(line, answer.getString("line"));
      var ended =
          patron
              .next("chat." + chatId, e -> "ended".equals(e.getString("type")), 10_000)
              .getJsonObject("body");
      assertEquals(line, ended.getString("text"), "the patron reads who will answer");

      long ticketId = answer.getLong("ticketId");
      var row =
          gateway
              .query(
                  "SELECT library_id, chat_id, patron_email FROM tickets WHERE id = $1", ticketId)
              .get(0);
      assertEquals(gateway.demoLibraryId(), row.getLong("library_id"), "the chat's library");
      assertEquals(chatId, row.getLong("chat_id"));
      assertEquals("pat@example.org", row.getString("patron_email"));
      assertEquals(
          1,
          gateway.count(
              "SELECT count(*) FROM ticket_messages WHERE ticket_id = $1 AND kind = 'transcript'"
                  + " AND body LIKE '%fine on my card%'",
              ticketId));
      assertEquals(
          1,
          gateway.count(
              "SELECT count(*) FROM ticket_messages WHERE ticket_id = $1 AND kind = 'note'"
                  + " AND body LIKE '%fine of March%'",
              ticketId));
    }
    assertEquals(
        "ended",
        gateway.query("SELECT state FROM chats WHERE id = $1", chatId).get(0).getString(0));
    var again = gateway.post("/api/chats/" + chatId + "/send-home", ask, alice);
    assertEquals(409, again.statusCode());
    assertEquals("chat_ended", errorCode(again));

    var waiting =
        gateway.post(
            "/api/widget/chats",
            new JsonObject()
                .put("queue", "ask")
                .put("name", "Lee")
                .put("question", "A fine I do not understand")
                .put("email", "lee@example.org"),
            null);
    long waitingId = waiting.bodyAsJsonObject().getLong("chatId");
    var fromPreview = gateway.post("/api/chats/" + waitingId + "/send-home", ask, cleo);
    assertEquals(200, fromPreview.statusCode(), fromPreview::bodyAsString);
    assertEquals(
        "ended",
        gateway.query("SELECT state FROM chats WHERE id = $1", waitingId).get(0).getString(0),
        "a waiting chat goes home from the queue's preview, by any operator who sees it");

    var noEmail = claimedChat("A fine, again", null);
    var refused =
        gateway.post("/api/chats/" + noEmail.getLong("chatId") + "/send-home", ask, alice);
    assertEquals(409, refused.statusCode());
    assertEquals("email_required", errorCode(refused));
    assertEquals(
        "active",
        gateway
            .query("SELECT state FROM chats WHERE id = $1", noEmail.getLong("chatId"))
            .get(0)
            .getString(0),
        "a chat that cannot go home stays as it was");
  }

  @Test
  @DisplayName(
      "the canned list beside a chat is asked with the chat, and refused for a chat one may not see")
  void cannedBesideAChat() {
    var chat = claimedChat("Hello", null);
    long chatId = chat.getLong("chatId");
    var plain = gateway.get("/api/canned", alice).bodyAsJsonObject().getJsonArray("canned");
    var beside = gateway.get("/api/canned?chatId=" + chatId, alice);
    assertEquals(200, beside.statusCode(), beside::bodyAsString);
    assertEquals(
        plain,
        beside.bodyAsJsonObject().getJsonArray("canned"),
        "a chat of one's own library adds nothing: its messages are one's own already");

    var refused = gateway.get("/api/canned?chatId=" + chatId, rosa);
    assertEquals(404, refused.statusCode());
    assertEquals(400, gateway.get("/api/canned?chatId=abc", alice).statusCode());
  }
}
