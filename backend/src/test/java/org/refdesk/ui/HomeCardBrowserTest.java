package org.refdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.refdesk.ui.LiveChatBrowserTest.goOnline;
import static org.refdesk.ui.LiveChatBrowserTest.signIn;
import static org.refdesk.ui.LiveChatBrowserTest.waitForText;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.refdesk.support.Browser;
import org.refdesk.support.TestGateway;

@DisplayName("The home library card beside a chat, by keyboard, on a desk and on a phone")
class HomeCardBrowserTest {

  private static TestGateway gateway;
  private static long finesNote;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(Map.of("REFDESK_PRESENCE_TIMEOUT_SECONDS", "3600"));
    gateway.query("UPDATE operators SET role = 'admin' WHERE username = 'ben'");
    var ben = gateway.librarianToken("ben");
    var policy =
        new JsonObject()
            .put("staleAfterDays", 90)
            .put(
                "localOnly",
                new JsonArray()
                    .add(
                        new JsonObject()
                            .put("topic", "fines")
                            .put("keywords", new JsonArray().add("fine").add("overdue"))));
    assertEquals(200, gateway.put("/api/admin/library-notes/policy", policy, ben).statusCode());
    note(
        ben,
        "hours",
        "Opening hours",
        "Mon-Fri 9:00-20:00\nSat 10:00-16:00",
        "https://example.org/hours");
    finesNote =
        note(
            ben,
            "fines",
            "Fines",
            "Only our circulation desk can waive a fine.",
            "mailto:fines@example.org");
    gateway.query(
        "UPDATE library_notes SET updated_at = now() - interval '200 days' WHERE id = $1",
        finesNote);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static long note(String token, String topic, String title, String body, String url) {
    var note =
        new JsonObject()
            .put("topic", topic)
            .put("title", title)
            .put("body", body)
            .put(
                "links",
                new JsonArray()
                    .add(new JsonObject().put("title", title + " page").put("url", url)));
    var made = gateway.post("/api/admin/library-notes", note, token);
    assertEquals(201, made.statusCode(), made::bodyAsString);
    return made.bodyAsJsonObject().getLong("id");
  }

  private static long startChat(String name, String question) {
    var body =
        new JsonObject()
            .put("queue", "ask")
            .put("name", name)
            .put("question", question)
            .put("email", name.toLowerCase() + "@example.org");
    var started = gateway.post("/api/widget/chats", body, null);
    assertEquals(201, started.statusCode(), started::bodyAsString);
    return started.bodyAsJsonObject().getLong("chatId");
  }

  private static void claim(Browser browser, long chatId) {
    browser
        .waitFor(By.cssSelector("[data-test=waiting-item][data-chat-id='" + chatId + "']"))
        .click();
    browser.waitFor(By.cssSelector("[data-test=claim]")).sendKeys(Keys.ENTER);
    browser.waitFor(By.cssSelector("[data-test=composer]"));
  }

  private static WebElement focused(Browser browser) {
    return browser.driver().switchTo().activeElement();
  }

