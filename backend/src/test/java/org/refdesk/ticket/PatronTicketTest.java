package org.refdesk.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.auth.SignedLinks;
import org.refdesk.support.TestGateway;

@DisplayName(
    "Patrons and tickets without an account: questions left offline, answers by signed link")
class PatronTicketTest {

  private static final Pattern LINK = Pattern.compile("/reply/\\?t=([A-Za-z0-9._-]+)");
  private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

  private static TestGateway gateway;
  private static GreenMail smtp;
  private static String alice;
  private static long askId;

  @BeforeAll
  static void start() {
    var port = TestGateway.freePort();
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    // Behind a trusted proxy each test is a patron of its own address, so the hourly limit on
    // questions from one address is one test's business.
    gateway =
        TestGateway.start(
            Map.of(
                "REFDESK_SMTP_URL", "smtp://127.0.0.1:" + port,
                "REFDESK_TIMER_TICK_MS", "200",
                "REFDESK_TRUSTED_PROXIES", "127.0.0.1"));
    alice = gateway.librarianToken("alice");
    askId = gateway.queueId("ask");
  }

  @AfterAll
  static void stop() {
    gateway.close();
    smtp.stop();
  }

  private static String newAddress() {
    return "192.0.2." + ADDRESSES.incrementAndGet();
  }

  private static HttpResponse<Buffer> ask(JsonObject body, String from) {
    return TestGateway.await(
        gateway
            .client()
            .post("/api/widget/tickets")
            .putHeader("X-Forwarded-For", from)
            .sendJsonObject(body));
  }

  private static JsonObject question(String email, String text) {
    return new JsonObject()
        .put("queue", "ask")
        .put("name", "Pat")
        .put("email", email)
        .put("question", text);
  }

  private static long tickets() {
    return gateway.count("SELECT count(*) FROM tickets");
  }

  private static long stored() {
    return gateway.count(
        "SELECT (SELECT count(*) FROM tickets) + (SELECT count(*) FROM ticket_messages)"
            + " + (SELECT count(*) FROM mail_outbox)");
  }

  private static MimeMessage mailTo(String email, int index) {
    var matching =
        java.util.Arrays.stream(smtp.getReceivedMessages())
            .filter(
                m -> {
                  try {
                    return m.getAllRecipients()[0].toString().equals(email);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                })
            .toList();
    return matching.size() > index ? matching.get(index) : null;
  }

  private static MimeMessage awaitMailTo(String email, int index) {
    gateway.eventually(
        "a mail to " + email + " arrives", () -> mailTo(email, index) != null, 10_000);
    return mailTo(email, index);
  }

  private static String partOf(MimeMessage mail, String type) throws Exception {
    var content = mail.getContent();
    if (content instanceof MimeMultipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        var part = multipart.getBodyPart(i);
        if (part.isMimeType(type)) {
          return part.getContent().toString();
        }
      }
    }
    throw new AssertionError("no " + type + " part");
  }

  private static String linkIn(MimeMessage mail) throws Exception {
    var matcher = LINK.matcher(partOf(mail, "text/plain"));
    assertTrue(matcher.find(), "the mail carries a reply link");
    return matcher.group(1);
  }

  private static String errorCode(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getJsonObject("error").getString("code");
  }

  /** Leaves a question and answers the ticket's id and the link from its receipt. */
  private static long leaveQuestion(String email) {
    var asked = ask(question(email, "Do you have the 1850 county map?"), newAddress());
    assertEquals(201, asked.statusCode(), asked::bodyAsString);
    return asked.bodyAsJsonObject().getLong("ticketId");
  }

  private static HttpResponse<Buffer> thread(String token) {
    return gateway.get("/api/reply", token);
  }

  private static HttpResponse<Buffer> replyWith(String token, String text) {
    return gateway.post("/api/reply/messages", new JsonObject().put("text", text), token);
  }

