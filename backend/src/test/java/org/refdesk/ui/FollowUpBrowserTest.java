package org.refdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.refdesk.ui.LiveChatBrowserTest.goOnline;
import static org.refdesk.ui.LiveChatBrowserTest.signIn;
import static org.refdesk.ui.LiveChatBrowserTest.waitForText;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.refdesk.support.Browser;
import org.refdesk.support.TestGateway;

@DisplayName(
    "Following up in the browser: a ticket from a chat, missed chats at the start of a shift, tickets on a phone by keyboard")
class FollowUpBrowserTest {

  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    // A patron without an open widget is missed after a few seconds; no SMTP server is configured.
    gateway =
        TestGateway.start(
            Map.of("REFDESK_TIMER_TICK_MS", "250", "REFDESK_PATRON_GRACE_SECONDS", "3"));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static JsonObject patronChat(String name, String email, String question) {
    var body = new JsonObject().put("queue", "ask").put("name", name).put("question", question);
    if (email != null) {
      body.put("email", email);
    }
    var response = gateway.post("/api/widget/chats", body, null);
    assertEquals(201, response.statusCode(), response::bodyAsString);
    return response.bodyAsJsonObject();
  }

  private static String state(long chatId) {
    return gateway.query("SELECT state FROM chats WHERE id = $1", chatId).get(0).getString(0);
  }

