package org.refdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.refdesk.ui.LiveChatBrowserTest.goOnline;
import static org.refdesk.ui.LiveChatBrowserTest.signIn;
import static org.refdesk.ui.LiveChatBrowserTest.waitForText;

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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.Browser;
import org.refdesk.support.TestGateway;

@DisplayName(
    "A reference shift in the browser: canned messages, tags, the first minute, idle patrons, monitoring, status")
class ShiftBrowserTest {

  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    // A patron's grace time past the first minute's escalation and claim, short enough to watch.
    gateway =
        TestGateway.start(
            Map.of("REFDESK_TIMER_TICK_MS", "250", "REFDESK_PATRON_GRACE_SECONDS", "10"));
    // Seconds where a library would set minutes, so the clock can be watched in a test.
    gateway.query(
        """
        UPDATE libraries SET settings = settings || '{"firstMinuteSeconds": 3, "waitUpdateSeconds": 3,
          "idleWarnSeconds": 3, "idleEndSeconds": 3, "deadAirSeconds": 3}'::jsonb RETURNING id""");
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + gateway.port() + path;
  }

  private static void claimFromList(Browser browser, long chatId) {
    browser
        .waitFor(By.cssSelector("[data-test=waiting-item][data-chat-id='" + chatId + "']"))
        .click();
    browser.waitFor(By.cssSelector("[data-test=claim]")).click();
    browser.waitFor(By.cssSelector("[data-test=composer]"));
  }

  @Test
  @DisplayName(
      "earlier chats by e-mail, a canned greeting by shortcut, the dead-air nudge, and a required tag before closing")
  void answeringWell() {
    var admin = gateway.adminToken();
    gateway.query(
        "UPDATE libraries SET settings = settings || '{\"requireTag\": true}'::jsonb RETURNING id");
    assertEquals(
        201,
        TestGateway.await(
                gateway
                    .client()
                    .post("/api/tags")
                    .bearerTokenAuthentication(admin)
                    .sendJsonObject(new JsonObject().put("name", "Local history")))
            .statusCode());
    var earlier =
        gateway
            .post(
                "/api/widget/chats",
                new JsonObject()
                    .put("queue", "ask")
                    .put("name", "Ana")
                    .put("email", "ana@example.org")
                    .put("question", "Census records from 1900?"),
                null)
            .bodyAsJsonObject();
    gateway.post(
        "/api/widget/chats/" + earlier.getLong("chatId") + "/end",
        new JsonObject(),
        earlier.getString("token"));
    var now =
        gateway
            .post(
                "/api/widget/chats",
                new JsonObject()
                    .put("queue", "ask")
                    .put("name", "Ana")
                    .put("email", "ana@example.org")
                    .put("question", "Maps of the old mill?"),
                null)
            .bodyAsJsonObject();
    long chatId = now.getLong("chatId");

    try (var ben = Browser.open(1280, 900);
        var patron = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      // The patron's widget is open from the start, as it is for a patron who just asked: on a
      // slow machine the sign-in may outlast the grace time of a patron with no widget open.
      patron.register("chat." + chatId, now.getString("token"));
      signIn(ben, gateway.port(), "ben", gateway.librarianPassword("ben"));
      claimFromList(ben, chatId);
      waitForText(ben, "[data-test=earlier-chats]", "Census records from 1900?");

      var composer = ben.css("[data-test=composer]");
      composer.sendKeys("/hi");
      ben.waitFor(By.cssSelector("[data-test=canned-option][data-shortcut=hi]"));
      composer.sendKeys(Keys.ENTER);
      new WebDriverWait(ben.driver(), Duration.ofSeconds(5))
          .until(
              d ->
                  composer
                      .getAttribute("value")
                      .startsWith("Hi Ana, I'm Ben Okafor at Demo Library"));
      composer.sendKeys(Keys.ENTER);
      waitForText(ben, "[data-test=message]", "Hi Ana, I'm Ben Okafor at Demo Library");
      ben.screenshot("shift-canned-1280");

      // The patron writes and the librarian says nothing for the dead-air time: a nudge offers
      // "still looking".
      patron.request(
          "chat.send",
          new JsonObject()
              .put("chatId", chatId)
              .put("text", "Thanks! Any of the 1850s?")
              .put("clientMsgId", "ana-1"),
          now.getString("token"));
      ben.waitFor(By.cssSelector("[data-test=nudge]"));
      ben.screenshot("shift-nudge-1280");
      ben.css("[data-test=nudge-send]").click();
      waitForText(ben, "[data-test=message]", "Still looking — thanks for waiting, Ana.");

      ben.css("[data-test=end-chat]").click();
      ben.waitFor(By.cssSelector("[data-test=end-panel]"));
      waitForText(ben, "[data-test=needs-tag]", "Add at least one tag first");
      assertTrue(
          !ben.css("[data-test=end-panel] [data-test=confirm-end]").isEnabled(),
          "closing waits for a tag");
      ben.screenshot("shift-needs-tag-1280");
      var tagInput = ben.css("[data-test=end-panel] [data-test=tag-input]");
      tagInput.sendKeys("Local");
      ben.waitFor(By.cssSelector("[data-test=tag-option]"));
      tagInput.sendKeys(Keys.ENTER);
      waitForText(ben, "[data-test=end-panel] [data-test=tag-chip]", "Local history");
      new WebDriverWait(ben.driver(), Duration.ofSeconds(5))
          .until(
              d ->
                  d.findElement(By.cssSelector("[data-test=end-panel] [data-test=confirm-end]"))
                      .isEnabled());
      ben.css("[data-test=end-panel] [data-test=confirm-end]").click();
      ben.waitFor(By.cssSelector("[data-test=chat-ended]"));
      assertEquals(
          "ended",
          gateway.query("SELECT state FROM chats WHERE id = $1", chatId).get(0).getString(0));
      assertTrue(
          ben.accessibilityViolations().isEmpty(),
          () -> "shift screens: " + ben.accessibilityViolations());
      assertEquals(List.of(), ben.consoleErrors());
    } finally {
      gateway.query(
          "UPDATE libraries SET settings = settings || '{\"requireTag\": false}'::jsonb RETURNING id");
    }
  }

  @Test
  @DisplayName(
      "a librarian monitoring one queue does not see the other's chats; an overdue chat reaches even a colleague who cannot monitor it")
  void monitoringAndEscalation() {
    try (var ben = Browser.open(1280, 900);
        var alice = Browser.open(1280, 900)) {
      signIn(ben, gateway.port(), "ben", gateway.librarianPassword("ben"));
      signIn(alice, gateway.port(), "alice", gateway.librarianPassword("alice"));
      ben.css("[data-test=monitor-choice] summary").click();
      var science =
          ben.waitFor(
              By.cssSelector(
                  "[data-test=monitor-queue][data-queue-id='" + gateway.queueId("science") + "']"));
      science.click();
      new WebDriverWait(ben.driver(), Duration.ofSeconds(5))
          .until(
              d ->
                  gateway.count(
                          "SELECT count(*) FROM operator_settings WHERE monitored_queues IS NOT NULL")
                      > 0);

      long askChat = gateway.startChat("ask", "Bo", "Ask queue question").getLong("chatId");
      long scienceChat =
          gateway.startChat("science", "Cy", "Science queue question").getLong("chatId");
      ben.waitFor(By.cssSelector("[data-test=waiting-item][data-chat-id='" + askChat + "']"));
      ben.waitFor(By.cssSelector("[data-test=countdown]"));
      assertTrue(
          ben.driver()
              .findElements(
                  By.cssSelector("[data-test=waiting-item][data-chat-id='" + scienceChat + "']"))
              .isEmpty(),
          "a queue ben left out is not in his list");
      ben.screenshot("shift-monitor-one-queue-1280");

      // Alice may not monitor the Science Desk at all, yet when its chat is overdue she hears of
      // it.
      alice.waitFor(By.cssSelector("[data-test=overdue-chat][data-chat-id='" + scienceChat + "']"));
      ben.waitFor(
          By.cssSelector(
              "[data-test=waiting-item][data-chat-id='" + askChat + "'] [data-test=overdue]"));
      alice.screenshot("shift-escalation-1280");
      alice
          .css(
              "[data-test=overdue-chat][data-chat-id='"
                  + scienceChat
                  + "'] [data-test=overdue-claim]")
          .click();
      alice.waitFor(By.cssSelector("[data-test=composer]"));
      assertEquals(
          "active",
          gateway.query("SELECT state FROM chats WHERE id = $1", scienceChat).get(0).getString(0));
      assertEquals(List.of(), alice.consoleErrors());
    }
  }

  @Test
  @DisplayName(
      "the patron hears where they stand, is asked if they are still there, and the chat closes itself once they have left; internal status closes the widget")
  void patronSide() {
    try (var ben = Browser.open(1280, 900);
        var patron = Browser.open(360, 740)) {
      signIn(ben, gateway.port(), "ben", gateway.librarianPassword("ben"));
      goOnline(ben);
      patron.go(url("/demo/"));
      patron.waitForPresence(By.cssSelector("refdesk-widget"));
      patron.script("window.Refdesk.open()");
      LiveChatBrowserTest.enterWidgetFrame(patron);
      patron.waitFor(By.id("question")).sendKeys("Can I book a study room?");
      patron.css("form button[type=submit]").click();
      waitForText(patron, ".log", "in line");
      patron.screenshot("shift-wait-update-360");

      long chatId =
          gateway
              .query("SELECT id FROM chats WHERE question = 'Can I book a study room?'")
              .get(0)
              .getLong(0);
      claimFromList(ben, chatId);
      var composer = ben.css("[data-test=composer]");
      composer.sendKeys("Which day would you like?");
      composer.sendKeys(Keys.ENTER);
      waitForText(patron, ".log", "Are you still there?");
      patron.screenshot("shift-still-there-360");
      // The patron goes away without answering; back later, they read why the chat closed.
      patron.driver().switchTo().defaultContent();
      patron.go("about:blank");
      ben.waitFor(By.cssSelector("[data-test=chat-ended]"));
      patron.go(url("/demo/"));
      patron.waitForPresence(By.cssSelector("refdesk-widget"));
      patron.script("window.Refdesk.open()");
      LiveChatBrowserTest.enterWidgetFrame(patron);
      waitForText(patron, ".log", "the chat window had been closed");
      waitForText(patron, "main", "This chat has ended");

      ben.css("[data-test=status-select]").click();
      ben.waitFor(By.cssSelector("[data-test=status-internal]")).click();
      new WebDriverWait(ben.driver(), Duration.ofSeconds(10))
          .until(
              d ->
                  "internal"
                      .equals(
                          d.findElement(By.cssSelector("[data-test=status-select]"))
                              .getAttribute("data-status")));
      patron.driver().switchTo().defaultContent();
      patron.script("sessionStorage.clear()");
      patron.driver().navigate().refresh();
      patron.waitForPresence(By.cssSelector("refdesk-widget"));
      patron.script("window.Refdesk.open()");
      LiveChatBrowserTest.enterWidgetFrame(patron);
      waitForText(patron, "main", "Nobody is answering right now");
      patron.screenshot("shift-internal-offline-360");
    }
  }
}
