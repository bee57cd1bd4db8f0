package org.refdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.Browser;
import org.refdesk.support.TestGateway;

/** "E-mail me this chat" in the widget, by keyboard, on a phone-sized screen. */
@DisplayName("The widget's transcript by e-mail")
class TranscriptBrowserTest {

  private static TestGateway gateway;
  private static BridgeClient librarian;
  private static String benToken;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(Map.of("REFDESK_PRESENCE_TIMEOUT_SECONDS", "3600"));
    librarian = BridgeClient.connect(gateway.vertx(), gateway.port());
    benToken = gateway.librarianToken("ben");
    librarian.request("presence.set", new JsonObject().put("status", "online"), benToken);
  }

  @AfterAll
  static void stop() {
    librarian.close();
    gateway.close();
  }

  private static Object active(Browser patron, String what) {
    return patron.script("return document.activeElement && document.activeElement." + what);
  }

  @Test
  @DisplayName(
      "the patron asks during the chat at the address they gave; it is queued once the chat ends")
  void asksDuringTheChat() {
    var email = "robin-" + System.nanoTime() + "@example.org";
    try (var patron = Browser.open(360, 740)) {
      patron.go("http://127.0.0.1:" + gateway.port() + "/widget/?queue=ask");
      patron.waitFor(By.id("name")).sendKeys("Robin");
      patron.css("#email").sendKeys(email);
      patron.css("#question").sendKeys("Where are the parish records?");
      patron.css("form button[type=submit]").click();
      var draft = patron.waitFor(By.id("draft"));
      draft.click();

      // From the message box, past Send and End chat, to "E-mail me this chat".
      draft.sendKeys(Keys.TAB);
      patron.driver().switchTo().activeElement().sendKeys(Keys.TAB);
      assertEquals("End chat", active(patron, "textContent"));
      patron.driver().switchTo().activeElement().sendKeys(Keys.TAB);
      assertEquals("E-mail me this chat", active(patron, "textContent"));
      patron.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
      new WebDriverWait(patron.driver(), Duration.ofSeconds(5))
          .until(d -> "email".equals(active(patron, "type")));
      assertEquals(email, active(patron, "value"), "the address given for the chat");
      patron.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
      LiveChatBrowserTest.waitForText(
          patron, ".transcript-offer", "We will e-mail this chat to " + email + " when it ends.");
      assertEquals(
          "E-mail me this chat", active(patron, "textContent"), "focus back on the button");
      patron.screenshot("widget-transcript-asked");
    }
    long chatId =
        gateway.query("SELECT id FROM chats WHERE patron_email = $1", email).get(0).getLong(0);
    assertEquals(
        1, gateway.count("SELECT count(*) FROM transcript_requests WHERE chat_id = $1", chatId));
    assertEquals(
        200,
        gateway.post("/api/chats/" + chatId + "/claim", new JsonObject(), benToken).statusCode());
    assertEquals(
        200,
        gateway.post("/api/chats/" + chatId + "/end", new JsonObject(), benToken).statusCode());
    gateway.eventually(
        "the transcript is in the outbox",
        () ->
            gateway.count(
                    "SELECT count(*) FROM mail_outbox WHERE recipient = $1 AND subject LIKE 'Your chat with%'",
                    email)
                == 1,
        10_000);
    assertTrue(
        gateway
            .query("SELECT text_body FROM mail_outbox WHERE recipient = $1", email)
            .get(0)
            .getString(0)
            .contains("Where are the parish records?"));
  }
}
