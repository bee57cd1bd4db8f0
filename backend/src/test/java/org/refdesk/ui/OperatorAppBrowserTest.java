package org.refdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.Browser;
import org.refdesk.support.TestGateway;

@DisplayName(
    "The operator app during a shift: alerts, colleagues' chats, live library changes, tags, keyboard, phone")
class OperatorAppBrowserTest {

  /**
   * What the library's thresholds are at the start of every test: nothing turns overdue, idle or
   * away by itself.
   */
  private static final JsonObject DEFAULTS =
      new JsonObject()
          .put("firstMinuteSeconds", 3600)
          .put("deadAirSeconds", 3600)
          .put("awayAfterSeconds", 3600)
          .put("idleWarnSeconds", 3600)
          .put("requireTag", false);

  /**
   * The last message is inside the conversation's visible part (not under a nudge or the end
   * panel).
   */
  private static final String LAST_MESSAGE_IN_VIEW =
      """
      const list = document.querySelector('[data-test=messages]');
      const all = list.querySelectorAll('[data-test=message]');
      const last = all[all.length - 1].getBoundingClientRect(), box = list.getBoundingClientRect();
      return last.bottom <= box.bottom + 1 && last.top >= box.top - 1;
      """;

  private static TestGateway gateway;
  private static String admin;

  @BeforeAll
  static void start() {
    // One test pours 25 patron messages in at once to fill the screen; flood control has its own
    // test.
    gateway = TestGateway.start(Map.of("REFDESK_PATRON_MESSAGES_PER_MINUTE", "100000"));
    admin = gateway.adminToken();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @BeforeEach
  void quietLibrary() {
    library(DEFAULTS);
  }

  /**
   * Sets thresholds straight in the database, below what an admin may choose, so a test need not
   * wait minutes.
   */
  private static void library(JsonObject settings) {
    gateway.query("UPDATE libraries SET settings = settings || $1::jsonb RETURNING id", settings);
  }

  @AfterEach
  void nobodyWaits() {
    // Each test starts with no chat waiting or open, so no overdue alert from another test reaches
    // it.
    gateway.query(
        "UPDATE chats SET state = 'ended', ended_at = now() WHERE state <> 'ended' RETURNING id");
  }

  private static HttpResponse<Buffer> send(
      String method, String path, JsonObject body, String token) {
    var request =
        gateway
            .client()
            .request(HttpMethod.valueOf(method), gateway.port(), "127.0.0.1", path)
            .bearerTokenAuthentication(token);
    return TestGateway.await(body == null ? request.send() : request.sendJsonObject(body));
  }

  private static void signIn(Browser browser, String username) {
    LiveChatBrowserTest.signIn(
        browser, gateway.port(), username, gateway.librarianPassword(username));
  }

  private static void until(Browser browser, Function<WebDriver, Boolean> condition) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(condition::apply);
  }

  private static void claimFromList(Browser browser, long chatId) {
    browser
        .waitFor(By.cssSelector("[data-test=waiting-item][data-chat-id='" + chatId + "']"))
        .click();
    browser.waitFor(By.cssSelector("[data-test=claim]")).click();
    browser.waitFor(By.cssSelector("[data-test=composer]"));
  }

  private static void patronSays(BridgeClient patron, JsonObject chat, String text, String id) {
    patron.request(
        "chat.send",
        new JsonObject()
            .put("chatId", chat.getLong("chatId"))
            .put("text", text)
            .put("clientMsgId", id),
        chat.getString("token"));
  }

  private static Object focused(Browser browser) {
    return browser.script(
        "const e = document.activeElement;"
            + " return e === document.body || !e ? 'body' : e.getAttribute('data-test') || e.tagName");
  }

  private static void pressTabUntil(Browser browser, String test) {
    for (int i = 0; i < 60; i++) {
      if (test.equals(focused(browser))) {
        return;
      }
      new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
    }
    throw new AssertionError("Tab never reached [data-test=" + test + "]");
  }

