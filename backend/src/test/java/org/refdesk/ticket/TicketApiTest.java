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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.SecondLibrary;
import org.refdesk.support.TestGateway;

@DisplayName("Tickets: the library's operators make, find, answer and close them; nobody else can")
class TicketApiTest {

  private static TestGateway gateway;
  private static GreenMail smtp;
  private static String alice;
  private static long aliceId;
  private static long benId;
  private static long askId;
  private static SecondLibrary riverside;
  private static String rosa;

  @BeforeAll
  static void start() {
    var port = TestGateway.freePort();
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    gateway =
        TestGateway.start(
            Map.of("REFDESK_SMTP_URL", "smtp://127.0.0.1:" + port, "REFDESK_TIMER_TICK_MS", "200"));
    alice = gateway.librarianToken("alice");
    aliceId = operatorId("alice");
    benId = operatorId("ben");
    askId = gateway.queueId("ask");
    riverside = SecondLibrary.create(gateway);
    rosa = riverside.token(gateway);
  }

  @AfterAll
  static void stop() {
    gateway.close();
    smtp.stop();
  }

  private static long operatorId(String username) {
    return gateway
        .query("SELECT id FROM operators WHERE username = $1", username)
        .get(0)
        .getLong(0);
  }

  private static long tickets() {
    return gateway.count("SELECT count(*) FROM tickets");
  }

  private static JsonObject ticketBody(String subject) {
    return new JsonObject()
        .put("queueId", askId)
        .put("email", "patron@example.org")
        .put("subject", subject);
  }

  private static JsonObject newTicket(String subject) {
    var response = gateway.post("/api/tickets", ticketBody(subject), alice);
    assertEquals(201, response.statusCode(), response::bodyAsString);
    return response.bodyAsJsonObject();
  }

  /**
   * Replies on a ticket of its own and waits until that mail, the {@code total}-th, has arrived.
   */
  private static void markerReplySent(int total) {
    long marker = newTicket("Marker").getLong("id");
    var replied =
        gateway.post(
            "/api/tickets/" + marker + "/messages",
            new JsonObject().put("kind", "reply").put("text", "Marker"),
            alice);
    assertEquals(201, replied.statusCode(), replied::bodyAsString);
    assertTrue(smtp.waitForIncomingEmail(10_000, total), "the marker reply arrives");
  }

  private static String errorCode(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getJsonObject("error").getString("code");
  }

  private static String patronToken() {
    return gateway.startChat("ask", "Pat", "Where are the maps?").getString("token");
  }

  @Test
  @DisplayName("an operator makes a ticket in a queue of the library; it is new, with its history")
  void create() {
    var ticket = newTicket("Maps of the county, 1850");
    assertEquals("new", ticket.getString("status"));
    assertEquals(askId, ticket.getLong("queueId"));
    assertEquals("patron@example.org", ticket.getString("email"));
    assertNull(ticket.getValue("assignee"));
    assertEquals("created", ticket.getJsonArray("history").getJsonObject(0).getString("action"));
    assertEquals(
        aliceId, ticket.getJsonArray("history").getJsonObject(0).getJsonObject("by").getLong("id"));
  }

  @Test
  @DisplayName("making a ticket is refused without a token, with a patron's, or with bad input")
  void createRefused() {
    var before = tickets();
    assertEquals(401, gateway.post("/api/tickets", ticketBody("x"), null).statusCode());
    assertEquals(401, gateway.post("/api/tickets", ticketBody("x"), patronToken()).statusCode());

    var otherQueue = ticketBody("x").put("queueId", riverside.queueId());
    var refused = gateway.post("/api/tickets", otherQueue, alice);
    assertEquals(400, refused.statusCode());
    assertEquals("invalid", errorCode(refused));
    assertTrue(refused.bodyAsString().contains("queueId"));

    assertEquals(
        400,
        gateway.post("/api/tickets", ticketBody("x").put("email", "nope"), alice).statusCode());
    assertEquals(
        400, gateway.post("/api/tickets", ticketBody("x").putNull("subject"), alice).statusCode());
    assertEquals(
        400,
        gateway.post("/api/tickets", ticketBody("x").put("queueId", "ask"), alice).statusCode());
    assertEquals(
        400, gateway.post("/api/tickets", ticketBody("x".repeat(201)), alice).statusCode());
    assertEquals(before, tickets(), "nothing was stored");
  }