  private static void waitForFocus(Browser browser, String dataTest) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .until(d -> dataTest.equals(focused(browser).getAttribute("data-test")));
  }

  private static int pageWidth(Browser browser) {
    return ((Number) browser.script("return document.documentElement.scrollWidth")).intValue();
  }

  @Test
  @DisplayName(
      "Alice opens Our notes beside her chat by keyboard, reads the stale fines note and the"
          + " local-only warning, and sends the question home as a ticket; the patron is told")
  void onTheDesk() {
    long chatId = startChat("Noor", "Why is there an overdue fine on my card?");
    try (var alice = Browser.open(1280, 900)) {
      signIn(alice, gateway.port(), "alice", gateway.librarianPassword("alice"));
      goOnline(alice);
      claim(alice, chatId);

      var toggle = alice.waitFor(By.cssSelector("[data-test=our-notes-toggle]"));
      assertEquals("false", toggle.getAttribute("aria-expanded"));
      toggle.sendKeys(Keys.ENTER);
      waitForText(alice, "[data-test=local-only-warning]", "may be on Fines");
      assertEquals("true", toggle.getAttribute("aria-expanded"));

      var fines = alice.css("[data-test=notes-section][data-topic=fines] summary");
      fines.sendKeys(Keys.ENTER);
      waitForText(
          alice, "[data-test=notes-section][data-topic=fines]", "Only our circulation desk");
      waitForText(alice, "[data-test=note-stale]", "May be out of date");
      assertTrue(
          alice
              .css("[data-test=notes-section][data-topic=fines] summary")
              .getText()
              .contains("may be out of date"),
          "a closed section says in words that a note in it is stale");
      alice.screenshot("home-card-desk-1280");
      assertEquals(List.of(), alice.accessibilityViolations());

      alice.css("[data-test=send-home-start]").sendKeys(Keys.ENTER);
      waitForFocus(alice, "send-home-topic");
      alice.css("[data-test=send-home-note]").sendKeys("Asks about the fine of March.");
      alice.css("[data-test=send-home-submit]").sendKeys(Keys.ENTER);
      waitForFocus(alice, "send-home-confirm");
      alice.screenshot("home-card-send-home-confirm-1280");
      focused(alice).sendKeys(Keys.ENTER);
      waitForFocus(alice, "send-home-result");
      waitForText(alice, "[data-test=send-home-result]", "will answer this by e-mail");
      alice.screenshot("home-card-sent-1280");

      gateway.eventually(
          "the chat ends",
          () ->
              "ended"
                  .equals(
                      gateway
                          .query("SELECT state FROM chats WHERE id = $1", chatId)
                          .get(0)
                          .getString(0)),
          10_000);
      assertEquals(
          1,
          gateway.count(
              "SELECT count(*) FROM tickets t JOIN ticket_messages m ON m.ticket_id = t.id"
                  + " WHERE t.chat_id = $1 AND m.kind = 'note' AND m.body LIKE '%fine of March%'",
              chatId));
      waitForText(alice, "[data-test=messages]", "will answer this by e-mail");
      assertEquals(List.of(), alice.accessibilityViolations());
      assertEquals(List.of(), alice.consoleErrors());
    }
  }

  @Test
  @DisplayName(
      "on a 360 px phone the card opens from the patron pane by keyboard and fits the screen")
  void onAPhone() {
    note(
        gateway.librarianToken("ben"),
        "other",
        "<img src=x onerror=alert(1)>",
        "<b>not bold</b>",
        "https://example.org/other");
    long chatId = startChat("Ravi", "When do you open on Saturday?");
    try (var ben = Browser.open(360, 740)) {
      signIn(ben, gateway.port(), "ben", gateway.librarianPassword("ben"));
      claim(ben, chatId);
      ben.css("[data-test=show-info]").sendKeys(Keys.ENTER);
      var toggle = ben.waitFor(By.cssSelector("[data-test=our-notes-toggle]"));
      toggle.sendKeys(Keys.ENTER);
      waitForText(ben, "[data-test=home-card-body]", "Hours");
      var hours = ben.css("[data-test=notes-section][data-topic=hours] summary");
      hours.sendKeys(Keys.ENTER);
      waitForText(ben, "[data-test=notes-section][data-topic=hours]", "Sat 10:00-16:00");
      ben.css("[data-test=notes-section][data-topic=other] summary").sendKeys(Keys.ENTER);
      waitForText(ben, "[data-test=notes-section][data-topic=other]", "<b>not bold</b>");
      waitForText(
          ben, "[data-test=notes-section][data-topic=other]", "<img src=x onerror=alert(1)>");
      assertEquals(
          0,
          ben.driver()
              .findElements(By.cssSelector("[data-test=home-card] img, [data-test=home-card] b"))
              .size(),
          "a note's words are shown as words, never as markup");
      assertTrue(
          ben.css("[data-test=local-only-topics]").getText().contains("Fines"),
          "the topics answered only at home are named even when the question touches none");
      ((org.openqa.selenium.JavascriptExecutor) ben.driver())
          .executeScript("arguments[0].scrollIntoView()", ben.css("[data-test=home-card]"));
      ben.screenshot("home-card-phone-360");
      assertTrue(pageWidth(ben) <= 360, "nothing overflows sideways at 360 px: " + pageWidth(ben));
      assertEquals(List.of(), ben.accessibilityViolations());
    }
  }

  @Test
  @DisplayName(
      "the library admin edits a note, the age of stale notes and a local-only topic in Admin,"
          + " Library notes, by keyboard, at 1280 and at 360 px")
  void adminEditsANote() {
    long contacts =
        note(
            gateway.librarianToken("ben"),
            "contacts",
            "Whom to ask",
            "The branch manager answers complaints.",
            "mailto:manager@example.org");
    for (int width : new int[] {1280, 360}) {
      try (var ben = Browser.open(width, width == 360 ? 740 : 900)) {
        signIn(ben, gateway.port(), "ben", gateway.librarianPassword("ben"));
        ben.css("[data-test=records]").sendKeys(Keys.ENTER);
        ben.waitFor(By.cssSelector("[data-test=screen-admin]")).sendKeys(Keys.ENTER);
        ben.waitFor(By.cssSelector("[data-test=admin-notes]")).sendKeys(Keys.ENTER);
        ben.waitFor(By.cssSelector("[data-test=notes-admin]"));
        var edit =
            ben.waitFor(
                By.xpath(
                    "//*[@data-test='note-admin-item'][contains(., 'Whom to ask')]//*[@data-test='note-edit']"));
        edit.sendKeys(Keys.ENTER);
        waitForFocus(ben, "note-title");
        var body = ben.css("[data-test=note-body]");
        body.clear();
        body.sendKeys("Complaints go to the branch manager (" + width + ").");
        ben.screenshot("notes-admin-edit-" + width);
        ben.css("[data-test=note-save]").sendKeys(Keys.ENTER);
        waitForText(ben, "[data-test=notes-admin-status]", "saved");
        waitForFocus(ben, "note-new");
        assertEquals(
            "Complaints go to the branch manager (" + width + ").",
            gateway
                .query("SELECT body FROM library_notes WHERE id = $1", contacts)
                .get(0)
                .getString(0));
        ben.screenshot("notes-admin-" + width);
        assertTrue(pageWidth(ben) <= width, "nothing overflows sideways: " + pageWidth(ben));
        assertEquals(List.of(), ben.accessibilityViolations());

        int days = width == 1280 ? 120 : 60;
        var age = ben.css("[data-test=notes-stale-days]");
        age.clear();
        age.sendKeys(String.valueOf(days));
        var accounts = ben.css("[data-test=local-accounts]");
        if (!accounts.isSelected()) {
          accounts.sendKeys(Keys.SPACE);
        }
        var words = ben.waitFor(By.cssSelector("[data-test=local-words-accounts]"));
        words.clear();
        words.sendKeys("PIN, card number");
        ((org.openqa.selenium.JavascriptExecutor) ben.driver())
            .executeScript("arguments[0].scrollIntoView()", ben.css("[data-test=notes-policy]"));
        ben.screenshot("notes-admin-policy-" + width);
        ben.css("[data-test=notes-policy-save]").sendKeys(Keys.ENTER);
        waitForText(ben, "[data-test=notes-admin-status]", "Settings saved");
        assertEquals(
            days,
            gateway
                .query("SELECT stale_after_days FROM library_note_settings")
                .get(0)
                .getInteger(0));
        assertEquals(
            List.of("fines", "accounts"),
            gateway.query("SELECT topic FROM library_local_topics ORDER BY topic DESC").stream()
                .map(row -> row.getString(0))
                .toList());
        assertEquals(
            "{pin,\"card number\"}",
            gateway
                .query("SELECT keywords::text FROM library_local_topics WHERE topic = 'accounts'")
                .get(0)
                .getString(0));
        assertEquals(List.of(), ben.accessibilityViolations());
      }
    }
  }
}