  @Test
  @DisplayName(
      "a patron's reply while the librarian searches the catalogue in another window rings its own sound and flashes the title; the sound can be switched off")
  @SuppressWarnings("unchecked")
  void newMessageAlert() {
    var chat = gateway.startChat("ask", "Noor", "Any books on beekeeping?");
    try (var ben = Browser.open(1280, 800);
        var patron = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      signIn(ben, "ben");
      claimFromList(ben, chat.getLong("chatId"));
      ben.script(
          """
          window.tones = [];
          const start = OscillatorNode.prototype.start;
          OscillatorNode.prototype.start = function (...args) { window.tones.push(this.frequency.value); return start.apply(this, args); };
          """);
      // Headless Chromium keeps every window focused; the page is told what a person's switch to
      // the
      // catalogue's window would tell it.
      ben.script(
          "Object.defineProperty(document, 'hasFocus', { value: () => false, configurable: true });"
              + " window.dispatchEvent(new Event('blur'));");

      patronSays(patron, chat, "Especially for beginners.", "noor-1");
      until(ben, d -> String.valueOf(ben.script("return document.title")).contains("New message"));
      var tones = (List<Object>) ben.script("return window.tones");
      assertFalse(tones.isEmpty(), "a sound was played");
      assertFalse(
          tones.contains(880.0) || tones.contains(880L),
          "the new-message sound is not the new-chat chime: " + tones);

      ben.css("[data-test=tools]").click();
      ben.waitFor(By.cssSelector("[data-test=alert-settings]")).click();
      var messageSound = ben.waitFor(By.cssSelector("[data-test=alert-message-sound]"));
      assertTrue(messageSound.isSelected(), "on by default");
      ben.screenshot("app-alert-settings-1280");
      messageSound.click();
      gateway.eventually(
          "the choice is saved",
          () ->
              gateway.count(
                      "SELECT count(*) FROM operator_settings WHERE alerts ->> 'messageSound' = 'false'")
                  == 1,
          5000);
      assertEquals(List.of(), ben.consoleErrors());
    }
  }

  @Test
  @DisplayName(
      "a colleague's preview of a chat someone claimed says who has it, stops showing the conversation as the patron's, and offers no actions")
  void colleaguePreviewAfterClaim() {
    var chat = gateway.startChat("ask", "Priya", "Where are the local newspapers on microfilm?");
    long chatId = chat.getLong("chatId");
    try (var alice = Browser.open(1280, 800);
        var bus = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      signIn(alice, "alice");
      alice
          .waitFor(By.cssSelector("[data-test=waiting-item][data-chat-id='" + chatId + "']"))
          .click();
      alice.waitFor(By.cssSelector("[data-test=claim]"));
      LiveChatBrowserTest.waitForText(alice, "[data-test=patron-state]", "Waiting");

      var ben = gateway.librarianToken("ben");
      assertEquals(200, send("POST", "/api/chats/" + chatId + "/claim", null, ben).statusCode());
      bus.request(
          "chat.send",
          new JsonObject()
              .put("chatId", chatId)
              .put("text", "Ben here, checking the film cabinet.")
              .put("clientMsgId", "ben-1"),
          ben);

      LiveChatBrowserTest.waitForText(
          alice, "[data-test=preview] [data-test=claimed-by]", "Claimed by Ben Okafor");
      LiveChatBrowserTest.waitForText(
          alice, "[data-test=patron-state]", "In progress — Ben Okafor");
      assertFalse(
          alice.css("#preview-title").getText().contains("waiting"),
          "no running wait once claimed");
      assertTrue(
          alice.driver().findElements(By.cssSelector("[data-test=record-email]")).isEmpty(),
          "no e-mail form on a colleague's chat");
      for (var message :
          alice.driver().findElements(By.cssSelector("[data-test=preview] [data-test=message]"))) {
        assertFalse(
            message.getText().contains("Priya") && message.getText().contains("Ben here"),
            "Ben's words labelled as the patron's: " + message.getText());
      }
      alice.screenshot("app-colleague-preview-1280");

      assertEquals(
          200, send("POST", "/api/chats/" + chatId + "/end", new JsonObject(), ben).statusCode());
      LiveChatBrowserTest.waitForText(alice, "[data-test=patron-state]", "Ended");
      assertEquals(List.of(), alice.consoleErrors());
    }
  }

