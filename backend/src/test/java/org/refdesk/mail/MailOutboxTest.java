package org.refdesk.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.platform.mail.MailOutbox;
import org.refdesk.platform.mail.OutgoingMail;
import org.refdesk.support.TestGateway;

@DisplayName("The mail outbox: every mail a row first, sent once, kept while SMTP is away")
class MailOutboxTest {

  private TestGateway gateway;
  private GreenMail smtp;
  private Pool pool;

  @AfterEach
  void stop() {
    if (pool != null) {
      TestGateway.await(pool.close());
    }
    if (smtp != null) {
      smtp.stop();
    }
    if (gateway != null) {
      gateway.close();
    }
  }

  private static ServerSetup smtpOn(int port) {
    return new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
  }

  private static String smtpUrl(int port) {
    return "smtp://127.0.0.1:" + port;
  }

  private void startGateway(Map<String, String> env) {
    var vars = new HashMap<String, String>(env);
    vars.put("REFDESK_TIMER_TICK_MS", "200");
    gateway = TestGateway.start(vars);
    pool =
        PgBuilder.pool()
            .with(new PoolOptions().setMaxSize(1))
            .connectingTo(PgConnectOptions.fromUri(gateway.pgUrl()))
            .using(gateway.vertx())
            .build();
  }

  private long enqueue(String to, String subject) {
    return TestGateway.await(
        MailOutbox.enqueue(
            pool, new OutgoingMail(to, subject, "Your answer", "<p>Your answer</p>")));
  }

  /**
   * Queues a marker and waits until it, the {@code total}-th mail, has gone out and is marked sent.
   */
  private void afterAnotherPass(int total) {
    var marker = enqueue("marker@example.org", "Marker");
    assertTrue(smtp.waitForIncomingEmail(10_000, total), "the marker arrives");
    gateway.eventually("the marker is marked sent", () -> status(marker).equals("sent"), 5_000);
  }

  /** What reached the patron's address, leaving the marker aside. */
  private MimeMessage[] toPatron() {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> !recipient(m).equals("marker@example.org"))
        .toArray(MimeMessage[]::new);
  }

  private static String recipient(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String status(long id) {
    return gateway.query("SELECT status FROM mail_outbox WHERE id = $1", id).get(0).getString(0);
  }

  @Test
  @DisplayName("a queued mail arrives once, to its recipient, with a Message-ID made from its row")
  void sentOnce() throws Exception {
    var port = TestGateway.freePort();
    smtp = new GreenMail(smtpOn(port));
    smtp.start();
    startGateway(Map.of("REFDESK_SMTP_URL", smtpUrl(port)));

    var id = enqueue("patron@example.org", "Your question about maps");

    assertTrue(smtp.waitForIncomingEmail(10_000, 1), "the mail arrives");
    gateway.eventually("the row is marked sent", () -> status(id).equals("sent"), 5_000);
    // A marker queued after it is sent by a later pass of the worker: by then a sent row picked
    // again would have gone out a second time.
    afterAnotherPass(2);
    MimeMessage[] received = toPatron();
    assertEquals(1, received.length);
    assertEquals("patron@example.org", received[0].getAllRecipients()[0].toString());
    assertEquals("Your question about maps", received[0].getSubject());
    assertEquals("<outbox-" + id + "@localhost>", received[0].getMessageID());
    var row =
        gateway
            .query("SELECT attempts, last_error, sent_at FROM mail_outbox WHERE id = $1", id)
            .get(0);
    assertEquals(1, row.getInteger("attempts"));
    assertNull(row.getString("last_error"));
  }

  @Test
  @DisplayName("with SMTP down the mail stays queued with the reason, and goes out once it is back")
  void smtpDown() throws Exception {
    var port = TestGateway.freePort();
    startGateway(Map.of("REFDESK_SMTP_URL", smtpUrl(port)));

    var id = enqueue("patron@example.org", "While the server is down");

    gateway.eventually(
        "a failed attempt is recorded",
        () -> {
          var row =
              gateway
                  .query("SELECT attempts, last_error, status FROM mail_outbox WHERE id = $1", id)
                  .get(0);
          return row.getInteger("attempts") >= 1
              && row.getString("last_error") != null
              && row.getString("last_error").startsWith("not sent:")
              && row.getString("status").equals("queued");
        },
        10_000);

    smtp = new GreenMail(smtpOn(port));
    smtp.start();

    assertTrue(smtp.waitForIncomingEmail(30_000, 1), "the mail arrives once SMTP is back");
    gateway.eventually("the row is marked sent", () -> status(id).equals("sent"), 5_000);
    afterAnotherPass(2);
    assertEquals(1, toPatron().length, "exactly once");
  }

  @Test
  @DisplayName("without SMTP configured the row says why, and goes out once a node has SMTP")
  void noSmtpConfigured() {
    startGateway(Map.of());

    var id = enqueue("patron@example.org", "Held back");

    gateway.eventually(
        "the row says why it waits",
        () -> {
          var row =
              gateway.query("SELECT last_error, status FROM mail_outbox WHERE id = $1", id).get(0);
          return MailOutbox.NO_SMTP.equals(row.getString("last_error"))
              && row.getString("status").equals("queued");
        },
        5_000);

    var port = TestGateway.freePort();
    smtp = new GreenMail(smtpOn(port));
    smtp.start();
    var configured =
        gateway.startNode(
            Map.of("REFDESK_SMTP_URL", smtpUrl(port), "REFDESK_TIMER_TICK_MS", "200"));
    try {
      assertTrue(smtp.waitForIncomingEmail(10_000, 1), "the mail arrives");
      gateway.eventually("the row is marked sent", () -> status(id).equals("sent"), 5_000);
      assertEquals(1, smtp.getReceivedMessages().length);
    } finally {
      TestGateway.await(configured.stop());
    }
  }
}
