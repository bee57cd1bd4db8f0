package org.refdesk.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.SecondLibrary;
import org.refdesk.support.TestGateway;

@DisplayName(
    "Transcripts by e-mail: asked for by the patron or the operator, sent once the chat ends")
class TranscriptMailTest {

  private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

  private static TestGateway gateway;
  private static GreenMail smtp;
  private static String alice;
  private static String rosa;
  private static BridgeClient aliceSocket;

  @BeforeAll
  static void start() {
    var port = TestGateway.freePort();
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    gateway =
        TestGateway.start(
            Map.of(
                "REFDESK_SMTP_URL", "smtp://127.0.0.1:" + port,
                "REFDESK_TIMER_TICK_MS", "200",
                "REFDESK_TRUSTED_PROXIES", "127.0.0.1"));
    alice = gateway.librarianToken("alice");
    rosa = SecondLibrary.create(gateway).token(gateway);
    aliceSocket = BridgeClient.connect(gateway.vertx(), gateway.port());
  }

  @AfterAll
  static void stop() {
    aliceSocket.close();
    gateway.close();
    smtp.stop();
  }

  private static String newAddress() {
    return "198.51.100." + ADDRESSES.incrementAndGet();
  }

  /** A chat with an e-mail, claimed by Alice; answers its start body. */
  private static JsonObject chat(String name, String email, String question) {
    var body = new JsonObject().put("queue", "ask").put("name", name).put("question", question);
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

  private static HttpResponse<Buffer> patronAsks(JsonObject chat, JsonObject body, String from) {
    var request =
        gateway
            .client()
            .post("/api/widget/chats/" + chat.getLong("chatId") + "/transcript")
            .putHeader("X-Forwarded-For", from)
            .bearerTokenAuthentication(chat.getString("token"));
    return TestGateway.await(request.sendJsonObject(body));
  }

  private static void end(JsonObject chat) {
    var ended =
        gateway.post("/api/chats/" + chat.getLong("chatId") + "/end", new JsonObject(), alice);
    assertEquals(200, ended.statusCode(), ended::bodyAsString);
  }

  private static long mailsTo(String email) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).equals(email)).count();
  }

  private static MimeMessage awaitMailTo(String email) {
    gateway.eventually("a mail to " + email, () -> mailsTo(email) > 0, 10_000);
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> to(m).equals(email))
        .findFirst()
        .orElseThrow();
  }

  private static String to(MimeMessage mail) {
    try {
      return mail.getAllRecipients()[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String partOf(MimeMessage mail, String type) throws Exception {
    if (mail.getContent() instanceof MimeMultipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        var part = multipart.getBodyPart(i);
        if (part.isMimeType(type)) {
          return part.getContent().toString();
        }
      }
    }
    throw new AssertionError("no " + type + " part");
  }

  private static String errorCode(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getJsonObject("error").getString("code");
  }

  @Test
  @DisplayName(
      "the patron asks during the chat: one mail after the end, plain and HTML, escaped, without"
          + " anything internal")
  void patronAsksDuringTheChat() throws Exception {
    var email = "pat-" + System.nanoTime() + "@example.org";
    var chat = chat("Pat <script>alert('n')</script>", email, "Maps <script>alert('q')</script>?");
    long chatId = chat.getLong("chatId");
    var sent =
        aliceSocket.request(
            "chat.send",
            new JsonObject()
                .put("chatId", chatId)
                .put("text", "Here: <b>map room</b> & more")
                .put("clientMsgId", "t-1"),
            alice);
    assertTrue(sent.getJsonObject("body").containsKey("seq"), sent::encode);
    // Something only staff may ever see, stored beside the chat's events as a later feature might.
    gateway.query(
        "INSERT INTO chat_events (chat_id, seq, library_id, type, sender_kind, sender_id, body)"
            + " SELECT id, last_seq + 100, library_id, 'note', 'operator', NULL, 'Staff only: frequent asker'"
            + " FROM chats WHERE id = $1",
        chatId);

    var asked = patronAsks(chat, new JsonObject(), newAddress());
    assertEquals(200, asked.statusCode(), asked::bodyAsString);
    assertEquals(email, asked.bodyAsJsonObject().getString("email"), "the chat's own address");
    assertEquals("atEnd", asked.bodyAsJsonObject().getString("when"));
    var again = patronAsks(chat, new JsonObject().put("email", email.toUpperCase()), newAddress());
    assertEquals(200, again.statusCode());
    assertTrue(again.bodyAsJsonObject().getBoolean("repeated"), "the same address in any case");
    assertEquals(0, mailsTo(email), "nothing before the end");

    end(chat);
    var mail = awaitMailTo(email);
    assertTrue(mail.getSubject().contains("Demo Library"), mail.getSubject());
    var plain = partOf(mail, "text/plain");
    var html = partOf(mail, "text/html");
    assertTrue(plain.contains("Maps <script>alert('q')</script>?"), plain);
    assertTrue(plain.contains("Here: <b>map room</b> & more"), plain);
    assertTrue(plain.contains("Alice Moreno joined the chat."), plain);
    assertFalse(html.contains("<script>"), html);
    assertFalse(html.contains("<b>map"), html);
    assertTrue(html.contains("Pat &lt;script&gt;"), html);
    assertTrue(html.contains("&lt;b&gt;map room&lt;/b&gt; &amp; more"), html);
    assertFalse(plain.contains("Staff only") || html.contains("Staff only"), "nothing internal");

    // Asked again after the end: a later chat's transcript to another address goes out on a later
    // pass of the outbox; by then a second copy would have too.
    var late = patronAsks(chat, new JsonObject().put("email", email), newAddress());
    assertEquals("now", late.bodyAsJsonObject().getString("when"));
    assertTrue(late.bodyAsJsonObject().getBoolean("repeated"));
    var markerAddress = "marker-" + System.nanoTime() + "@example.org";
    var marker = chat("Marker", markerAddress, "Marker?");
    end(marker);
    assertEquals(200, patronAsks(marker, new JsonObject(), newAddress()).statusCode());
    awaitMailTo(markerAddress);
    assertEquals(1, mailsTo(email), "sent once");
    assertEquals(
        1, gateway.count("SELECT count(*) FROM transcript_requests WHERE chat_id = $1", chatId));
  }

  @Test
  @DisplayName(
      "the operator sends it when ending; a chat without an address, or not theirs, is refused")
  void operatorAsksWhenEnding() throws Exception {
    var email = "ending-" + System.nanoTime() + "@example.org";
    var chat = chat("Sam", email, "Opening hours?");
    long chatId = chat.getLong("chatId");
    var path = "/api/chats/" + chatId + "/transcript";
    assertEquals(401, gateway.post(path, new JsonObject(), null).statusCode());
    assertEquals(404, gateway.post(path, new JsonObject(), rosa).statusCode(), "another library");
    end(chat);
    var asked = gateway.post(path, new JsonObject(), alice);
    assertEquals(200, asked.statusCode(), asked::bodyAsString);
    assertEquals("now", asked.bodyAsJsonObject().getString("when"));
    assertTrue(awaitMailTo(email).getSubject().contains("Demo Library"));

    var noAddress = chat("Anonymous", null, "Quiet rooms?");
    var refused =
        gateway.post(
            "/api/chats/" + noAddress.getLong("chatId") + "/transcript", new JsonObject(), alice);
    assertEquals(400, refused.statusCode());
    assertTrue(
        refused
            .bodyAsJsonObject()
            .getJsonObject("error")
            .getJsonObject("fields")
            .containsKey("email"));
    var otherChat =
        patronAsks(noAddress, new JsonObject().put("email", "x@example.org"), newAddress());
    assertEquals(200, otherChat.statusCode(), "the patron may give one");
    var foreign =
        TestGateway.await(
            gateway
                .client()
                .post(path)
                .bearerTokenAuthentication(noAddress.getString("token"))
                .sendJsonObject(new JsonObject()));
    assertEquals(401, foreign.statusCode(), "a patron token is no operator's");
    var wrongChat =
        TestGateway.await(
            gateway
                .client()
                .post("/api/widget/chats/" + chatId + "/transcript")
                .bearerTokenAuthentication(noAddress.getString("token"))
                .sendJsonObject(new JsonObject().put("email", "y@example.org")));
    assertEquals(403, wrongChat.statusCode(), "another patron's chat");
    assertEquals(
        400,
        patronAsks(noAddress, new JsonObject().put("email", "nope"), newAddress()).statusCode());
    assertEquals(
        1,
        gateway.count(
            "SELECT count(*) FROM transcript_requests WHERE chat_id = $1",
            noAddress.getLong("chatId")));
  }

  @Test
  @DisplayName("asking is limited: three addresses per chat, ten requests an hour from one address")
  void limited() {
    var chat = chat("Lee", null, "Printing?");
    long chatId = chat.getLong("chatId");
    var from = newAddress();
    for (int i = 1; i <= 3; i++) {
      var asked = patronAsks(chat, new JsonObject().put("email", "lee" + i + "@example.org"), from);
      assertEquals(200, asked.statusCode(), asked::bodyAsString);
    }
    var fourth = patronAsks(chat, new JsonObject().put("email", "lee4@example.org"), from);
    assertEquals(429, fourth.statusCode());
    assertEquals("rate_limited", errorCode(fourth));
    for (int i = 5; i <= 10; i++) {
      assertEquals(
          200,
          patronAsks(chat, new JsonObject().put("email", "lee1@example.org"), from).statusCode());
    }
    var eleventh = patronAsks(chat, new JsonObject().put("email", "lee1@example.org"), from);
    assertEquals(429, eleventh.statusCode(), eleventh::bodyAsString);
    assertEquals(
        3, gateway.count("SELECT count(*) FROM transcript_requests WHERE chat_id = $1", chatId));
  }
}