  @Test
  @DisplayName(
      "an admin's new tag, required-tag rule and thresholds reach an open app without a reload")
  void libraryChangesApplyLive() {
    var chat = gateway.startChat("ask", "Omar", "Do you have Arabic picture books?");
    try (var ben = Browser.open(1280, 800);
        var patron = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      signIn(ben, "ben");
      claimFromList(ben, chat.getLong("chatId"));

      assertEquals(
          201,
          send("POST", "/api/tags", new JsonObject().put("name", "Picture books"), admin)
              .statusCode());
      var tagInput = ben.css("[data-test=chat-view] [data-test=tag-input]");
      tagInput.sendKeys("Picture");
      LiveChatBrowserTest.waitForText(ben, "[data-test=tag-option]", "Picture books");
      tagInput.sendKeys(Keys.ESCAPE);

      assertEquals(
          200,
          send(
                  "PUT",
                  "/api/admin/library/settings",
                  new JsonObject().put("requireTag", true),
                  admin)
              .statusCode());
      ben.css("[data-test=end-chat]").click();
      LiveChatBrowserTest.waitForText(ben, "[data-test=needs-tag]", "Add at least one tag first");
      assertFalse(ben.css("[data-test=confirm-end]").isEnabled());
      assertEquals(
          200,
          send(
                  "PUT",
                  "/api/admin/library/settings",
                  new JsonObject().put("requireTag", false),
                  admin)
              .statusCode());
      until(ben, d -> d.findElement(By.cssSelector("[data-test=confirm-end]")).isEnabled());
      ben.css("[data-test=keep-chatting]").click();

      assertEquals(
          200,
          send(
                  "PUT",
                  "/api/admin/library/settings",
                  new JsonObject().put("deadAirSeconds", 10),
                  admin)
              .statusCode());
      patronSays(patron, chat, "Ideally for a three-year-old.", "omar-1");
      new WebDriverWait(ben.driver(), Duration.ofSeconds(30))
          .until(d -> !d.findElements(By.cssSelector("[data-test=nudge]")).isEmpty());
      assertEquals(List.of(), ben.consoleErrors());
    }
  }

  @Test
  @DisplayName(
      "tags are found by how they start, a queue is named even when not one's own, the end panel says what it knows, and the newest message stays in view")
  void tagsQueuesAndTheNewestMessage() {
    for (var name : List.of("Blocked cards", "Hours and locations", "Local history")) {
      send("POST", "/api/tags", new JsonObject().put("name", name), admin);
    }
    library(new JsonObject().put("deadAirSeconds", 5));
    var chat = gateway.startChat("ask", "Lena", "Who built the old mill?");
    try (var ben = Browser.open(1280, 640);
        var patron = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      signIn(ben, "ben");
      claimFromList(ben, chat.getLong("chatId"));
      for (int i = 1; i <= 25; i++) {
        patronSays(patron, chat, "Detail number " + i + " about the mill.", "lena-" + i);
      }
      LiveChatBrowserTest.waitForText(ben, "[data-test=message]", "Detail number 25");
      assertTrue(
          (Boolean)
              ben.script(
                  "const l = document.querySelector('[data-test=messages]'); return l.scrollHeight > l.clientHeight + 200"));
      until(ben, d -> (Boolean) ben.script(LAST_MESSAGE_IN_VIEW));

      ben.waitFor(By.cssSelector("[data-test=nudge]"));
      assertTrue((Boolean) ben.script(LAST_MESSAGE_IN_VIEW), "the nudge hides the newest message");

      ben.css("[data-test=end-chat]").click();
      LiveChatBrowserTest.waitForText(ben, "[data-test=end-panel]", "Tag the chat first");
      assertTrue(
          (Boolean) ben.script(LAST_MESSAGE_IN_VIEW), "the end panel hides the newest message");
      var tagInput = ben.css("[data-test=end-panel] [data-test=tag-input]");
      tagInput.sendKeys("loc");
      ben.waitFor(By.cssSelector("[data-test=tag-option]"));
      assertEquals(
          List.of("Local history", "Hours and locations", "Blocked cards"),
          LiveChatBrowserTest.texts(ben, "[data-test=end-panel] [data-test=tag-option]"));
      tagInput.sendKeys(Keys.ENTER);
      LiveChatBrowserTest.waitForText(
          ben, "[data-test=end-panel] [data-test=tag-chip]", "Local history");
      LiveChatBrowserTest.waitForText(ben, "[data-test=end-words]", "Tagged Local history");
      assertFalse(ben.css("[data-test=end-panel]").getText().contains("Tag the chat first"));
      ben.screenshot("app-end-panel-1280");
    }

    // Alice does not work the Science Desk, but an overdue chat there reaches her, named.
    library(new JsonObject().put("firstMinuteSeconds", 1));
    try (var alice = Browser.open(1280, 800)) {
      signIn(alice, "alice");
      // The overdue announcement is made once: Alice must be listening before it is.
      LiveChatBrowserTest.waitForText(alice, "[data-test=connection]", "Connected");
      long science =
          gateway.startChat("science", "Ivo", "Is there a star atlas?").getLong("chatId");
      alice
          .waitFor(
              By.cssSelector(
                  "[data-test=overdue-chat][data-chat-id='"
                      + science
                      + "'] [data-test=overdue-preview]"))
          .click();
      LiveChatBrowserTest.waitForText(alice, "[data-test=patron-queue]", "Science Desk");
      assertEquals(List.of(), alice.consoleErrors());
    }
  }