  @Test
  @DisplayName(
      "a question left while nobody is online is a ticket in that queue with a receipt, the patron's"
          + " words escaped")
  void offlineQuestion() throws Exception {
    var email = "offline-" + System.nanoTime() + "@example.org";
    var body =
        question(email, "Where is <script>alert('q')</script> the atlas?")
            .put("name", "Pat <script>alert('n')</script>")
            .put("fields", new JsonObject().put("Library card number", "12 <b>34</b>"));
    var asked = ask(body, newAddress());
    assertEquals(201, asked.statusCode(), asked::bodyAsString);
    assertEquals(email, asked.bodyAsJsonObject().getString("email"));
    long id = asked.bodyAsJsonObject().getLong("ticketId");

    var ticket = gateway.get("/api/tickets/" + id, alice).bodyAsJsonObject();
    assertEquals(askId, ticket.getLong("queueId"));
    assertEquals("new", ticket.getString("status"));
    assertEquals(email, ticket.getString("email"));
    var first = ticket.getJsonArray("messages").getJsonObject(0);
    assertEquals("from_patron", first.getString("kind"));
    assertNull(first.getValue("author"));
    assertTrue(first.getString("text").startsWith("Where is <script>"), first.getString("text"));
    assertTrue(first.getString("text").contains("Library card number: 12 <b>34</b>"));
    assertTrue(first.getString("text").contains("Name: Pat <script>"));
    var listed = gateway.get("/api/tickets?queue=" + askId, alice).bodyAsString();
    assertTrue(listed.contains("\"id\":" + id), "the library's list shows it");

    var receipt = awaitMailTo(email, 0);
    assertTrue(receipt.getSubject().contains("Demo Library"), receipt.getSubject());
    assertTrue(receipt.getSubject().contains("#" + id), receipt.getSubject());
    var html = partOf(receipt, "text/html");
    assertFalse(html.contains("<script>"), html);
    assertFalse(html.contains("<b>34"), html);
    assertTrue(html.contains("Pat &lt;script&gt;alert("), html);
    assertTrue(html.contains("Where is &lt;script&gt;alert("), html);
    assertTrue(html.contains("We answer within one working day."), "the default answer time");
    assertTrue(partOf(receipt, "text/plain").contains("Where is <script>alert('q')</script>"));
    linkIn(receipt);
  }

  @Test
  @DisplayName("the queue description shows the form: the library's fields and its answer time")
  void described() {
    var queue = gateway.get("/api/widget/queues/ask", null).bodyAsJsonObject();
    var offline = queue.getJsonObject("offline");
    assertNull(
        offline.getValue("answerTime"), "the widget's own words until the library sets some");
    var field = offline.getJsonArray("fields").getJsonObject(0);
    assertEquals("Library card number", field.getString("label"));
    assertFalse(field.getBoolean("required"));
    assertEquals(20, field.getInteger("maxChars"));
    assertEquals(5, queue.getJsonObject("limits").getInteger("questionsPerHour"));
  }

  @Test
  @DisplayName(
      "bad questions are refused with every wrong field named, and nothing is stored or mailed")
  void refused() {
    var before = stored();
    var from = newAddress();
    var noEmail = ask(question(null, " ").put("name", "x".repeat(81)), from);
    assertEquals(400, noEmail.statusCode(), noEmail::bodyAsString);
    assertEquals("invalid", errorCode(noEmail));
    var fields = noEmail.bodyAsJsonObject().getJsonObject("error").getJsonObject("fields");
    assertEquals(java.util.Set.of("name", "email", "question"), fields.fieldNames());

    var badEmail = ask(question("not-an-address", "Maps?"), from);
    assertEquals(400, badEmail.statusCode());
    assertTrue(
        badEmail
            .bodyAsJsonObject()
            .getJsonObject("error")
            .getJsonObject("fields")
            .containsKey("email"));
    var longField =
        ask(
            question("pat@example.org", "Maps?")
                .put("fields", new JsonObject().put("Library card number", "1".repeat(21))),
            from);
    assertEquals(400, longField.statusCode());
    assertTrue(
        longField
            .bodyAsJsonObject()
            .getJsonObject("error")
            .getJsonObject("fields")
            .containsKey("fields.Library card number"));
    assertEquals(400, ask(question("pat@example.org", "x".repeat(4001)), from).statusCode());
    assertEquals(400, ask(question("pat@example.org", "Maps\u0000?"), from).statusCode());
    assertEquals(
        404, ask(question("pat@example.org", "Maps?").put("queue", "nope"), from).statusCode());
    var foreign =
        TestGateway.await(
            gateway
                .client()
                .post("/api/widget/tickets")
                .putHeader("Origin", "https://elsewhere.example")
                .sendJsonObject(question("pat@example.org", "Maps?")));
    assertEquals(403, foreign.statusCode());
    assertEquals("origin_not_allowed", errorCode(foreign));
    assertEquals(before, stored(), "nothing stored, nothing queued");
  }

