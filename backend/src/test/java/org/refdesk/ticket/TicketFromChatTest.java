package org.refdesk.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.SecondLibrary;
import org.refdesk.support.TestGateway;

@DisplayName(
    "A chat becomes its follow-up ticket once, with its transcript, and only with an e-mail")
class TicketFromChatTest {

  private static TestGateway gateway;
  private static GreenMail smtp;
  private static String alice;
  private static SecondLibrary riverside;
  private static String rosa;

  @BeforeAll
  static void start() {
    var port = TestGateway.freePort();
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    // A patron without an open widget is missed after a second: the missed chats come quickly.
    gateway =
        TestGateway.start(
            Map.of(
                "REFDESK_SMTP_URL",
                "smtp://127.0.0.1:" + port,
                "REFDESK_TIMER_TICK_MS",
                "200",
                "REFDESK_PATRON_GRACE_SECONDS",
                "1"));
    alice = gateway.librarianToken("alice");
    riverside = SecondLibrary.create(gateway);
    rosa = riverside.token(gateway);
  }

  @AfterAll
  static void stop() {
    gateway.close();
    smtp.stop();
  }

  private static HttpResponse<Buffer> makeTicket(long chatId, JsonObject body, String token) {
    return gateway.post("/api/chats/" + chatId + "/ticket", body, token);
  }

  private static long ticketsOf(long chatId) {
    return gateway.count("SELECT count(*) FROM tickets WHERE chat_id = $1", chatId);
  }

  private static String errorCode(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getJsonObject("error").getString("code");
  }

  private static void recordEmail(long chatId, String email) {
    var recorded =
        gateway.post(
            "/api/chats/" + chatId + "/email", new JsonObject().put("email", email), alice);
    assertEquals(200, recorded.statusCode(), recorded::bodyAsString);
  }

  private static String state(long chatId) {
    return gateway.query("SELECT state FROM chats WHERE id = $1", chatId).get(0).getString(0);
  }

  @Test
  @DisplayName(
      "without an e-mail it is refused with email_required and nothing is stored; with one it is made")
  void needsAnEmail() {
    long chatId =
        gateway.startChat("ask", "Pat", "Do you have the 1850 county map?").getLong("chatId");
    long messagesBefore = gateway.count("SELECT count(*) FROM ticket_messages");
    var refused = makeTicket(chatId, new JsonObject(), alice);
    assertEquals(409, refused.statusCode(), refused::bodyAsString);
    assertEquals("email_required", errorCode(refused));
    assertEquals(0, ticketsOf(chatId));
    assertEquals(
        messagesBefore,
        gateway.count("SELECT count(*) FROM ticket_messages"),
        "no transcript either");

    recordEmail(chatId, "pat@example.org");
    var made = makeTicket(chatId, new JsonObject().put("note", "Ask the map room."), alice);
    assertEquals(201, made.statusCode(), made::bodyAsString);
    var ticket = made.bodyAsJsonObject();
    assertEquals(chatId, ticket.getLong("chatId"));
    assertEquals("pat@example.org", ticket.getString("email"));
    assertEquals("Do you have the 1850 county map?", ticket.getString("subject"));
    assertEquals("new", ticket.getString("status"));
    var messages = ticket.getJsonArray("messages");
    assertEquals(2, messages.size(), messages::encode);
    var transcript = messages.getJsonObject(0);
    assertEquals("transcript", transcript.getString("kind"));
    assertNull(transcript.getValue("author"));
    assertNull(transcript.getValue("mail"), "a transcript is never mailed");
    assertTrue(
        transcript.getString("text").contains("Pat: Do you have the 1850 county map?"),
        transcript::encode);
    var note = messages.getJsonObject(1);
    assertEquals("note", note.getString("kind"));
    assertEquals("Ask the map room.", note.getString("text"));
  }

  @Test
  @DisplayName("asking again, or many times at once, answers the chat's one ticket")
  void idempotent() {
    long chatId = gateway.startChat("ask", "Sam", "Opening hours on Sunday?").getLong("chatId");
    recordEmail(chatId, "sam@example.org");
    var first = makeTicket(chatId, new JsonObject(), alice);
    assertEquals(201, first.statusCode(), first::bodyAsString);
    long ticketId = first.bodyAsJsonObject().getLong("id");

    var again = makeTicket(chatId, new JsonObject().put("note", "A second note"), alice);
    assertEquals(200, again.statusCode(), again::bodyAsString);
    assertEquals(ticketId, again.bodyAsJsonObject().getLong("id"));
    assertEquals(
        1, again.bodyAsJsonObject().getJsonArray("messages").size(), "the repeat adds nothing");
    var throughList = gateway.post("/api/tickets", new JsonObject().put("chatId", chatId), alice);
    assertEquals(200, throughList.statusCode(), throughList::bodyAsString);
    assertEquals(ticketId, throughList.bodyAsJsonObject().getLong("id"));

    long raced = gateway.startChat("ask", "Lee", "Can I renew twice?").getLong("chatId");
    recordEmail(raced, "lee@example.org");
    var requests = new ArrayList<Future<HttpResponse<Buffer>>>();
    for (int i = 0; i < 6; i++) {
      requests.add(
          gateway
              .client()
              .post("/api/chats/" + raced + "/ticket")
              .bearerTokenAuthentication(alice)
              .sendJsonObject(new JsonObject()));
    }
    var ids = new HashSet<Long>();
    int created = 0;
    for (var request : requests) {
      var response = TestGateway.await(request);
      assertTrue(
          response.statusCode() == 200 || response.statusCode() == 201, response::bodyAsString);
      created += response.statusCode() == 201 ? 1 : 0;
      ids.add(response.bodyAsJsonObject().getLong("id"));
    }
    assertEquals(1, ids.size(), "one ticket for all of them");
    assertEquals(1, created);
    assertEquals(1, ticketsOf(raced));
  }