  @Test
  @DisplayName("a ticket from a chat takes its queue, e-mail and question, and needs an e-mail")
  void fromChat() {
    var chat = gateway.startChat("ask", "Pat", "Do you have the 1850 county map?");
    long chatId = chat.getLong("chatId");
    var before = tickets();

    var noEmail = gateway.post("/api/tickets", new JsonObject().put("chatId", chatId), alice);
    assertEquals(409, noEmail.statusCode(), noEmail::bodyAsString);
    assertEquals("email_required", errorCode(noEmail));
    assertTrue(noEmail.bodyAsString().contains("e-mail"));
    var foreign = gateway.post("/api/tickets", new JsonObject().put("chatId", chatId), rosa);
    assertEquals(404, foreign.statusCode(), "another library's chat does not exist for it");
    assertEquals(before, tickets());

    var recorded =
        gateway.post(
            "/api/chats/" + chatId + "/email",
            new JsonObject().put("email", "pat@example.org"),
            alice);
    assertEquals(200, recorded.statusCode(), recorded::bodyAsString);
    var made = gateway.post("/api/tickets", new JsonObject().put("chatId", chatId), alice);
    assertEquals(201, made.statusCode(), made::bodyAsString);
    var ticket = made.bodyAsJsonObject();
    assertEquals(chatId, ticket.getLong("chatId"));
    assertEquals(askId, ticket.getLong("queueId"));
    assertEquals("pat@example.org", ticket.getString("email"));
    assertEquals("Do you have the 1850 county map?", ticket.getString("subject"));
  }

  @Test
  @DisplayName("the list filters by status, queue and assignee, pages, and shows no other library")
  void list() {
    var mine = newTicket("Listed: mine").getLong("id");
    var nobodys = newTicket("Listed: nobody's").getLong("id");
    assertEquals(
        200,
        gateway
            .post(
                "/api/tickets/" + mine + "/assign",
                new JsonObject().put("operatorId", aliceId),
                alice)
            .statusCode());

    var assignedToMe = gateway.get("/api/tickets?assignee=me", alice).bodyAsJsonObject();
    assertTrue(ids(assignedToMe).contains(mine));
    assertFalse(ids(assignedToMe).contains(nobodys));
    var byId = gateway.get("/api/tickets?assignee=" + aliceId, alice).bodyAsJsonObject();
    assertEquals(ids(assignedToMe), ids(byId));
    var unassigned = gateway.get("/api/tickets?assignee=none", alice).bodyAsJsonObject();
    assertTrue(ids(unassigned).contains(nobodys));
    assertFalse(ids(unassigned).contains(mine));
    var open = gateway.get("/api/tickets?status=open&queue=" + askId, alice).bodyAsJsonObject();
    assertTrue(ids(open).contains(mine));
    assertFalse(ids(open).contains(nobodys));
    var firstPage = gateway.get("/api/tickets?limit=1", alice).bodyAsJsonObject();
    var secondPage = gateway.get("/api/tickets?limit=1&offset=1", alice).bodyAsJsonObject();
    assertEquals(1, firstPage.getJsonArray("tickets").size());
    assertEquals(1, secondPage.getJsonArray("tickets").size());
    assertFalse(ids(firstPage).equals(ids(secondPage)));

    assertEquals(
        0, gateway.get("/api/tickets", rosa).bodyAsJsonObject().getJsonArray("tickets").size());
    assertEquals(401, gateway.get("/api/tickets", null).statusCode());
    assertEquals(401, gateway.get("/api/tickets", patronToken()).statusCode());
    for (var bad :
        new String[] {
          "status=done", "assignee=someone", "queue=x", "limit=0", "limit=201", "offset=-1"
        }) {
      var refused = gateway.get("/api/tickets?" + bad, alice);
      assertEquals(400, refused.statusCode(), bad);
      assertEquals("invalid", errorCode(refused), bad);
    }
  }

  private static List<Long> ids(JsonObject page) {
    return page.getJsonArray("tickets").stream().map(t -> ((JsonObject) t).getLong("id")).toList();
  }

  @Test
  @DisplayName("a ticket is shown to its library's operators only")
  void view() {
    var id = newTicket("Shown").getLong("id");
    var shown = gateway.get("/api/tickets/" + id, alice);
    assertEquals(200, shown.statusCode());
    assertEquals("Shown", shown.bodyAsJsonObject().getString("subject"));
    assertEquals(0, shown.bodyAsJsonObject().getJsonArray("messages").size());
    assertEquals(404, gateway.get("/api/tickets/" + id, rosa).statusCode());
    assertEquals(401, gateway.get("/api/tickets/" + id, null).statusCode());
    assertEquals(401, gateway.get("/api/tickets/" + id, patronToken()).statusCode());
    assertEquals(404, gateway.get("/api/tickets/999999", alice).statusCode());
    assertEquals(404, gateway.get("/api/tickets/abc", alice).statusCode());
  }

