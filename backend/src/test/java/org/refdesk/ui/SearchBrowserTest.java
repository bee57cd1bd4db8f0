package org.refdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.refdesk.ui.LiveChatBrowserTest.signIn;
import static org.refdesk.ui.LiveChatBrowserTest.waitForText;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
    "Searching transcripts in the browser: words and filters, snippets with the hits marked, the transcript opened, on a desk and on a phone by keyboard")
class SearchBrowserTest {

  private static TestGateway gateway;
  private static long laptopChat;
  private static long scienceChat;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    long ask = gateway.queueId("ask");
    long science = gateway.queueId("science");
    long ben = operatorId("ben");
    laptopChat =
        ended(
            ask,
            ben,
            "Can I renew my laptop loan? <script>alert(1)</script>",
            "Yes, laptops renew once at the service desk.");
    scienceChat =
        ended(
            science,
            ben,
            "Is the laptop lab in the science library open late?",
            "The science laptop lab is open until ten.");
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

  /** A chat with its messages, then ended as the gateway ends one: the trigger indexes it. */
  private static long ended(long queueId, long ownerId, String... messages) {
    var at = OffsetDateTime.now(ZoneOffset.UTC).minusDays(2);
    long id =
        gateway
            .query(
                """
                INSERT INTO chats (library_id, queue_id, state, patron_name, question, last_seq, owner_id,
                                   created_at, claimed_at)
                VALUES ($1, $2, 'active', 'Pat Doe', $3, $4, $5, $6, $6) RETURNING id""",
                gateway.demoLibraryId(),
                queueId,
                messages[0],
                messages.length,
                ownerId,
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
          gateway.demoLibraryId(),
          patron ? "patron" : "operator",
          patron ? null : ownerId,
          patron ? "Pat Doe" : "Ben",
          messages[i],
          at.plusSeconds(i));
    }
    gateway.query("UPDATE chats SET state = 'ended', ended_at = now() WHERE id = $1", id);
    return id;
  }

  private static void until(Browser browser, String what, BooleanSupplier check) {
    try {
      new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> check.getAsBoolean());
    } catch (RuntimeException e) {
      throw new AssertionError(what + "; see " + browser.screenshot("search-failed"), e);
    }
  }

  private static boolean focusedOn(Browser browser, String name) {
    return Boolean.TRUE.equals(
        browser.script(
            "const e = document.activeElement; return !!e && (e.getAttribute('data-test') === arguments[0] || e.id === arguments[0])",
            name));
  }

  private static void tabTo(Browser browser, String target) {
    for (int i = 0; i < 80; i++) {
      if (focusedOn(browser, target)) {
        return;
      }
      press(browser, Keys.TAB);
    }
    throw new AssertionError(
        "Tab never reached " + target + "; see " + browser.screenshot("search-tab"));
  }

  private static void press(Browser browser, CharSequence... keys) {
    new Actions(browser.driver()).sendKeys(keys).perform();
  }

  private static int results(Browser browser) {
    return browser.driver().findElements(By.cssSelector("[data-test=search-result]")).size();
  }

  private static By result(long chatId) {
    return By.cssSelector("[data-test=search-result][data-chat-id='" + chatId + "']");
  }

  @Test
  @DisplayName(
      "at 1280 px: words find both chats with the hits marked and the patron's <script> shown as text; a queue filter narrows to one; it opens read-only")
  void searchFilterAndOpen() {
    try (var alice = Browser.open(1280, 900)) {
      signIn(alice, gateway.port(), "alice", gateway.librarianPassword("alice"));
      alice.waitFor(By.cssSelector("[data-test=records]")).click();
      alice.waitFor(By.cssSelector("[data-test=screen-search]")).click();
      until(alice, "focus on the screen's heading", () -> focusedOn(alice, "search-title"));

      alice.waitFor(By.cssSelector("[data-test=search-q]")).sendKeys("laptop");
      alice.css("[data-test=search-submit]").click();
      until(alice, "focus on the results' heading", () -> focusedOn(alice, "search-found"));
      alice.waitFor(result(laptopChat));
      alice.waitFor(result(scienceChat));
      waitForText(alice, "[data-test=search-found]", "2 found");
      var snippet =
          alice.css(
              "[data-test=search-result][data-chat-id='"
                  + laptopChat
                  + "'] [data-test=search-snippet]");
      assertTrue(snippet.getText().contains("<script>alert(1)</script>"), snippet::getText);
      var marks = alice.driver().findElements(By.cssSelector("[data-test=search-snippet] mark"));
      assertTrue(
          marks.stream().anyMatch(m -> m.getText().toLowerCase().startsWith("laptop")),
          "the hit is marked");
      assertEquals(
          0L,
          alice.script(
              "return document.querySelectorAll('[data-test=search-results] script').length"));
      var violations = alice.accessibilityViolations();
      assertTrue(violations.isEmpty(), () -> "the results at 1280 px: " + violations);

      new Select(alice.css("[data-test=search-queue]"))
          .selectByVisibleText(
              gateway
                  .query("SELECT name FROM queues WHERE id = $1", gateway.queueId("science"))
                  .get(0)
                  .getString(0));
      alice.css("[data-test=search-submit]").click();
      until(alice, "only the science chat is left", () -> results(alice) == 1);
      alice.waitFor(result(scienceChat)).click();
      waitForText(
          alice, "[data-test=transcript-message]", "The science laptop lab is open until ten.");
      alice.screenshot("search-transcript-1280");
      assertTrue(
          alice.driver().findElements(By.cssSelector("[data-test=transcript] textarea")).isEmpty(),
          "the transcript is read-only");
      alice.css("[data-test=dialog-close]").click();
      until(alice, "focus back on the result", () -> focusedOn(alice, "search-result"));
      assertTrue(alice.consoleErrors().isEmpty(), alice.consoleErrors()::toString);
    }
  }

  @Test
  @DisplayName(
      "at 360 px by keyboard alone: the menu, the words, Enter to search, Tab to a result, Enter to read it, Escape back")
  void phoneByKeyboard() {
    try (var ben = Browser.open(360, 740)) {
      signIn(ben, gateway.port(), "ben", gateway.librarianPassword("ben"));
      ben.waitFor(By.cssSelector("[data-test=records]"));
      tabTo(ben, "records");
      press(ben, Keys.ENTER);
      until(ben, "the menu opens on its first entry", () -> focusedOn(ben, "screen-search"));
      press(ben, Keys.ENTER);
      until(ben, "focus on the screen's heading", () -> focusedOn(ben, "search-title"));
      tabTo(ben, "search-q");
      press(ben, "renew laptop", Keys.ENTER);
      until(ben, "focus on the results' heading", () -> focusedOn(ben, "search-found"));
      ben.waitFor(result(laptopChat));
      assertEquals(
          Boolean.TRUE,
          ben.script(
              "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
          "nothing wider than the phone");
      ben.screenshot("search-results-360");
      var violations = ben.accessibilityViolations();
      assertTrue(violations.isEmpty(), () -> "the results at 360 px: " + violations);
      // The chat holding both words ranks first: the first result after the heading.
      press(ben, Keys.TAB);
      until(ben, "Tab reaches the first result", () -> focusedOn(ben, "search-result"));
      assertEquals(
          String.valueOf(laptopChat),
          ben.script("return document.activeElement.getAttribute('data-chat-id')"));
      press(ben, Keys.ENTER);
      waitForText(ben, "[data-test=transcript-message]", "laptops renew once at the service desk");
      press(ben, Keys.ESCAPE);
      until(ben, "focus back on the result", () -> focusedOn(ben, "search-result"));
      assertTrue(ben.consoleErrors().isEmpty(), ben.consoleErrors()::toString);
    }
  }
}
