package org.refdesk.search;

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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.SecondLibrary;
import org.refdesk.support.TestGateway;

@DisplayName(
    "Transcript and ticket search: an operator finds the library's chats and tickets by words and filters, and nobody else's")
class SearchApiTest {

  private static TestGateway gateway;
  private static String alice;
  private static long library;
  private static long aliceId;
  private static long benId;
  private static long askId;
  private static long scienceId;
  private static SecondLibrary riverside;
  private static String rosa;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    alice = gateway.librarianToken("alice");
    library = gateway.demoLibraryId();
    aliceId = operatorId("alice");
    benId = operatorId("ben");
    askId = gateway.queueId("ask");
    scienceId = gateway.queueId("science");
    riverside = SecondLibrary.create(gateway);
    rosa = riverside.token(gateway);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static long operatorId(String username) {
    return gateway
        .query("SELECT id FROM operators WHERE username = $1", username)
        .get(0)
        .getLong(0);
  }

  /**
   * A chat written straight into Postgres (the question first, then the messages by turns) and then
   * ended or missed by changing its state, as the gateway does: the trigger writes its document.
   */
  private static long chat(
      long libraryId, long queueId, Long ownerId, int daysAgo, String state, String... messages) {
    var at = OffsetDateTime.now(ZoneOffset.UTC).minusDays(daysAgo);
    long id =
        gateway
            .query(
                """
                INSERT INTO chats (library_id, queue_id, state, patron_name, question, last_seq, owner_id,
                                   created_at, claimed_at)
                VALUES ($1, $2, CASE WHEN $3::bigint IS NULL THEN 'waiting' ELSE 'active' END, 'Pat Doe',
                        $4, $5, $3, $6, CASE WHEN $3::bigint IS NULL THEN NULL ELSE $6 END)
                RETURNING id""",
                libraryId,
                queueId,
                ownerId,
                messages[0],
                messages.length,
                at)
            .get(0)
            .getLong(0);
    for (int i = 0; i < messages.length; i++) {
      boolean patron = i % 2 == 0;
      gateway.query(
          """
          INSERT INTO chat_events (chat_id, seq, library_id, type, sender_kind, sender_id, sender_name, body, created_at)
          VALUES ($1, $2, $3, 'message', $4, $5, $6, $7, $8)""",
          id,
          i + 1,
          libraryId,
          patron ? "patron" : "operator",
          patron ? null : ownerId,
          patron ? "Pat Doe" : "Librarian",
          messages[i],
          at.plusSeconds(i));
    }
    gateway.query(
        """
        UPDATE chats SET state = $2, ended_at = CASE WHEN $2 = 'ended' THEN now() END,
               missed_at = CASE WHEN $2 = 'missed' THEN now() END
         WHERE id = $1""",
        id,
        state);
    return id;
  }

  private static long ended(long queueId, long ownerId, int daysAgo, String... messages) {
    return chat(library, queueId, ownerId, daysAgo, "ended", messages);
  }

  private static HttpResponse<Buffer> search(String kind, String query, String token) {
    return gateway.get("/api/search/" + kind + "?" + query, token);
  }

  private static JsonObject found(String kind, String query) {
    var response = search(kind, query, alice);
    assertEquals(200, response.statusCode(), response::bodyAsString);
    return response.bodyAsJsonObject();
  }

  private static String q(String words) {
    return "q=" + URLEncoder.encode(words, StandardCharsets.UTF_8);
  }

  private static List<Long> chatIds(JsonObject results) {
    var ids = new ArrayList<Long>();
    results.getJsonArray("results").forEach(r -> ids.add(((JsonObject) r).getLong("chatId")));
    return ids;
  }

  private static String hits(JsonObject result) {
    var words = new ArrayList<String>();
    result
        .getJsonArray("snippet")
        .forEach(
            piece -> {
              if (((JsonObject) piece).getBoolean("hit")) {
                words.add(((JsonObject) piece).getString("text").toLowerCase());
              }
            });
    return String.join(" ", words);
  }

  @Test
  @DisplayName("a chat holding both words outranks a newer one holding one of them")
  void ranking() {
    long both =
        ended(askId, aliceId, 3, "Do you have maps of the glacier?", "Yes, and tundra maps too.");
    long one = ended(askId, aliceId, 1, "Where are glacier photos?", "On the third floor.");
    var results = found("chats", q("glacier tundra"));
    assertEquals(List.of(both, one), chatIds(results));
    assertEquals(2, results.getLong("total"));
    assertFalse(results.getBoolean("totalCapped"));
    var first = results.getJsonArray("results").getJsonObject(0);
    assertTrue(hits(first).contains("glacier"), first::encode);
    assertTrue(hits(first).contains("tundra"), first::encode);
  }