  @Test
  @DisplayName("a required field of the library's own is needed; the library's answer time is used")
  void requiredFieldAndAnswerTime() throws Exception {
    var admin = gateway.adminToken();
    var settings =
        new JsonObject()
            .put("offlineAnswerTime", "We answer by Monday.")
            .put(
                "offlineFields",
                new io.vertx.core.json.JsonArray()
                    .add(
                        new JsonObject()
                            .put("label", "Campus")
                            .put("required", true)
                            .put("maxChars", 30)));
    try {
      var put =
          TestGateway.await(
              gateway
                  .client()
                  .put("/api/admin/library/settings")
                  .bearerTokenAuthentication(admin)
                  .sendJsonObject(settings));
      assertEquals(200, put.statusCode(), put::bodyAsString);
      var badSetting =
          TestGateway.await(
              gateway
                  .client()
                  .put("/api/admin/library/settings")
                  .bearerTokenAuthentication(admin)
                  .sendJsonObject(
                      new JsonObject()
                          .put(
                              "offlineFields",
                              new io.vertx.core.json.JsonArray()
                                  .add(new JsonObject().put("label", " ")))));
      assertEquals(400, badSetting.statusCode());
      var before = tickets();
      var from = newAddress();
      var missing = ask(question("campus@example.org", "Maps?"), from);
      assertEquals(400, missing.statusCode());
      assertTrue(
          missing
              .bodyAsJsonObject()
              .getJsonObject("error")
              .getJsonObject("fields")
              .containsKey("fields.Campus"));
      assertEquals(before, tickets());
      var email = "campus-" + System.nanoTime() + "@example.org";
      var asked =
          ask(
              question(email, "Maps?").put("fields", new JsonObject().put("Campus", "North")),
              from);
      assertEquals(201, asked.statusCode(), asked::bodyAsString);
      assertTrue(partOf(awaitMailTo(email, 0), "text/plain").contains("We answer by Monday."));
    } finally {
      var reset =
          new JsonObject()
              .putNull("offlineAnswerTime")
              .put(
                  "offlineFields",
                  new io.vertx.core.json.JsonArray()
                      .add(
                          new JsonObject()
                              .put("label", "Library card number")
                              .put("required", false)
                              .put("maxChars", 20)));
      TestGateway.await(
          gateway
              .client()
              .put("/api/admin/library/settings")
              .bearerTokenAuthentication(admin)
              .sendJsonObject(reset));
    }
  }

  @Test
  @DisplayName("the sixth question from one address in an hour is refused with 429 and not stored")
  void rateLimited() {
    var from = newAddress();
    for (int i = 1; i <= 5; i++) {
      var asked = ask(question("many@example.org", "Question " + i), from);
      assertEquals(201, asked.statusCode(), asked::bodyAsString);
    }
    var before = stored();
    var refused = ask(question("many@example.org", "Question 6"), from);
    assertEquals(429, refused.statusCode(), refused::bodyAsString);
    assertEquals("rate_limited", errorCode(refused));
    assertTrue(refused.bodyAsString().contains("5 questions"), refused::bodyAsString);
    assertEquals(before, stored(), "nothing stored");
    assertEquals(
        201, ask(question("many@example.org", "From elsewhere"), newAddress()).statusCode());
  }

  @Test
  @DisplayName(
      "a reply's link shows the patron the thread without notes and takes their answer, which opens"
          + " the ticket")
  void replyLink() throws Exception {
    var email = "thread-" + System.nanoTime() + "@example.org";
    long id = leaveQuestion(email);
    var note =
        gateway.post(
            "/api/tickets/" + id + "/messages",
            new JsonObject().put("kind", "note").put("text", "Staff only: check the map room"),
            alice);
    assertEquals(201, note.statusCode());
    var replied =
        gateway.post(
            "/api/tickets/" + id + "/messages",
            new JsonObject().put("kind", "reply").put("text", "We have it in the map room."),
            alice);
    assertEquals(201, replied.statusCode(), replied::bodyAsString);
    assertEquals("pending", replied.bodyAsJsonObject().getString("status"));
    var reply = awaitMailTo(email, 1);
    var token = linkIn(reply);
    assertTrue(partOf(reply, "text/html").contains("/reply/?t="), "the HTML part links too");

    var shown = thread(token);
    assertEquals(200, shown.statusCode(), shown::bodyAsString);
    var body = shown.bodyAsJsonObject();
    assertEquals(id, body.getJsonObject("ticket").getLong("id"));
    assertEquals("Demo Library", body.getJsonObject("ticket").getString("library"));
    assertEquals(2, body.getJsonArray("messages").size(), body.encode());
    assertFalse(body.encode().contains("Staff only"), "never a note");
    assertEquals("library", body.getJsonArray("messages").getJsonObject(1).getString("from"));

    var answered = replyWith(token, "Thank you! Can I see it on Saturday?");
    assertEquals(201, answered.statusCode(), answered::bodyAsString);
    assertEquals(3, answered.bodyAsJsonObject().getJsonArray("messages").size());
    var ticket = gateway.get("/api/tickets/" + id, alice).bodyAsJsonObject();
    assertEquals("open", ticket.getString("status"));
    var last = ticket.getJsonArray("messages").getJsonObject(3);
    assertEquals("from_patron", last.getString("kind"));
    assertEquals("Thank you! Can I see it on Saturday?", last.getString("text"));
    assertTrue(ticket.getJsonArray("history").encode().contains("patron_replied"));
  }