  @Test
  @DisplayName("another library's operator, a patron, no token and bad input are refused")
  void refused() {
    var chat = gateway.startChat("ask", "Kim", "Where is the microfilm?");
    long chatId = chat.getLong("chatId");
    recordEmail(chatId, "kim@example.org");

    var foreign = makeTicket(chatId, new JsonObject(), rosa);
    assertEquals(404, foreign.statusCode(), "another library's chat does not exist for it");
    assertEquals(401, makeTicket(chatId, new JsonObject(), null).statusCode());
    assertEquals(401, makeTicket(chatId, new JsonObject(), chat.getString("token")).statusCode());
    var badJson = gateway.post("/api/chats/" + chatId + "/ticket", null, alice);
    assertEquals(400, badJson.statusCode(), badJson::bodyAsString);
    var longSubject = makeTicket(chatId, new JsonObject().put("subject", "x".repeat(201)), alice);
    assertEquals(400, longSubject.statusCode());
    assertEquals("invalid", errorCode(longSubject));
    assertEquals(404, makeTicket(987654321, new JsonObject(), alice).statusCode());
    assertEquals(0, ticketsOf(chatId), "nothing was stored");

    var made = makeTicket(chatId, new JsonObject(), alice);
    assertEquals(201, made.statusCode(), made::bodyAsString);
    long ticketId = made.bodyAsJsonObject().getLong("id");
    assertEquals(404, gateway.get("/api/tickets/" + ticketId, rosa).statusCode());
    var theirs = gateway.get("/api/tickets", rosa).bodyAsJsonObject().getJsonArray("tickets");
    assertTrue(theirs.isEmpty(), "another library sees none of these tickets");
  }

  @Test
  @DisplayName("a missed chat made a ticket ends and leaves the missed list")
  void missedChat() {
    var chat = gateway.startChat("ask", "Ola", "Do you lend telescopes?");
    long chatId = chat.getLong("chatId");
    gateway.eventually("the chat is missed", () -> "missed".equals(state(chatId)), 10_000);
    recordEmail(chatId, "ola@example.org");

    var made = makeTicket(chatId, new JsonObject(), alice);
    assertEquals(201, made.statusCode(), made::bodyAsString);
    assertEquals("ended", state(chatId));
    var missed = gateway.get("/api/chats/missed", alice).bodyAsJsonObject().getJsonArray("chats");
    assertFalse(
        missed.stream().anyMatch(c -> ((JsonObject) c).getLong("chatId") == chatId),
        missed::encode);
    var events =
        gateway.get("/api/chats/" + chatId + "/events", chat.getString("token")).bodyAsJsonObject();
    var last =
        events.getJsonArray("events").getJsonObject(events.getJsonArray("events").size() - 1);
    assertEquals("ended", last.getString("type"));
    assertEquals("The library will answer by e-mail.", last.getString("text"), last::encode);
  }

  @Test
  @DisplayName("the reply on a chat's ticket reaches the chat's patron, with the text escaped")
  void replyArrives() throws Exception {
    long chatId = gateway.startChat("ask", "Ana", "Can I book a room?").getLong("chatId");
    recordEmail(chatId, "ana@example.org");
    long ticketId = makeTicket(chatId, new JsonObject(), alice).bodyAsJsonObject().getLong("id");
    int before = smtp.getReceivedMessages().length;

    var replied =
        gateway.post(
            "/api/tickets/" + ticketId + "/messages",
            new JsonObject().put("kind", "reply").put("text", "Yes <b>room 2</b> & more"),
            alice);
    assertEquals(201, replied.statusCode(), replied::bodyAsString);
    assertTrue(smtp.waitForIncomingEmail(10_000, before + 1), "the reply arrives");
    MimeMessage mail = null;
    for (var received : smtp.getReceivedMessages()) {
      if (received.getSubject().endsWith("[#" + ticketId + "]")) {
        mail = received;
      }
    }
    assertTrue(mail != null, "the reply is the one that arrived");
    assertEquals("ana@example.org", mail.getAllRecipients()[0].toString());
    assertEquals("Re: Can I book a room? [#" + ticketId + "]", mail.getSubject());
    assertTrue(mail.getContent() instanceof MimeMultipart, "plain text and HTML");
    var parts = (MimeMultipart) mail.getContent();
    String html = "";
    for (int i = 0; i < parts.getCount(); i++) {
      if (parts.getBodyPart(i).isMimeType("text/html")) {
        html = parts.getBodyPart(i).getContent().toString();
      }
    }
    assertTrue(html.contains("Yes &lt;b&gt;room 2&lt;/b&gt; &amp; more"), html);
    assertFalse(html.contains("<b>room 2</b>"), html);
  }
}