  @Test
  @DisplayName("stemming, names as typed, and the last word as a prefix all find a chat")
  void wordForms() {
    long renewals =
        ended(askId, aliceId, 2, "Can I ask about renewals of the okapiology books?", "Sure.");
    assertTrue(chatIds(found("chats", q("renewing okapiology"))).contains(renewals));
    assertTrue(chatIds(found("chats", q("okapiol"))).contains(renewals), "a prefix");
    long spanish = ended(askId, aliceId, 2, "¿Puedo pedir un préstamo interbibliotecario?", "Sí.");
    assertEquals(List.of(spanish), chatIds(found("chats", q("interbibliotecario"))));
  }

  @Test
  @DisplayName("every filter narrows the results: dates, queue, operator, tag, rating, state")
  void filters() {
    long old = ended(askId, aliceId, 40, "An old question about the marmoset archive", "Answered.");
    long science =
        ended(scienceId, benId, 5, "Marmoset anatomy books, please", "Try the QL shelves.");
    long tagged = ended(askId, benId, 4, "Marmoset field guides?", "Second floor.");
    long missed = chat(library, askId, null, 3, "missed", "Anyone there? Marmoset question");
    long tagId =
        gateway
            .query(
                "INSERT INTO tags (library_id, name) VALUES ($1, 'Zoology') RETURNING id", library)
            .get(0)
            .getLong(0);
    gateway.query(
        "INSERT INTO chat_tags (chat_id, tag_id, library_id) VALUES ($1, $2, $3)",
        tagged,
        tagId,
        library);
    gateway.query(
        "INSERT INTO chat_ratings (chat_id, library_id, score, comment) VALUES ($1, $2, 4, 'Nice')",
        science,
        library);

    assertEquals(4, chatIds(found("chats", q("marmoset"))).size());
    var today = OffsetDateTime.now(ZoneOffset.UTC).toLocalDate();
    var recent = found("chats", q("marmoset") + "&from=" + today.minusDays(20) + "&to=" + today);
    assertEquals(3, chatIds(recent).size());
    assertFalse(chatIds(recent).contains(old));
    assertEquals(
        List.of(old),
        chatIds(
            found(
                "chats",
                q("marmoset") + "&from=" + today.minusDays(60) + "&to=" + today.minusDays(30))));
    assertEquals(List.of(science), chatIds(found("chats", q("marmoset") + "&queue=" + scienceId)));
    assertEquals(
        List.of(science, tagged).stream().sorted().toList(),
        chatIds(found("chats", q("marmoset") + "&operator=" + benId)).stream().sorted().toList());
    var byTag = found("chats", q("marmoset") + "&tag=" + tagId);
    assertEquals(List.of(tagged), chatIds(byTag));
    assertEquals(
        new JsonArray().add("Zoology"),
        byTag.getJsonArray("results").getJsonObject(0).getJsonArray("tags"));
    var byRating = found("chats", q("marmoset") + "&rating=4");
    assertEquals(List.of(science), chatIds(byRating));
    var rating = byRating.getJsonArray("results").getJsonObject(0).getJsonObject("rating");
    assertEquals(4, rating.getInteger("score"));
    assertEquals("Nice", rating.getString("comment"));
    var byState = found("chats", q("marmoset") + "&state=missed");
    assertEquals(List.of(missed), chatIds(byState));
    assertNull(byState.getJsonArray("results").getJsonObject(0).getValue("operator"));
    // Without words, the filters alone: newest first, the question as the snippet.
    var tagOnly = found("chats", "tag=" + tagId);
    assertEquals(List.of(tagged), chatIds(tagOnly));
    assertEquals(
        "Marmoset field guides?",
        tagOnly
            .getJsonArray("results")
            .getJsonObject(0)
            .getJsonArray("snippet")
            .getJsonObject(0)
            .getString("text"));
  }