  @Test
  @DisplayName(
      "an answer sent twice through the link is kept once, and a link that floods its ticket is"
          + " held back with nothing stored")
  void replyLinkRepeatsAndFloods() throws Exception {
    var email = "flood-" + System.nanoTime() + "@example.org";
    long id = leaveQuestion(email);
    var replied =
        gateway.post(
            "/api/tickets/" + id + "/messages",
            new JsonObject().put("kind", "reply").put("text", "Which edition?"),
            alice);
    assertEquals(201, replied.statusCode(), replied::bodyAsString);
    var token = linkIn(awaitMailTo(email, 1));
    String patronMessages =
        "SELECT count(*) FROM ticket_messages WHERE ticket_id = "
            + id
            + " AND kind = 'from_patron'";

    assertEquals(201, replyWith(token, "The 1850 one, please.").statusCode());
    assertEquals(201, replyWith(token, "The 1850 one, please.").statusCode(), "a repeat answers");
    assertEquals(2, gateway.count(patronMessages), "the question and one answer, not two");

    // The question counts as the first message of the hour.
    for (int i = 2; i < 10; i++) {
      assertEquals(201, replyWith(token, "Another thought, number " + i).statusCode());
    }
    assertEquals(10, gateway.count(patronMessages));
    var flooded = replyWith(token, "One more");
    assertEquals(429, flooded.statusCode(), flooded::bodyAsString);
    assertEquals("rate_limited", errorCode(flooded));
    assertEquals(10, gateway.count(patronMessages), "nothing stored when held back");
  }

  @Test
  @DisplayName("a tampered, expired or other ticket's link is refused, and nothing is stored")
  void badLinks() throws Exception {
    var email = "links-" + System.nanoTime() + "@example.org";
    long id = leaveQuestion(email);
    long other = leaveQuestion("links-other-" + System.nanoTime() + "@example.org");
    var token = linkIn(awaitMailTo(email, 0));
    var messages = gateway.count("SELECT count(*) FROM ticket_messages");

    var parts = token.split("\\.");
    var otherTicket = other + "." + parts[1] + "." + parts[2] + "." + parts[3];
    var laterExpiry =
        parts[0] + "." + parts[1] + "." + (Long.parseLong(parts[2]) + 86_400) + "." + parts[3];
    var flipped = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
    for (var bad : new String[] {otherTicket, laterExpiry, flipped, "nonsense"}) {
      var read = thread(bad);
      assertEquals(401, read.statusCode(), bad);
      assertEquals("unauthorized", errorCode(read));
      assertTrue(read.bodyAsString().contains("not valid"), read::bodyAsString);
      assertEquals(401, replyWith(bad, "Let me in").statusCode(), bad);
    }
    assertEquals(401, replyWith(null, "Let me in").statusCode());

    var key =
        gateway
            .query("SELECT value FROM gateway_secrets WHERE name = 'jwt-signing-key'")
            .get(0)
            .getString(0);
    long library = gateway.demoLibraryId();
    var expired = new SignedLinks(key).issue(id, library, Instant.now().minusSeconds(1));
    var gone = thread(expired);
    assertEquals(410, gone.statusCode(), gone::bodyAsString);
    assertEquals("link_expired", errorCode(gone));
    assertEquals(410, replyWith(expired, "Still there?").statusCode());
    var otherLibrary = new SignedLinks(key).issue(id, library + 1000);
    assertEquals(404, thread(otherLibrary).statusCode(), "a ticket is read only with its library");
    assertEquals(404, replyWith(otherLibrary, "Hello").statusCode());

    assertEquals(400, replyWith(token, " ").statusCode());
    assertEquals(400, replyWith(token, "x".repeat(4001)).statusCode());
    assertEquals(messages, gateway.count("SELECT count(*) FROM ticket_messages"), "nothing stored");
    assertEquals(
        "new", gateway.get("/api/tickets/" + other, alice).bodyAsJsonObject().getString("status"));
    var genuine = new SignedLinks(key).issue(id, library);
    assertEquals(200, thread(genuine).statusCode(), "a link signed with the key is good");
  }
}
