package org.refdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.Browser;
import org.refdesk.support.TestGateway;

/**
 * A patron who comes back: to the library's page after a reload, with a librarian's answer not read
 * yet, or to the question form for another chat. The widget is on a library site other than the
 * gateway's, so the iframe's own storage may be denied.
 */
@DisplayName("A patron coming back to the widget")
class WidgetReturningPatronBrowserTest {

  private static TestGateway gateway;
  private static HostPage host;
  private static BridgeClient librarian;
  private static String ben;

  @BeforeAll
  static void start() {
    int hostPort = TestGateway.freePort();
    var hostSite = "returning-host.localhost";
    gateway =
        TestGateway.start(
            Map.of(
                "REFDESK_ALLOWED_ORIGINS",
                "http://" + hostSite + ":" + hostPort,
                // Ben stays online for the whole class without a heartbeat.
                "REFDESK_PRESENCE_TIMEOUT_SECONDS",
                "3600"));
    host = new HostPage(gateway.vertx(), gateway.port(), hostPort, hostSite);
    librarian = BridgeClient.connect(gateway.vertx(), gateway.port());
    ben = gateway.librarianToken("ben");
    librarian.request("presence.set", new JsonObject().put("status", "online"), ben);
  }

  @AfterAll
  static void stop() {
    librarian.close();
    host.close();
    gateway.close();
  }

  @AfterEach
  void nobodyWaits() {
    gateway.query(
        "UPDATE chats SET state = 'ended', ended_at = now() WHERE state <> 'ended' RETURNING id");
  }

  private static Browser browser(boolean frameStorageDenied) {
    return frameStorageDenied
        ? Browser.openDenyingStorageTo("http://127.0.0.1:" + gateway.port(), 1280, 800)
        : Browser.open(1280, 800);
  }

  /** Asks in the widget's form (the patron is in the widget's frame); answers the chat's id. */
  private static long ask(Browser patron, String name, String email, String question) {
    patron.waitFor(By.id("question"));
    if (!name.isEmpty()) {
      patron.css("#name").sendKeys(name);
    }
    if (!email.isEmpty()) {
      patron.css("#email").sendKeys(email);
    }
    patron.css("#question").sendKeys(question);
    patron.css("form button[type=submit]").click();
    LiveChatBrowserTest.waitForText(patron, ".log", question);
    return gateway.query("SELECT id FROM chats WHERE question = $1", question).get(0).getLong(0);
  }

  private static void benSays(long chatId, String text) {
    var reply =
        librarian.request(
            "chat.send",
            new JsonObject()
                .put("chatId", chatId)
                .put("text", text)
                .put("clientMsgId", UUID.randomUUID().toString()),
            ben);
    assertEquals("rec", reply.getString("type"), reply::encode);
  }

  /** The launcher's badge on the library's page: its words, or "" while it is hidden. */
  private static String badge(Browser patron) {
    patron.driver().switchTo().defaultContent();
    var root = patron.waitForPresence(By.cssSelector("refdesk-widget")).getShadowRoot();
    WebElement badge = root.findElement(By.cssSelector(".launcher .badge"));
    // The words after the number are there for screen readers only; textContent has them all.
    return badge.isDisplayed() ? badge.getDomProperty("textContent").trim() : "";
  }

  private static void badgeSays(Browser patron, String words) {
    try {
      new WebDriverWait(patron.driver(), Duration.ofSeconds(10))
          .until(d -> words.equals(badge(patron)));
    } catch (RuntimeException e) {
      throw new AssertionError(
          "the badge should say '" + words + "' but says '" + badge(patron) + "'", e);
    }
  }