  @Test
  @DisplayName("a reply arrives once, to the patron, with the user's text escaped in the HTML")
  void reply() throws Exception {
    var ticket = newTicket("Maps <b>bold</b>");
    long id = ticket.getLong("id");
    var before = smtp.getReceivedMessages().length;
    var text = "Here is the map: <script>alert('x')</script> & more";

    var answered =
        gateway.post(
            "/api/tickets/" + id + "/messages",
            new JsonObject().put("kind", "reply").put("text", text),
            alice);
    assertEquals(201, answered.statusCode(), answered::bodyAsString);
    assertEquals("pending", answered.bodyAsJsonObject().getString("status"));

    assertTrue(smtp.waitForIncomingEmail(10_000, before + 1), "the reply arrives");
    gateway.eventually(
        "the reply's mail shows as sent",
        () ->
            gateway
                .get("/api/tickets/" + id, alice)
                .bodyAsJsonObject()
                .getJsonArray("messages")
                .getJsonObject(0)
                .getJsonObject("mail")
                .getString("status")
                .equals("sent"),
        5_000);
    MimeMessage mail = smtp.getReceivedMessages()[before];
    // A reply queued after it goes out on a later pass of the outbox: by then a second copy would
    // have.
    markerReplySent(before + 2);
    var all = smtp.getReceivedMessages();
    assertEquals(before + 1, all.length - 1, "exactly once");
    assertEquals("patron@example.org", mail.getAllRecipients()[0].toString());
    assertEquals("Re: Maps <b>bold</b> [#" + id + "]", mail.getSubject());
    var html = htmlOf(mail);
    assertTrue(html.contains("&lt;script&gt;alert("), html);
    assertFalse(html.contains("<script>"), html);
    assertTrue(html.contains("&amp; more"), html);
    assertTrue(textOf(mail).contains(text), "the plain text is the text as written");

    var shown = gateway.get("/api/tickets/" + id, alice).bodyAsJsonObject();
    var message = shown.getJsonArray("messages").getJsonObject(0);
    assertEquals("to_patron", message.getString("kind"));
    assertEquals(text, message.getString("text"));
  }

  private static String htmlOf(MimeMessage mail) throws Exception {
    return partOf(mail, "text/html");
  }

