package org.refdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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

/**
 * The co-op case: one gateway on its own site, the widget on a library's site. The iframe is then a
 * third-party frame, whose storage the browser may partition or deny; the chat must follow the
 * patron from page to page of the library's site all the same.
 */
@DisplayName("The widget on a library site other than the gateway's")
class WidgetAcrossSitesBrowserTest {

  private static TestGateway gateway;
  private static HostPage host;
  private static BridgeClient librarian;
  private static String benToken;

  @BeforeAll
  static void start() {
    int hostPort = TestGateway.freePort();
    var hostSite = "refdesk-host.localhost";
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
    benToken = gateway.librarianToken("ben");
    librarian.request("presence.set", new JsonObject().put("status", "online"), benToken);
  }

  @AfterAll
  static void stop() {
    librarian.close();
    host.close();
    gateway.close();
  }

  @Test
  @DisplayName(
      "with third-party storage allowed, the chat follows the patron to another page and through a reload")
  void storageAllowed() {
    try (var patron = Browser.open(1280, 800)) {
      followsThePatron(patron, "Robin Allowed");
    }
  }

  @Test
  @DisplayName(
      "with third-party storage blocked, the chat still follows the patron to another page and through a reload")
  void storageBlocked() {
    try (var patron =
        Browser.openDenyingStorageTo("http://127.0.0.1:" + gateway.port(), 1280, 800)) {
      followsThePatron(patron, "Robin Blocked");
      assertEquals(
          "SecurityError",
          patron.script(
              "try { sessionStorage.getItem('x'); return 'usable'; } catch (e) { return e.name; }"),
          "the widget's frame really has no storage of its own in this browser");
    }
  }

  private void followsThePatron(Browser patron, String name) {
    var question = "Where are the parish records, " + name + "?";
    patron.go(host.url());
    openFromPage(patron);
    patron.waitFor(By.id("question"));
    patron.css("#name").sendKeys(name);
    patron.css("#question").sendKeys(question);
    patron.css("form button[type=submit]").click();
    LiveChatBrowserTest.waitForText(patron, ".log", question);
    long chatId =
        gateway.query("SELECT id FROM chats WHERE patron_name = $1", name).get(0).getLong(0);

    // Another page of the library's site: the panel comes back open, with the chat.
    patron.driver().switchTo().defaultContent();
    patron.css("#other-page").click();
    new WebDriverWait(patron.driver(), Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().endsWith("/hours"));
    LiveChatBrowserTest.enterWidgetFrame(patron);
    LiveChatBrowserTest.waitForText(patron, ".log", question);
    var draft = patron.waitFor(By.id("draft"));
    draft.sendKeys("Still here on the hours page");
    draft.sendKeys(Keys.ENTER);
    LiveChatBrowserTest.waitForText(
        patron, ".log .msg.mine:not(.pending)", "Still here on the hours page");

    // A reload of that page: the same chat again, not the question form.
    patron.driver().switchTo().defaultContent();
    patron.driver().navigate().refresh();
    LiveChatBrowserTest.enterWidgetFrame(patron);
    LiveChatBrowserTest.waitForText(patron, ".log", "Still here on the hours page");
    assertTrue(patron.driver().findElements(By.id("question")).isEmpty(), "no new question form");

    assertEquals(
        1,
        gateway.count("SELECT count(*) FROM chats WHERE patron_name = $1", name),
        "one chat, not two");
    assertEquals(
        List.of(question, "Still here on the hours page"),
        gateway
            .query(
                "SELECT body FROM chat_events WHERE chat_id = $1 AND type = 'message' ORDER BY seq",
                chatId)
            .stream()
            .map(row -> row.getString(0))
            .toList(),
        "each message stored once");
  }

  @Test
  @DisplayName(
      "a question typed into the name box is asked whole: not cut at 80 characters, not taken for a name")
  void questionInNameBox() {
    var asked =
        "Hello, can I print from my own laptop at the branch library, and do I need to book it first?";
    try (var patron = Browser.open(360, 740)) {
      patron.go(host.url());
      openFromPage(patron);
      patron.waitFor(By.id("name")).sendKeys(asked);
      patron.css("form button[type=submit]").click();
      LiveChatBrowserTest.waitForText(patron, ".log .msg.mine", asked);
      var row = gateway.query("SELECT patron_name FROM chats WHERE question = $1", asked);
      assertEquals(List.of("Guest"), row.stream().map(r -> r.getString(0)).toList());
    }
  }

  @Test
  @DisplayName(
      "on a site the gateway does not allow, the panel says so in words, and the log names the origin to allow, once")
  void siteNotAllowed() {
    var records = new CopyOnWriteArrayList<LogRecord>();
    var collect =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
              records.add(record);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    var log = Logger.getLogger("org.refdesk");
    log.addHandler(collect);
    try (var stranger =
            new HostPage(gateway.vertx(), gateway.port(), TestGateway.freePort(), "localhost");
        var patron = Browser.open(1280, 800)) {
      for (int visit = 0; visit < 3; visit++) {
        patron.go(stranger.url());
        patron.waitForPresence(By.cssSelector("refdesk-widget"));
        patron.script("window.Refdesk.open()");
        var said =
            new WebDriverWait(patron.driver(), Duration.ofSeconds(10))
                .until(
                    d -> {
                      var root = d.findElement(By.cssSelector("refdesk-widget")).getShadowRoot();
                      var found = root.findElements(By.cssSelector(".refused"));
                      return found.isEmpty() || !found.get(0).isDisplayed()
                          ? null
                          : found.get(0).getText();
                    });
        assertTrue(said.contains("cannot open on this website"), said);
        assertTrue(
            patron
                .css("refdesk-widget")
                .getShadowRoot()
                .findElements(By.cssSelector("iframe"))
                .isEmpty(),
            "no frame to show the browser's error page in");
      }
      patron.screenshot("widget-site-not-allowed");
      var named =
          records.stream()
              .map(LogRecord::getMessage)
              .filter(m -> m.contains(stranger.origin()))
              .toList();
      assertEquals(1, named.size(), () -> "one line for three page views: " + named);
      assertTrue(named.get(0).contains("REFDESK_ALLOWED_ORIGINS"), named.get(0));
    } finally {
      log.removeHandler(collect);
    }
  }

  /** Opens the widget as the page's own script would, once the loader has drawn its launcher. */
  static void openFromPage(Browser patron) {
    patron.waitForPresence(By.cssSelector("refdesk-widget"));
    patron.script("window.Refdesk.open()");
    LiveChatBrowserTest.enterWidgetFrame(patron);
  }
}