  @ParameterizedTest(name = "frame storage denied: {0}")
  @ValueSource(booleans = {false, true})
  @DisplayName(
      "the launcher's unread badge survives a reload of the library's page while a librarian's reply is unread, and counts on from there")
  void unreadBadgeSurvivesReload(boolean frameStorageDenied) {
    try (var patron = browser(frameStorageDenied)) {
      patron.go(host.url());
      WidgetAcrossSitesBrowserTest.openFromPage(patron);
      var question = "Can I renew a book that is overdue? (" + frameStorageDenied + ")";
      long chatId = ask(patron, "Una", "", question);
      // The patron closes the panel to read the library's page; the chat goes on.
      patron.css("#close").click();
      patron.driver().switchTo().defaultContent();
      assertEquals("", badge(patron), "nothing unread yet");

      assertEquals(
          200,
          TestGateway.await(
                  gateway
                      .client()
                      .post("/api/chats/" + chatId + "/claim")
                      .bearerTokenAuthentication(ben)
                      .send())
              .statusCode());
      benSays(chatId, "Yes, once, from your account page.");
      badgeSays(patron, "1 new message");

      patron.driver().navigate().refresh();
      badgeSays(patron, "1 new message");
      patron.screenshot("widget-badge-after-reload-" + (frameStorageDenied ? "denied" : "allowed"));

      benSays(chatId, "Or I can renew it for you now.");
      badgeSays(patron, "2 new messages");

      // Opening the panel shows both and clears the count; it stays cleared through another reload.
      patron.script("window.Refdesk.open()");
      LiveChatBrowserTest.enterWidgetFrame(patron);
      LiveChatBrowserTest.waitForText(patron, ".log .msg.theirs", "Or I can renew it for you now.");
      LiveChatBrowserTest.waitForText(
          patron, ".log .msg.theirs", "Yes, once, from your account page.");
      assertEquals("", badge(patron), "read once the panel is open");
      patron.driver().navigate().refresh();
      LiveChatBrowserTest.enterWidgetFrame(patron);
      LiveChatBrowserTest.waitForText(patron, ".log .msg.theirs", "Or I can renew it for you now.");
      assertEquals("", badge(patron), "nothing unread after the reload either");
      assertEquals(
          List.of(), patron.consoleErrors().stream().filter(e -> !e.contains("favicon")).toList());
    }
  }

  @Test
  @DisplayName(
      "Start a new chat after ending one has the name and e-mail given for it filled in, also after a change of page")
  void newChatRemembersNameAndEmail() {
    try (var patron = browser(true)) {
      patron.go(host.url());
      WidgetAcrossSitesBrowserTest.openFromPage(patron);
      ask(patron, "Noor Haddad", "noor@example.org", "Do you hold the parish magazine for 1952?");

      // The patron ends it and starts another straight away.
      patron.css(".actions .link").click();
      patron.waitFor(By.cssSelector(".confirm .danger")).click();
      patron.waitFor(By.cssSelector(".ended .primary")).click();
      patron.waitFor(By.id("question"));
      assertEquals("Noor Haddad", patron.css("#name").getAttribute("value"));
      assertEquals("noor@example.org", patron.css("#email").getAttribute("value"));
      assertEquals(
          "question",
          patron.script("return document.activeElement.id"),
          "the question is what is left to type");
      patron.screenshot("widget-new-chat-prefilled");

      // A second chat, then another page of the library's site, where the librarian ends it.
      long second = ask(patron, "", "", "And for 1953?");
      assertEquals(
          List.of("Noor Haddad"),
          gateway.query("SELECT patron_name FROM chats WHERE id = $1", second).stream()
              .map(row -> row.getString(0))
              .toList(),
          "the name went with the second chat");
      patron.driver().switchTo().defaultContent();
      patron.css("#other-page").click();
      new WebDriverWait(patron.driver(), Duration.ofSeconds(10))
          .until(d -> d.getCurrentUrl().endsWith("/hours"));
      LiveChatBrowserTest.enterWidgetFrame(patron);
      LiveChatBrowserTest.waitForText(patron, ".log", "And for 1953?");
      assertEquals(
          200,
          TestGateway.await(
                  gateway
                      .client()
                      .post("/api/chats/" + second + "/claim")
                      .bearerTokenAuthentication(ben)
                      .send())
              .statusCode());
      assertEquals(
          200,
          TestGateway.await(
                  gateway
                      .client()
                      .post("/api/chats/" + second + "/end")
                      .bearerTokenAuthentication(ben)
                      .sendJsonObject(new JsonObject()))
              .statusCode());
      patron.waitFor(By.cssSelector(".ended .primary")).click();
      patron.waitFor(By.id("question"));
      assertEquals(
          "Noor Haddad",
          patron.css("#name").getAttribute("value"),
          "the name, after a change of page");
      assertEquals(
          "noor@example.org",
          patron.css("#email").getAttribute("value"),
          "the e-mail, after a change of page");
      patron.driver().switchTo().defaultContent();
      assertEquals(
          List.of(), patron.consoleErrors().stream().filter(e -> !e.contains("favicon")).toList());
    }
  }
}