  private static String textOf(MimeMessage mail) throws Exception {
    return partOf(mail, "text/plain");
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

  @Test
  @DisplayName("an internal note is kept on the ticket and never mailed")
  void note() throws Exception {
    long id = newTicket("Noted").getLong("id");
    var mails = gateway.count("SELECT count(*) FROM mail_outbox");
    var received = smtp.getReceivedMessages().length;
    var noted =
        gateway.post(
            "/api/tickets/" + id + "/messages",
            new JsonObject().put("kind", "note").put("text", "Ask the map room first"),
            alice);
    assertEquals(201, noted.statusCode(), noted::bodyAsString);
    var message = noted.bodyAsJsonObject().getJsonArray("messages").getJsonObject(0);
    assertEquals("note", message.getString("kind"));
    assertNull(message.getValue("mail"));
    assertEquals("new", noted.bodyAsJsonObject().getString("status"));
    // The outbox has made a pass after the note once a reply queued after it is sent.
    markerReplySent(received + 1);
    assertEquals(mails, gateway.count("SELECT count(*) FROM mail_outbox") - 1, "no mail queued");
    assertEquals(received, smtp.getReceivedMessages().length - 1, "no mail sent");
  }

  @Test
  @DisplayName(
      "a message is refused for bad input, another library, or no operator; nothing stored")
  void messageRefused() {
    long id = newTicket("Refused messages").getLong("id");
    var path = "/api/tickets/" + id + "/messages";
    var reply = new JsonObject().put("kind", "reply").put("text", "hello");
    var messages = gateway.count("SELECT count(*) FROM ticket_messages");
    var mails = gateway.count("SELECT count(*) FROM mail_outbox");
    assertEquals(400, gateway.post(path, reply.copy().put("kind", "shout"), alice).statusCode());
    assertEquals(400, gateway.post(path, reply.copy().put("text", "  "), alice).statusCode());
    assertEquals(
        400, gateway.post(path, reply.copy().put("text", "x".repeat(20_001)), alice).statusCode());
    assertEquals(400, gateway.post(path, reply.copy().put("text", 5), alice).statusCode());
    assertEquals(404, gateway.post(path, reply, rosa).statusCode());
    assertEquals(401, gateway.post(path, reply, null).statusCode());
    assertEquals(401, gateway.post(path, reply, patronToken()).statusCode());
    assertEquals(messages, gateway.count("SELECT count(*) FROM ticket_messages"));
    assertEquals(mails, gateway.count("SELECT count(*) FROM mail_outbox"));
  }

  @Test
  @DisplayName("a ticket is assigned, reassigned and unassigned among the library's operators")
  void assign() {
    long id = newTicket("Assigned").getLong("id");
    var path = "/api/tickets/" + id + "/assign";
    var toAlice = gateway.post(path, new JsonObject().put("operatorId", aliceId), alice);
    assertEquals(200, toAlice.statusCode(), toAlice::bodyAsString);
    assertEquals(aliceId, toAlice.bodyAsJsonObject().getJsonObject("assignee").getLong("id"));
    assertEquals("open", toAlice.bodyAsJsonObject().getString("status"));
    var toBen = gateway.post(path, new JsonObject().put("operatorId", benId), alice);
    assertEquals(benId, toBen.bodyAsJsonObject().getJsonObject("assignee").getLong("id"));
    var nobody = gateway.post(path, new JsonObject().putNull("operatorId"), alice);
    assertEquals(200, nobody.statusCode());
    assertNull(nobody.bodyAsJsonObject().getValue("assignee"));
    var history = nobody.bodyAsJsonObject().getJsonArray("history");
    assertEquals(
        3,
        history.stream()
            .filter(h -> ((JsonObject) h).getString("action").equals("assigned"))
            .count());

    assertEquals(
        400,
        gateway
            .post(path, new JsonObject().put("operatorId", riverside.operatorId()), alice)
            .statusCode());
    assertEquals(400, gateway.post(path, new JsonObject(), alice).statusCode());
    assertEquals(
        400, gateway.post(path, new JsonObject().put("operatorId", "ben"), alice).statusCode());
    assertEquals(
        404,
        gateway
            .post(path, new JsonObject().put("operatorId", riverside.operatorId()), rosa)
            .statusCode());
    assertEquals(
        401, gateway.post(path, new JsonObject().put("operatorId", aliceId), null).statusCode());
    assertEquals(
        401,
        gateway
            .post(path, new JsonObject().put("operatorId", aliceId), patronToken())
            .statusCode());
    assertNull(gateway.get("/api/tickets/" + id, alice).bodyAsJsonObject().getValue("assignee"));
  }

  @Test
  @DisplayName("a ticket's status changes; a closed ticket takes no reply until it is open again")
  void status() {
    long id = newTicket("Closed").getLong("id");
    var path = "/api/tickets/" + id + "/status";
    var closed = gateway.post(path, new JsonObject().put("status", "closed"), alice);
    assertEquals(200, closed.statusCode(), closed::bodyAsString);
    assertEquals("closed", closed.bodyAsJsonObject().getString("status"));
    var mails = gateway.count("SELECT count(*) FROM mail_outbox");
    var reply =
        gateway.post(
            "/api/tickets/" + id + "/messages",
            new JsonObject().put("kind", "reply").put("text", "late"),
            alice);
    assertEquals(409, reply.statusCode());
    assertEquals(mails, gateway.count("SELECT count(*) FROM mail_outbox"));

    assertEquals(
        400, gateway.post(path, new JsonObject().put("status", "done"), alice).statusCode());
    assertEquals(
        404, gateway.post(path, new JsonObject().put("status", "open"), rosa).statusCode());
    assertEquals(
        401, gateway.post(path, new JsonObject().put("status", "open"), null).statusCode());
    assertEquals(
        401,
        gateway.post(path, new JsonObject().put("status", "open"), patronToken()).statusCode());
    assertEquals(
        "closed", gateway.get("/api/tickets/" + id, alice).bodyAsJsonObject().getString("status"));

    var reopened = gateway.post(path, new JsonObject().put("status", "open"), alice);
    assertEquals("open", reopened.bodyAsJsonObject().getString("status"));
    var changes =
        reopened.bodyAsJsonObject().getJsonArray("history").stream()
            .map(h -> (JsonObject) h)
            .filter(h -> h.getString("action").equals("status"))
            .map(h -> h.getJsonObject("detail").getString("to"))
            .toList();
    assertEquals(List.of("closed", "open"), changes);
  }
}
