package org.refdesk.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.SecondLibrary;
import org.refdesk.support.TestGateway;

@DisplayName("FAQs: admins keep them, operators find and send them, patrons read the public ones")
class FaqApiTest {

  private static TestGateway gateway;
  private static String admin;
  private static String alice;
  private static SecondLibrary riverside;
  private static String rosa;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(Map.of("REFDESK_TRUSTED_PROXIES", "127.0.0.1"));
    admin = gateway.adminToken();
    alice = gateway.librarianToken("alice");
    riverside = SecondLibrary.create(gateway);
    rosa = riverside.token(gateway);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static JsonObject faq(String question, String answer, String visibility) {
    return new JsonObject()
        .put("question", question)
        .put("answerMarkdown", answer)
        .put("topics", new JsonArray().add("testing"))
        .put("visibility", visibility);
  }

  private static JsonObject created(JsonObject body) {
    var response = gateway.post("/api/admin/faqs", body, admin);
    assertEquals(201, response.statusCode(), response::bodyAsString);
    return response.bodyAsJsonObject();
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static List<String> questions(HttpResponse<Buffer> response) {
    assertEquals(200, response.statusCode(), response::bodyAsString);
    return response.bodyAsJsonObject().getJsonArray("faqs").stream()
        .map(item -> ((JsonObject) item).getString("question"))
        .toList();
  }

  private static long faqs() {
    return gateway.count("SELECT count(*) FROM faqs");
  }

  private static String errorCode(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getJsonObject("error").getString("code");
  }

  @Test
  @DisplayName("an admin creates, edits, publishes and deletes an FAQ; an operator may not")
  void adminKeepsThem() {
    var draft =
        created(
            faq("Where is the quiet study room?", "On the *second* floor.", "public")
                .put("status", "draft"));
    assertEquals("draft", draft.getString("status"));
    assertEquals("<p>On the <em>second</em> floor.</p>\n", draft.getString("answerHtml"));
    long id = draft.getLong("id");

    var refused = gateway.post("/api/admin/faqs", faq("Mine?", "No.", "public"), alice);
    assertEquals(403, refused.statusCode());
    assertEquals(
        403,
        gateway.put("/api/admin/faqs/" + id, faq("Mine?", "No.", "public"), alice).statusCode());
    assertEquals(
        403,
        gateway.post("/api/admin/faqs/" + id + "/publish", new JsonObject(), alice).statusCode());
    assertEquals(403, gateway.delete("/api/admin/faqs/" + id, alice).statusCode());
    assertEquals(403, gateway.get("/api/admin/faqs", alice).statusCode());

    var list = gateway.get("/api/admin/faqs", admin).bodyAsJsonObject().getJsonArray("faqs");
    assertEquals("draft", list.getJsonObject(0).getString("status"), "drafts come first");
    assertEquals(
        404,
        gateway.get("/api/faqs/" + id, alice).statusCode(),
        "a draft is not for operators yet");

    var edited =
        gateway.put(
            "/api/admin/faqs/" + id,
            faq("Where is the quiet study room, please?", "Second floor, east wing.", "public"),
            admin);
    assertEquals(200, edited.statusCode(), edited::bodyAsString);
    assertEquals(
        "Where is the quiet study room, please?", edited.bodyAsJsonObject().getString("question"));

    var published = gateway.post("/api/admin/faqs/" + id + "/publish", new JsonObject(), admin);
    assertEquals(200, published.statusCode(), published::bodyAsString);
    assertEquals("published", published.bodyAsJsonObject().getString("status"));
    assertEquals(200, gateway.get("/api/faqs/" + id, alice).statusCode());

    assertEquals(204, gateway.delete("/api/admin/faqs/" + id, admin).statusCode());
    assertEquals(404, gateway.get("/api/faqs/" + id, alice).statusCode());
  }

  @Test
  @DisplayName("another library's FAQ is not found, whoever asks and however")
  void anotherLibrarysFaqIsNotFound() {
    var ours = created(faq("Do you lend telescopes?", "Yes, for a week.", "public"));
    long id = ours.getLong("id");
    assertEquals(200, gateway.get("/api/faqs/" + id, alice).statusCode());
    assertEquals(404, gateway.get("/api/faqs/" + id, rosa).statusCode());
    assertFalse(
        questions(gateway.get("/api/faqs?q=telescopes", rosa)).contains("Do you lend telescopes?"));

    long theirs =
        gateway
            .query(
                "INSERT INTO faqs (library_id, question, answer_markdown, visibility, language, status)"
                    + " VALUES ($1, 'Riverside parking?', 'Behind the building.', 'public', 'en', 'published') RETURNING id",
                riverside.libraryId())
            .get(0)
            .getLong(0);
    assertEquals(404, gateway.get("/api/faqs/" + theirs, alice).statusCode());
    assertEquals(
        404,
        gateway
            .put("/api/admin/faqs/" + theirs, faq("Mine now", "No.", "public"), admin)
            .statusCode());
    assertEquals(
        404,
        gateway
            .post("/api/admin/faqs/" + theirs + "/publish", new JsonObject(), admin)
            .statusCode());
    assertEquals(404, gateway.delete("/api/admin/faqs/" + theirs, admin).statusCode());
    assertEquals(
        1,
        gateway.count(
            "SELECT count(*) FROM faqs WHERE id = $1 AND question = 'Riverside parking?'", theirs));
  }

  @Test
  @DisplayName("bad input is refused with 400 naming the field, and nothing is stored")
  void badInputIsRefused() {
    long before = faqs();
    var tooManyTopics = new JsonArray();
    for (int i = 0; i <= FaqLimits.TOPICS; i++) {
      tooManyTopics.add("topic " + i);
    }
    var tooManyLinks = new JsonArray();
    for (int i = 0; i <= FaqLimits.LINKS; i++) {
      tooManyLinks.add(
          new JsonObject().put("title", "t" + i).put("url", "https://example.org/" + i));
    }
    var bad =
        List.of(
            faq("x".repeat(FaqLimits.QUESTION_CHARS + 1), "Fine.", "public"),
            faq("Fine?", "y".repeat(FaqLimits.ANSWER_CHARS + 1), "public"),
            faq("Fine?", "Fine.", "public").put("topics", tooManyTopics),
            faq("Fine?", "Fine.", "public").put("links", tooManyLinks),
            faq("Fine?", "Fine.", "public")
                .put(
                    "links",
                    new JsonArray()
                        .add(
                            new JsonObject()
                                .put("title", "Run")
                                .put("url", "javascript:alert(1)"))),
            faq("Fine?", "Fine.", "secret"),
            faq("Fine?", "Fine.", "public").put("language", "fr"),
            faq("Fine?", "Fine.", "public").put("status", "archived"),
            new JsonObject().put("question", "No answer?").put("visibility", "public"));
    for (var body : bad) {
      var response = gateway.post("/api/admin/faqs", body, admin);
      assertEquals(
          400, response.statusCode(), () -> body.encode() + " -> " + response.bodyAsString());
      assertEquals("invalid", errorCode(response));
    }
    assertEquals(
        400,
        gateway.get("/api/faqs?q=" + "w".repeat(FaqLimits.QUERY_CHARS + 1), alice).statusCode());
    assertEquals(before, faqs());
  }

  @Test
  @DisplayName(
      "a search ranks a match in the question above one in the answer, and matches a word being typed")
  void rankingAndPrefix() {
    created(
        faq(
            "Do you have books on bookbinding?",
            "Yes: the zeppelin collection is in the basement.",
            "public"));
    created(
        faq("Can I see the zeppelin models?", "Ask at the desk on the ground floor.", "public"));
    assertEquals(
        List.of("Can I see the zeppelin models?", "Do you have books on bookbinding?"),
        questions(gateway.get("/api/faqs?q=zeppelin", alice)));
    assertEquals(
        List.of("Can I see the zeppelin models?", "Do you have books on bookbinding?"),
        questions(gateway.get("/api/faqs?q=" + q("zeppel"), alice)),
        "the last word is a prefix while it is being typed");
    assertEquals(
        List.of("Can I see the zeppelin models?"),
        questions(gateway.get("/api/faqs?q=" + q("zeppelin mod"), alice)),
        "every word must match in a search");
    assertTrue(
        questions(
                gateway.get("/api/faqs?match=any&q=" + q("where are the zeppelin models?"), alice))
            .contains("Do you have books on bookbinding?"),
        "any word of a whole question may match a suggestion");
    assertEquals(
        List.of(),
        questions(gateway.get("/api/faqs?q=" + q("'&|!:*()"), alice)),
        "no words, no results, no error");
  }

  @Test
  @DisplayName("a Spanish FAQ is found by another form of the same word")
  void spanishStemming() {
    created(
        faq(
                "¿Cómo renovar el carné de lector?",
                "En el mostrador de préstamo, con su documento.",
                "public")
            .put("language", "es"));
    assertTrue(
        questions(gateway.get("/api/faqs?q=" + q("renovación carné"), alice))
            .contains("¿Cómo renovar el carné de lector?"));
    assertTrue(
        questions(gateway.get("/api/faqs?q=" + q("renovamos "), alice))
            .contains("¿Cómo renovar el carné de lector?"),
        "a finished word is stemmed, not a prefix");
    assertTrue(
        questions(gateway.get("/api/faqs?q=" + q("préstamos"), alice))
            .contains("¿Cómo renovar el carné de lector?"));
  }

  @Test
  @DisplayName("the public routes show only the library's published public FAQs, with their page")
  void publicShowsOnlyPublishedPublic() {
    created(faq("Is there a kayak to borrow?", "Yes, in summer.", "public"));
    created(faq("Kayak storage for staff?", "Internal only.", "internal"));
    created(faq("Kayak draft?", "Not yet.", "public").put("status", "draft"));
    var suggestions = RawHttpGet("/api/widget/queues/ask/faqs?q=" + q("kayak?"), "198.51.100.7");
    assertEquals(200, suggestions.statusCode(), suggestions::bodyAsString);
    var faqs = suggestions.bodyAsJsonObject().getJsonArray("faqs");
    assertEquals(1, faqs.size(), faqs::encode);
    var first = faqs.getJsonObject(0);
    assertEquals("Is there a kayak to borrow?", first.getString("question"));
    assertTrue(first.getString("url").endsWith("/faq/?queue=ask#faq-" + first.getLong("id")));
    assertNull(first.getValue("answerHtml"), "suggestions are short");

    var page =
        RawHttpGet("/api/widget/queues/ask/faqs?limit=500", "198.51.100.7").bodyAsJsonObject();
    var all =
        page.getJsonArray("faqs").stream()
            .map(f -> ((JsonObject) f).getString("question"))
            .toList();
    assertTrue(all.contains("Is there a kayak to borrow?"));
    assertTrue(all.contains("How do I renew my books and other loans?"), "the demo library's own");
    assertFalse(all.contains("Kayak storage for staff?"));
    assertFalse(all.contains("Kayak draft?"));
    assertFalse(all.contains("A patron's card is blocked: what can staff do?"));
    assertEquals("Demo Library", page.getJsonObject("library").getString("name"));
    assertTrue(page.getJsonArray("faqs").getJsonObject(0).containsKey("answerHtml"));

    var otherLibrary = RawHttpGet("/api/widget/queues/riverside/faqs?q=kayak", "198.51.100.7");
    assertEquals(0, otherLibrary.bodyAsJsonObject().getJsonArray("faqs").size());
    assertEquals(
        404, RawHttpGet("/api/widget/queues/nowhere/faqs?q=kayak", "198.51.100.7").statusCode());
  }

  @Test
  @DisplayName("the public routes are rate-limited per address")
  void publicRateLimit() {
    var address = "203.0.113." + (1 + (int) (Math.random() * 250));
    for (int i = 0; i < FaqLimits.PUBLIC_READS_PER_MINUTE; i++) {
      assertEquals(200, RawHttpGet("/api/widget/queues/ask/faqs?q=renew", address).statusCode());
    }
    var refused = RawHttpGet("/api/widget/queues/ask/faqs?q=renew", address);
    assertEquals(429, refused.statusCode());
    assertEquals("rate_limited", errorCode(refused));
    assertEquals(
        200,
        RawHttpGet("/api/widget/queues/ask/faqs?q=renew", "192.0.2.44").statusCode(),
        "another address still may");
  }

  private static HttpResponse<Buffer> RawHttpGet(String path, String forwardedFor) {
    return TestGateway.await(
        gateway.client().get(path).putHeader("X-Forwarded-For", forwardedFor).send());
  }

  /** A chat in the ask queue claimed by Alice; answers {chatId, token}. */
  private static JsonObject claimedChat(String name, String question) {
    var chat = gateway.startChat("ask", name, question);
    long chatId = chat.getLong("chatId");
    var claimed = gateway.post("/api/chats/" + chatId + "/claim", new JsonObject(), alice);
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
  @DisplayName(
      "an ended chat becomes a draft without the patron's e-mail, phone, card number or name")
  void draftFromChat() {
    var chat = claimedChat("Maria Lopez", "Hi");
    long chatId = chat.getLong("chatId");
    var patron = chat.getString("token");
    try (var patronSocket = BridgeClient.connect(gateway.vertx(), gateway.port());
        var aliceSocket = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      say(
          patronSocket,
          chatId,
          "I'm Maria, can I renew a book that is overdue? My card is 2900 1234 5678",
          patron);
      say(
          aliceSocket,
          chatId,
          "Yes Maria: renewing stops the fine. I'll e-mail maria.lopez@example.com or call 555-867-5309.",
          alice);
    }
    var early = gateway.post("/api/chats/" + chatId + "/faq-draft", new JsonObject(), alice);
    assertEquals(409, early.statusCode(), "only an ended chat");
    assertEquals(
        200, gateway.post("/api/chats/" + chatId + "/end", new JsonObject(), alice).statusCode());

    assertEquals(
        404,
        gateway.post("/api/chats/" + chatId + "/faq-draft", new JsonObject(), rosa).statusCode());
    var made = gateway.post("/api/chats/" + chatId + "/faq-draft", new JsonObject(), alice);
    assertEquals(201, made.statusCode(), made::bodyAsString);
    var draft = made.bodyAsJsonObject();
    assertEquals("draft", draft.getString("status"));
    assertEquals(chatId, draft.getLong("sourceChatId"));
    var question = draft.getString("question");
    var answer = draft.getString("answerMarkdown");
    assertTrue(question.startsWith("Hi I'm [name], can I renew a book"), question);
    assertTrue(question.contains("[number]"), question);
    assertFalse((question + answer).contains("2900"), question + answer);
    assertFalse((question + answer).toLowerCase().contains("maria"), question + answer);
    assertFalse(answer.contains("@"), answer);
    assertFalse(answer.contains("867"), answer);
    assertEquals(
        "Yes [name]: renewing stops the fine. I'll e-mail [e-mail] or call [number].", answer);
    assertEquals(
        "draft",
        gateway
            .get("/api/admin/faqs", admin)
            .bodyAsJsonObject()
            .getJsonArray("faqs")
            .getJsonObject(0)
            .getString("status"));
    assertFalse(
        questions(gateway.get("/api/faqs?q=renew", alice)).contains(question),
        "operators see it once published");
  }

  @Test
  @DisplayName("an operator sends a public FAQ as a link card; the patron receives it, stored once")
  void linkCardThroughTheBridge() {
    var sent = created(faq("Can I bring my dog?", "Only guide dogs, sorry.", "public"));
    long faqId = sent.getLong("id");
    var chat = claimedChat("Pat", "Can I bring my dog to the library?");
    long chatId = chat.getLong("chatId");
    try (var patron = gateway.listen("chat." + chatId, chat.getString("token"))) {
      var body = new JsonObject().put("faqId", faqId).put("clientMsgId", "card-1");
      var answer = gateway.post("/api/chats/" + chatId + "/faq-card", body, alice);
      assertEquals(200, answer.statusCode(), answer::bodyAsString);
      int seq = answer.bodyAsJsonObject().getInteger("seq");

      var event =
          patron
              .next("chat." + chatId, e -> "message".equals(e.getString("type")), 5000)
              .getJsonObject("body");
      assertEquals(seq, event.getInteger("seq"));
      var card = event.getJsonObject("card");
      assertEquals("faq", card.getString("kind"));
      assertEquals(faqId, card.getLong("id"));
      assertEquals("Can I bring my dog?", card.getString("title"));
      assertTrue(card.getString("url").endsWith("/faq/?queue=ask#faq-" + faqId));
      assertEquals("Can I bring my dog? — " + card.getString("url"), event.getString("text"));
      assertEquals("operator", event.getJsonObject("from").getString("kind"));

      var again = gateway.post("/api/chats/" + chatId + "/faq-card", body, alice);
      assertEquals(
          seq, again.bodyAsJsonObject().getInteger("seq"), "a repeat answers the first seq");
    }
    assertEquals(
        1,
        gateway.count(
            "SELECT count(*) FROM chat_events WHERE chat_id = $1 AND data ? 'card'", chatId));
    var stored =
        gateway
            .get("/api/chats/" + chatId + "/events?after=0", alice)
            .bodyAsJsonObject()
            .getJsonArray("events");
    assertEquals(
        faqId,
        stored.getJsonObject(stored.size() - 1).getJsonObject("card").getLong("id"),
        "a reload shows the card");
  }

  @Test
  @DisplayName(
      "a card for an internal FAQ, another library's FAQ or another library's chat is refused and stores nothing")
  void linkCardRefused() {
    var internal = created(faq("Staff parking code?", "Ask the caretaker.", "internal"));
    var draft = created(faq("Half written?", "Soon.", "public").put("status", "draft"));
    long theirs =
        gateway
            .query(
                "INSERT INTO faqs (library_id, question, answer_markdown, visibility, language, status)"
                    + " VALUES ($1, 'Riverside card?', 'Ours.', 'public', 'en', 'published') RETURNING id",
                riverside.libraryId())
            .get(0)
            .getLong(0);
    var chat = claimedChat("Pat", "Where can I park?");
    long chatId = chat.getLong("chatId");
    long before = gateway.count("SELECT count(*) FROM chat_events WHERE chat_id = $1", chatId);

    var toInternal =
        gateway.post(
            "/api/chats/" + chatId + "/faq-card",
            new JsonObject().put("faqId", internal.getLong("id")).put("clientMsgId", "c-1"),
            alice);
    assertEquals(400, toInternal.statusCode(), toInternal::bodyAsString);
    var toDraft =
        gateway.post(
            "/api/chats/" + chatId + "/faq-card",
            new JsonObject().put("faqId", draft.getLong("id")).put("clientMsgId", "c-2"),
            alice);
    assertEquals(400, toDraft.statusCode());
    var toTheirs =
        gateway.post(
            "/api/chats/" + chatId + "/faq-card",
            new JsonObject().put("faqId", theirs).put("clientMsgId", "c-3"),
            alice);
    assertEquals(404, toTheirs.statusCode());
    long ours = created(faq("Where can I park?", "Behind the library.", "public")).getLong("id");
    var byRosa =
        gateway.post(
            "/api/chats/" + chatId + "/faq-card",
            new JsonObject().put("faqId", ours).put("clientMsgId", "c-4"),
            rosa);
    assertEquals(404, byRosa.statusCode());
    var byBen =
        gateway.post(
            "/api/chats/" + chatId + "/faq-card",
            new JsonObject().put("faqId", ours).put("clientMsgId", "c-5"),
            gateway.librarianToken("ben"));
    assertEquals(403, byBen.statusCode(), "only those taking part write in a chat");
    assertEquals("not_participant", errorCode(byBen));
    assertEquals(
        before, gateway.count("SELECT count(*) FROM chat_events WHERE chat_id = $1", chatId));
  }

  @Test
  @DisplayName("a browser cannot attach a card to its own chat.send")
  void browserCannotForgeACard() {
    var chat = claimedChat("Pat", "Hello?");
    long chatId = chat.getLong("chatId");
    try (var socket = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      var reply =
          socket.request(
              "chat.send",
              new JsonObject()
                  .put("chatId", chatId)
                  .put("text", "Look")
                  .put("clientMsgId", "forged-1")
                  .put(
                      "data",
                      new JsonObject()
                          .put(
                              "card",
                              new JsonObject()
                                  .put("kind", "faq")
                                  .put("url", "javascript:alert(1)")))
                  .put(
                      "card",
                      new JsonObject().put("kind", "faq").put("url", "javascript:alert(1)")),
              alice);
      assertEquals("rec", reply.getString("type"));
      var refused =
          socket.request(
              "refdesk.chat-send-attached", new JsonObject().put("chatId", chatId), alice);
      assertEquals("err", refused.getString("type"));
    }
    assertEquals(
        0,
        gateway.count(
            "SELECT count(*) FROM chat_events WHERE chat_id = $1 AND data ? 'card'", chatId));
  }
}