  @Test
  @DisplayName("results come 20 to a page, with the total and the number of pages")
  void paging() {
    gateway.query(
        """
        WITH made AS (
          INSERT INTO chats (library_id, queue_id, state, patron_name, question, last_seq, owner_id, created_at)
          SELECT $1, $2, 'active', 'Pat', 'Pangolin question number ' || n, 1, $3, now() - n * interval '1 hour'
            FROM generate_series(1, 45) n
          RETURNING id, question, created_at
        )
        INSERT INTO chat_events (chat_id, seq, library_id, type, sender_kind, sender_name, body, created_at)
        SELECT id, 1, $1, 'message', 'patron', 'Pat', question, created_at FROM made""",
        library,
        askId,
        aliceId);
    gateway.query(
        "UPDATE chats SET state = 'ended', ended_at = now() WHERE question LIKE 'Pangolin question%'");
    var first = found("chats", q("pangolin"));
    assertEquals(20, first.getJsonArray("results").size());
    assertEquals(45, first.getLong("total"));
    assertEquals(3, first.getInteger("pages"));
    var third = found("chats", q("pangolin") + "&page=3");
    assertEquals(5, third.getJsonArray("results").size());
    assertEquals(3, third.getInteger("page"));
    var seen = new ArrayList<Long>(chatIds(first));
    seen.addAll(chatIds(found("chats", q("pangolin") + "&page=2")));
    seen.addAll(chatIds(third));
    assertEquals(45, seen.stream().distinct().count(), "no chat on two pages");
    var past = found("chats", q("pangolin") + "&page=4");
    assertEquals(0, past.getJsonArray("results").size());
    assertEquals(45, past.getLong("total"));
    // Newest first without words: the newest of them is the first of the first page.
    var newest = found("chats", "queue=" + askId + "&operator=" + aliceId + "&state=ended");
    assertTrue(newest.getLong("total") >= 45);
  }

  @Test
  @DisplayName("a snippet is plain text in pieces: hits marked, a patron's <script> kept as words")
  void snippets() {
    long id =
        ended(
            askId,
            aliceId,
            1,
            "Is the quokka database down? It shows <script>alert('x')</script> and a < b",
            "The quokka database works again.");
    var result = found("chats", q("quokka")).getJsonArray("results").getJsonObject(0);
    assertEquals(id, result.getLong("chatId"));
    var text = new StringBuilder();
    boolean markedHit = false;
    for (var piece : result.getJsonArray("snippet")) {
      var p = (JsonObject) piece;
      text.append(p.getString("text"));
      if (p.getBoolean("hit")) {
        assertEquals("quokka", p.getString("text").toLowerCase());
        markedHit = true;
      }
      assertFalse(p.getString("text").contains("\u0002"), "no marker is left in the text");
    }
    assertTrue(markedHit, result::encode);
    assertTrue(text.toString().contains("<script>alert('x')</script> and a < b"), text::toString);
  }

  @Test
  @DisplayName("another library's chats and tickets are never found, whatever is asked")
  void otherLibrary() {
    long theirs =
        chat(
            riverside.libraryId(),
            riverside.queueId(),
            riverside.operatorId(),
            1,
            "ended",
            "Riverside wombat question",
            "Riverside answer");
    long ours = ended(askId, aliceId, 1, "Our wombat question", "Our answer");
    assertEquals(List.of(ours), chatIds(found("chats", q("wombat"))));
    assertEquals(List.of(), chatIds(found("chats", q("wombat") + "&queue=" + riverside.queueId())));
    var theirsFound = search("chats", q("wombat"), rosa);
    assertEquals(200, theirsFound.statusCode());
    assertEquals(List.of(theirs), chatIds(theirsFound.bodyAsJsonObject()));
    // The transcript a result opens: the library's operators may read it, the other library's not.
    assertEquals(200, gateway.get("/api/chats/" + ours + "/events?after=0", alice).statusCode());
    assertEquals(404, gateway.get("/api/chats/" + ours + "/events?after=0", rosa).statusCode());

    gateway.query(
        """
        INSERT INTO tickets (library_id, queue_id, subject, patron_email, created_by)
        VALUES ($1, $2, 'Riverside wombat ticket', 'p@example.org', $3)""",
        riverside.libraryId(),
        riverside.queueId(),
        riverside.operatorId());
    assertEquals(0, found("tickets", q("wombat")).getJsonArray("results").size());
    var rosaTickets = search("tickets", q("wombat"), rosa).bodyAsJsonObject();
    assertEquals(1, rosaTickets.getJsonArray("results").size());
  }

  @Test
  @DisplayName("the filters offer the library's own queues, operators and tags, no other's")
  void choices() {
    var choices = gateway.get("/api/search/choices", alice).bodyAsJsonObject();
    var queues =
        choices.getJsonArray("queues").stream().map(q -> ((JsonObject) q).getLong("id")).toList();
    assertTrue(queues.contains(askId) && queues.contains(scienceId), choices::encode);
    assertFalse(queues.contains(riverside.queueId()), choices::encode);
    var operators =
        choices.getJsonArray("operators").stream()
            .map(o -> ((JsonObject) o).getLong("id"))
            .toList();
    assertTrue(operators.contains(aliceId));
    assertFalse(operators.contains(riverside.operatorId()));
    assertEquals(401, gateway.get("/api/search/choices", null).statusCode());
  }

  @Test
  @DisplayName("searching needs a signed-in operator: no token or a patron's token is 401")
  void unauthenticated() {
    assertEquals(401, search("chats", q("maps"), null).statusCode());
    assertEquals(401, search("tickets", q("maps"), null).statusCode());
    var patron = gateway.startChat("ask", "Pat", "Where are the maps?").getString("token");
    assertEquals(401, search("chats", q("maps"), patron).statusCode());
    assertEquals(200, search("chats", q("maps"), alice).statusCode());
  }