  @Test
  @DisplayName(
      "by keyboard: a skip link, Claim right after the chosen chat, and focus that never falls to the page after ending a chat")
  void keyboardFocus() {
    var ben = gateway.librarianToken("ben");
    for (int i = 0; i < 6; i++) {
      long earlier =
          gateway.startChat("ask", "Earlier " + i, "An older question " + i).getLong("chatId");
      send("POST", "/api/chats/" + earlier + "/claim", null, ben);
      send("POST", "/api/chats/" + earlier + "/end", new JsonObject(), ben);
    }
    try (var browser = Browser.open(1280, 800)) {
      signIn(browser, "ben");
      LiveChatBrowserTest.waitForText(browser, "[data-test=recent-chats]", "Earlier 5");
      browser.script("document.activeElement.blur()");
      new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
      assertEquals("skip-link", focused(browser), "the first Tab reaches the skip link");
      assertTrue(
          browser.css("[data-test=skip-link]").isDisplayed(),
          "a skip link is seen when it has focus");
      browser.screenshot("app-skip-link-1280");

      long chatId = gateway.startChat("ask", "Kai", "Can I renew by phone?").getLong("chatId");
      var item =
          browser.waitFor(
              By.cssSelector("[data-test=waiting-item][data-chat-id='" + chatId + "']"));
      pressTabUntil(browser, "waiting-item");
      assertEquals(String.valueOf(chatId), item.getAttribute("data-chat-id"));
      new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
      browser.waitForText(By.cssSelector("[data-test=preview-question]"), "renew by phone");
      new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
      assertEquals("claim", focused(browser), "Claim comes right after the chosen chat");
      new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
      browser.waitFor(By.cssSelector("[data-test=composer]"));

      pressTabUntil(browser, "end-chat");
      new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
      browser.waitFor(By.cssSelector("[data-test=end-panel]"));
      pressTabUntil(browser, "confirm-end");
      new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
      browser.waitFor(By.cssSelector("[data-test=chat-ended]"));
      until(browser, d -> "dismiss-chat".equals(focused(browser)));
      new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
      until(browser, d -> d.findElements(By.cssSelector("[data-test=chat-ended]")).isEmpty());
      assertFalse("body".equals(focused(browser)), "focus after closing the tab");
      assertEquals(List.of(), browser.consoleErrors());
    }
  }

  @Test
  @DisplayName(
      "by keyboard: Back to Online after an automatic Away leaves focus on the status, not on the page")
  void backFromAwayKeepsFocus() {
    library(new JsonObject().put("awayAfterSeconds", 1));
    try (var browser = Browser.open(1280, 800)) {
      signIn(browser, "ben");
      LiveChatBrowserTest.goOnline(browser);
      new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
          .until(d -> !d.findElements(By.cssSelector("[data-test=away-banner]")).isEmpty());
      pressTabUntil(browser, "back-online");
      new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
      until(browser, d -> d.findElements(By.cssSelector("[data-test=away-banner]")).isEmpty());
      assertEquals("status-select", focused(browser));
    }
  }

  @Test
  @DisplayName(
      "on a 360 x 740 phone the conversation has at least half the screen, even with the overdue banner")
  void phoneConversationHeight() {
    library(new JsonObject().put("firstMinuteSeconds", 1));
    var chat = gateway.startChat("ask", "Mia", "What time do you open on Sunday?");
    gateway.startChat("science", "Jon", "Is the telescope club meeting tonight?");
    try (var ben = Browser.open(360, 740)) {
      signIn(ben, "ben");
      ben.waitFor(By.cssSelector("[data-test=escalation-notice]"));
      ben.screenshot("app-phone-queue-360");
      claimFromList(ben, chat.getLong("chatId"));
      ben.waitFor(By.cssSelector("[data-test=escalation-notice]"));
      ben.waitFor(By.cssSelector("[data-test=composer]"));
      double withBanner =
          ((Number)
                  ben.script(
                      "return document.querySelector('[data-test=messages]').getBoundingClientRect().height"))
              .doubleValue();
      ben.screenshot("app-phone-chat-overdue-360");
      System.out.printf(
          "360 x 740 with the overdue notice: the conversation is %.0f px tall%n", withBanner);
      assertTrue(
          withBanner >= 370,
          "with the overdue banner the message list is " + withBanner + " px tall");
      assertTrue(ben.css("[data-test=composer]").isDisplayed());
      assertTrue(
          ben.accessibilityViolations().isEmpty(),
          () -> "phone chat: " + ben.accessibilityViolations());
      assertEquals(List.of(), ben.consoleErrors());
    }
  }
}
