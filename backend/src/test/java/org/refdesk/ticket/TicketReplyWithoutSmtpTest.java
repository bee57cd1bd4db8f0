package org.refdesk.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.platform.mail.MailOutbox;
import org.refdesk.support.TestGateway;

@DisplayName("A ticket reply on a gateway without SMTP: kept, and the ticket says why it waits")
class TicketReplyWithoutSmtpTest {

  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(Map.of("REFDESK_TIMER_TICK_MS", "200"));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  @DisplayName("the reply's mail stays queued with \"not sent: no SMTP configured\"")
  void replyWaits() {
    var alice = gateway.librarianToken("alice");
    var made =
        gateway.post(
            "/api/tickets",
            new JsonObject()
                .put("queueId", gateway.queueId("ask"))
                .put("email", "patron@example.org")
                .put("subject", "Held back"),
            alice);
    assertEquals(201, made.statusCode(), made::bodyAsString);
    long id = made.bodyAsJsonObject().getLong("id");
    var replied =
        gateway.post(
            "/api/tickets/" + id + "/messages",
            new JsonObject().put("kind", "reply").put("text", "The answer"),
            alice);
    assertEquals(201, replied.statusCode(), replied::bodyAsString);

    gateway.eventually(
        "the reply says why it was not sent",
        () -> {
          var mail =
              gateway
                  .get("/api/tickets/" + id, alice)
                  .bodyAsJsonObject()
                  .getJsonArray("messages")
                  .getJsonObject(0)
                  .getJsonObject("mail");
          return mail.getString("status").equals("queued")
              && MailOutbox.NO_SMTP.equals(mail.getString("error"));
        },
        5_000);
  }
}