  @Test
  @DisplayName("bad input is a clear 400: dates, pages, ratings, states, ids, a query too long")
  void badInput() {
    for (var bad :
        List.of(
            "from=2025-13-01",
            "from=yesterday",
            "to=2025-02-30",
            "from=2025-05-02&to=2025-05-01",
            "page=0",
            "page=51",
            "page=abc",
            "rating=6",
            "rating=x",
            "state=active",
            "queue=-1",
            "operator=alice",
            "tag=1.5",
            q("x".repeat(201)),
            q("!!! ???"),
            q("a b c d e f g h i j k l m"))) {
      var answer = search("chats", bad, alice);
      assertEquals(400, answer.statusCode(), bad);
      assertEquals(
          "invalid", answer.bodyAsJsonObject().getJsonObject("error").getString("code"), bad);
    }
    assertEquals(400, search("tickets", "status=lost", alice).statusCode());
    assertEquals(400, search("tickets", "assignee=someone", alice).statusCode());
    assertEquals(200, search("chats", q("x".repeat(200)), alice).statusCode());
  }

  @Test
  @DisplayName("a chat ended through the gateway is found by what was said in it, not before")
  void keptCurrent() {
    var started = gateway.startChat("ask", "Pat", "Where is the narwhal atlas?");
    long chatId = started.getLong("chatId");
    assertEquals(
        200, gateway.post("/api/chats/" + chatId + "/claim", new JsonObject(), alice).statusCode());
    try (var patron = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      var reply =
          patron.request(
              "chat.send",
              new JsonObject()
                  .put("chatId", chatId)
                  .put("text", "I also need the capybara map")
                  .put("clientMsgId", "c1"),
              started.getString("token"));
      assertEquals("rec", reply.getString("type"), reply::encode);
    }
    assertEquals(List.of(), chatIds(found("chats", q("capybara"))), "an open chat is not found");
    assertEquals(
        200, gateway.post("/api/chats/" + chatId + "/end", new JsonObject(), alice).statusCode());
    var results = found("chats", q("capybara narwhal"));
    assertEquals(List.of(chatId), chatIds(results));
    var result = results.getJsonArray("results").getJsonObject(0);
    assertEquals("ended", result.getString("state"));
    assertEquals(askId, result.getJsonObject("queue").getLong("id"));
    assertEquals(aliceId, result.getJsonObject("operator").getLong("id"));
    assertEquals("Pat", result.getString("patronName"));
  }

  @Test
  @DisplayName(
      "tickets are found by subject, replies and notes, and narrowed by status and assignee")
  void tickets() {
    var made =
        gateway.post(
            "/api/tickets",
            new JsonObject()
                .put("queueId", askId)
                .put("email", "patron@example.org")
                .put("subject", "Axolotl care books"),
            alice);
    assertEquals(201, made.statusCode(), made::bodyAsString);
    long ticketId = made.bodyAsJsonObject().getLong("id");
    var noted =
        gateway.post(
            "/api/tickets/" + ticketId + "/messages",
            new JsonObject().put("kind", "note").put("text", "Check the manatee folio first"),
            alice);
    assertEquals(201, noted.statusCode(), noted::bodyAsString);

    var byNote = found("tickets", q("manatee"));
    assertEquals(1, byNote.getJsonArray("results").size());
    var ticket = byNote.getJsonArray("results").getJsonObject(0);
    assertEquals(ticketId, ticket.getLong("ticketId"));
    assertEquals("Axolotl care books", ticket.getString("subject"));
    assertEquals("new", ticket.getString("status"));
    assertTrue(hits(ticket).contains("manatee"), ticket::encode);
    assertEquals(1, found("tickets", q("axolotl")).getJsonArray("results").size());
    assertEquals(1, found("tickets", q("axolotl") + "&status=new").getJsonArray("results").size());
    assertEquals(
        0, found("tickets", q("axolotl") + "&status=closed").getJsonArray("results").size());
    assertEquals(
        1, found("tickets", q("axolotl") + "&assignee=none").getJsonArray("results").size());
    assertEquals(
        0, found("tickets", q("axolotl") + "&assignee=" + aliceId).getJsonArray("results").size());
    assertEquals(
        1, found("tickets", q("axolotl") + "&queue=" + askId).getJsonArray("results").size());
    var today = OffsetDateTime.now(ZoneOffset.UTC).toLocalDate();
    assertEquals(
        0,
        found("tickets", q("axolotl") + "&to=" + today.minusDays(2))
            .getJsonArray("results")
            .size());
  }
}