  private static void until(Browser browser, String what, BooleanSupplier check) {
    try {
      new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> check.getAsBoolean());
    } catch (RuntimeException e) {
      throw new AssertionError(what + "; see " + browser.screenshot("follow-up-failed"), e);
    }
  }

  /** Whether the focused element has this data-test or this id. */
  private static boolean focusedOn(Browser browser, String name) {
    return Boolean.TRUE.equals(
        browser.script(
            "const e = document.activeElement; return !!e && (e.getAttribute('data-test') === arguments[0] || e.id === arguments[0])",
            name));
  }

  /** Presses Tab until the element with this data-test (or id) has focus, as a keyboard user. */
  private static void tabTo(Browser browser, String target) {
    for (int i = 0; i < 80; i++) {
      if (focusedOn(browser, target)) {
        return;
      }
      new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
    }
    throw new AssertionError(
        "Tab never reached " + target + "; see " + browser.screenshot("follow-up-tab"));
  }

  private static void ctrlEnter(Browser browser) {
    new Actions(browser.driver())
        .keyDown(Keys.CONTROL)
        .sendKeys(Keys.ENTER)
        .keyUp(Keys.CONTROL)
        .perform();
  }

  private static void press(Browser browser, CharSequence... keys) {
    new Actions(browser.driver()).sendKeys(keys).perform();
  }

  @Test
  @DisplayName(
      "without an e-mail the app offers the words to ask for one; once recorded, the chat becomes a ticket with its transcript")
  void ticketFromChat() {
    var chat = patronChat("Pat", null, "Do you have the 1850 county map?");
    long chatId = chat.getLong("chatId");
    try (var ben = Browser.open(1280, 900);
        var widget = gateway.listen("chat." + chatId, chat.getString("token"))) {
      signIn(ben, gateway.port(), "ben", gateway.librarianPassword("ben"));
      ben.waitFor(By.cssSelector("[data-test=waiting-item][data-chat-id='" + chatId + "']"))
          .click();
      ben.waitFor(By.cssSelector("[data-test=claim]")).click();
      ben.waitFor(By.cssSelector("[data-test=composer]"));

      var make = ben.waitFor(By.cssSelector("[data-test=make-ticket]"));
      assertFalse(make.isEnabled(), "no e-mail: no ticket yet");
      waitForText(ben, "[data-test=make-ticket-needs-email]", "needs the patron’s e-mail");
      ben.css("[data-test=ask-email-for-ticket]").click();
      var composer = ben.css("[data-test=composer]");
      until(
          ben,
          "the library's words to ask for an e-mail are in the composer, with focus",
          () ->
              composer.getAttribute("value").contains("e-mail")
                  && focusedOn(ben, "composer-" + chatId));
      ben.screenshot("follow-up-ask-email-1280");
      composer.sendKeys(Keys.ENTER);
      waitForText(ben, "[data-test=message]", "e-mail");

      ben.css("[data-test=record-email-input]").sendKeys("pat@example.org");
      ben.css("[data-test=record-email-save]").click();
      until(ben, "the button is enabled once the e-mail is known", make::isEnabled);
      ben.css("[data-test=make-ticket-note]").sendKeys("Ask the map room about 1850.");
      make.click();
      waitForText(ben, "[data-test=ticket-made]", "Ticket #");
      until(ben, "focus on Open the ticket", () -> focusedOn(ben, "open-ticket-" + chatId));
      assertEquals(1, gateway.count("SELECT count(*) FROM tickets WHERE chat_id = $1", chatId));

      press(ben, Keys.ENTER);
      waitForText(ben, "[data-test=ticket-subject]", "Do you have the 1850 county map?");
      waitForText(ben, "[data-test=message-kind]", "Chat transcript");
      waitForText(ben, "[data-test=ticket-message]", "Pat: Do you have the 1850 county map?");
      waitForText(ben, "[data-test=ticket-message]", "Ask the map room about 1850.");
      waitForText(ben, "[data-test=ticket-email]", "pat@example.org");
      ben.screenshot("follow-up-ticket-1280");
      var violations = ben.accessibilityViolations();
      assertTrue(violations.isEmpty(), () -> "the ticket at 1280 px: " + violations);
      assertTrue(ben.consoleErrors().isEmpty(), ben.consoleErrors()::toString);
    }
  }

  @Test
  @DisplayName(
      "going online shows the chats missed since the last shift: one becomes a ticket, one is dismissed with a reason")
  void missedChats() {
    long withEmail =
        patronChat("Ola", "ola@example.org", "Do you lend telescopes?").getLong("chatId");
    long withoutEmail = patronChat("Quinn", null, "Buy cheap watches").getLong("chatId");
    try (var alice = Browser.open(1280, 900)) {
      until(
          alice,
          "both chats are missed",
          () -> "missed".equals(state(withEmail)) && "missed".equals(state(withoutEmail)));
      signIn(alice, gateway.port(), "alice", gateway.librarianPassword("alice"));
      goOnline(alice);
      var listed = By.cssSelector("[data-test=missed-chat][data-chat-id='" + withEmail + "']");
      alice.waitFor(listed);
      var noEmail =
          alice.css(
              "[data-test=missed-chat][data-chat-id='"
                  + withoutEmail
                  + "'] [data-test=missed-make-ticket]");
      assertFalse(noEmail.isEnabled(), "no e-mail, no ticket");
      alice.screenshot("follow-up-missed-1280");
      var violations = alice.accessibilityViolations();
      assertTrue(violations.isEmpty(), () -> "the missed chats: " + violations);

      alice
          .css(
              "[data-test=missed-chat][data-chat-id='"
                  + withEmail
                  + "'] [data-test=missed-make-ticket]")
          .click();
      until(alice, "the chat leaves the list", () -> alice.driver().findElements(listed).isEmpty());
      assertEquals(1, gateway.count("SELECT count(*) FROM tickets WHERE chat_id = $1", withEmail));
      assertEquals("ended", state(withEmail));

      alice
          .css(
              "[data-test=missed-chat][data-chat-id='"
                  + withoutEmail
                  + "'] [data-test=missed-dismiss]")
          .click();
      until(alice, "focus on the reason", () -> focusedOn(alice, "dismiss-reason-" + withoutEmail));
      new Select(alice.css("[data-test=dismiss-reason]")).selectByValue("spam");
      alice.css("[data-test=dismiss-note]").sendKeys("Watches again");
      alice.css("[data-test=dismiss-confirm]").click();
      waitForText(alice, "[data-test=missed-none]", "No missed chats left.");
      assertEquals(
          "spam",
          gateway
              .query("SELECT reason FROM chat_dismissals WHERE chat_id = $1", withoutEmail)
              .get(0)
              .getString(0));

      // A waiting chat that is spam is dismissed from its preview; focus goes back to the queue.
      var spam = patronChat("Zed", null, "Cheap pills here");
      long spamId = spam.getLong("chatId");
      try (var widget = gateway.listen("chat." + spamId, spam.getString("token"))) {
        alice
            .waitFor(By.cssSelector("[data-test=waiting-item][data-chat-id='" + spamId + "']"))
            .click();
        alice.waitFor(By.cssSelector("[data-test=preview-dismiss]")).click();
        until(alice, "focus on the reason", () -> focusedOn(alice, "dismiss-reason-" + spamId));
        alice.css("[data-test=dismiss-confirm]").click();
        until(alice, "the chat has ended", () -> "ended".equals(state(spamId)));
        until(alice, "focus back on the waiting chats", () -> focusedOn(alice, "queue-title"));
        assertEquals(
            "spam",
            gateway
                .query("SELECT reason FROM chat_dismissals WHERE chat_id = $1", spamId)
                .get(0)
                .getString(0));
      }
      assertTrue(alice.consoleErrors().isEmpty(), alice.consoleErrors()::toString);
    }
  }

  @Test
  @DisplayName(
      "at 360 px by keyboard alone: the list, then the ticket; a reply is announced and focus stays in the composer; close")
  void ticketsOnAPhone() {
    var alice = gateway.librarianToken("alice");
    var made =
        gateway.post(
            "/api/tickets",
            new JsonObject()
                .put("queueId", gateway.queueId("ask"))
                .put("email", "sam@example.org")
                .put("subject", "Interlibrary loan of a thesis"),
            alice);
    assertEquals(201, made.statusCode(), made::bodyAsString);
    long ticketId = made.bodyAsJsonObject().getLong("id");

    try (var ben = Browser.open(360, 740)) {
      signIn(ben, gateway.port(), "ben", gateway.librarianPassword("ben"));
      tabTo(ben, "show-tickets");
      press(ben, Keys.ENTER);
      var row = By.cssSelector("[data-test=ticket-row][data-ticket-id='" + ticketId + "']");
      ben.waitFor(row);
      tabTo(ben, "filter-assignee");
      // The list narrowed to unassigned tickets still has it.
      press(ben, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
      ben.waitFor(row);
      tabTo(ben, "ticket-row");
      ben.screenshot("follow-up-list-360");
      press(ben, Keys.ENTER);
      waitForText(ben, "[data-test=ticket-subject]", "Interlibrary loan of a thesis");
      until(ben, "focus on the ticket's title", () -> focusedOn(ben, "ticket-title"));
      assertFalse(ben.css("[data-test=ticket-list]").isDisplayed(), "the ticket replaces the list");

      tabTo(ben, "take-ticket");
      press(ben, Keys.ENTER);
      waitForText(ben, "[data-test=ticket-assignee]", "Ben Okafor");

      tabTo(ben, "ticket-text");
      press(ben, "We can borrow it <from> Leeds & York.");
      ctrlEnter(ben);
      waitForText(ben, "[data-test=ticket-message]", "We can borrow it <from> Leeds & York.");
      waitForText(ben, "[data-test=message-kind]", "To the patron");
      // No SMTP server here: the reply's e-mail says so without a reload.
      waitForText(ben, "[data-test=mail-status]", "Mail not sent: no SMTP configured");
      waitForText(ben, "[data-test=announcer]", "Reply added. Mail:");
      assertTrue(focusedOn(ben, "ticket-text"), "focus back in the composer");
      assertEquals("", ben.css("[data-test=ticket-text]").getAttribute("value"));
      waitForText(ben, "[data-test=ticket-status]", "Waiting on the patron");

      // One stop for the radio group; the arrow chooses the note.
      tabTo(ben, "kind-reply");
      press(ben, Keys.ARROW_DOWN);
      tabTo(ben, "ticket-text");
      press(ben, "Check the loan fee first.");
      ctrlEnter(ben);
      waitForText(ben, "[data-test=message-kind]", "Internal note");

      tabTo(ben, "close-ticket");
      press(ben, Keys.ENTER);
      waitForText(ben, "[data-test=ticket-status]", "Closed");
      until(ben, "focus on Reopen, where Close was", () -> focusedOn(ben, "reopen-ticket"));
      long overflow =
          (Long)
              ben.script(
                  "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assertEquals(0, overflow, "nothing wider than the phone");
      ben.screenshot("follow-up-ticket-360");
      var violations = ben.accessibilityViolations();
      assertTrue(violations.isEmpty(), () -> "the ticket at 360 px: " + violations);

      tabTo(ben, "ticket-back");
      press(ben, Keys.ENTER);
      until(ben, "back on the ticket's line in the list", () -> focusedOn(ben, "ticket-row"));
      assertEquals(
          "closed",
          gateway.query("SELECT status FROM tickets WHERE id = $1", ticketId).get(0).getString(0));
      assertTrue(ben.consoleErrors().isEmpty(), ben.consoleErrors()::toString);
    }
  }
}
