package org.refdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.refdesk.support.StallingProxy;
import org.refdesk.support.TestGateway;

/**
 * The patron's network goes away mid-chat. The widget must say so within seconds (the socket itself
 * may look open for a minute), keep what the patron typed, and send it once when the network is
 * back.
 */
@DisplayName("The widget when the patron's network is cut")
class NetworkCutBrowserTest {

  /** "Within a few seconds": the stall threshold is 3 s; the rest is slack for a loaded machine. */
  private static final Duration SAYS_SO_WITHIN = Duration.ofSeconds(6);

  private static TestGateway gateway;
  private static StallingProxy proxy;
  private static HostPage silentHost;
  private static HostPage sameSiteHost;
  private static BridgeClient librarian;

  @BeforeAll
  static void start() {
    int silentPort = TestGateway.freePort();
    int sameSitePort = TestGateway.freePort();
    gateway =
        TestGateway.start(
            Map.of(
                "REFDESK_ALLOWED_ORIGINS",
                "http://refdesk-host.localhost:" + silentPort + ",http://127.0.0.1:" + sameSitePort,
                "REFDESK_PRESENCE_TIMEOUT_SECONDS",
                "3600"));
    proxy = new StallingProxy(gateway.port());
    // The library's page loads the widget through the relay, so all of the frame's traffic crosses
    // it.
    silentHost = new HostPage(gateway.vertx(), proxy.port(), silentPort, "refdesk-host.localhost");
    // Same site as the gateway, so the frame shares the page's process and the browser's offline
    // switch.
    sameSiteHost = new HostPage(gateway.vertx(), gateway.port(), sameSitePort, "127.0.0.1");
    librarian = BridgeClient.connect(gateway.vertx(), gateway.port());
    librarian.request(
        "presence.set", new JsonObject().put("status", "online"), gateway.librarianToken("ben"));
  }

  @AfterAll
  static void stop() {
    librarian.close();
    silentHost.close();
    sameSiteHost.close();
    proxy.close();
    gateway.close();
  }

  @Test
  @DisplayName(
      "a network that silently stops carrying anything: \"Reconnecting\" within seconds, the message sent once when it is back")
  void silentCut() {
    try (var patron = Browser.open(1280, 800)) {
      long chatId = startChat(patron, silentHost, "Noor Silent");
      proxy.hold();
      try {
        send(patron, "Are you still there?");
        long said = saysReconnecting(patron);
        assertTrue(said <= SAYS_SO_WITHIN.toMillis(), "said after " + said + " ms");
        patron.screenshot("widget-network-cut");
      } finally {
        proxy.release();
      }
      reconnected(patron, "Are you still there?");
      assertStoredOnce(chatId, "Are you still there?");
    }
  }

  @Test
  @DisplayName(
      "the browser knows it is offline: \"Reconnecting\" at once, the message sent once when it is back")
  void browserOffline() {
    try (var patron = Browser.open(360, 740)) {
      long chatId = startChat(patron, sameSiteHost, "Noor Offline");
      patron.cdp("Network.enable", Map.of());
      offline(patron, true);
      try {
        long said = saysReconnecting(patron);
        assertTrue(said <= SAYS_SO_WITHIN.toMillis(), "said after " + said + " ms");
        send(patron, "Typed while offline");
      } finally {
        offline(patron, false);
      }
      reconnected(patron, "Typed while offline");
      assertStoredOnce(chatId, "Typed while offline");
    }
  }

  private static long startChat(Browser patron, HostPage host, String name) {
    patron.go(host.url());
    WidgetAcrossSitesBrowserTest.openFromPage(patron);
    patron.waitFor(By.id("question"));
    patron.css("#name").sendKeys(name);
    patron.css("#question").sendKeys("Do you have the parish records, " + name + "?");
    patron.css("form button[type=submit]").click();
    LiveChatBrowserTest.waitForText(patron, ".log .msg.mine:not(.pending)", "parish records");
    return gateway.query("SELECT id FROM chats WHERE patron_name = $1", name).get(0).getLong(0);
  }

  private static void send(Browser patron, String text) {
    var draft = patron.waitFor(By.id("draft"));
    draft.sendKeys(text);
    draft.sendKeys(Keys.ENTER);
  }

  /** Milliseconds until the connection banner is shown and says it is reconnecting. */
  private static long saysReconnecting(Browser patron) {
    long start = System.nanoTime();
    new WebDriverWait(patron.driver(), Duration.ofSeconds(30))
        .pollingEvery(Duration.ofMillis(100))
        .until(
            d -> {
              var banners = d.findElements(By.cssSelector(".chat > .banner:not(.slow)"));
              return !banners.isEmpty()
                  && banners.get(0).isDisplayed()
                  && banners.get(0).getText().startsWith("Reconnecting");
            });
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static void reconnected(Browser patron, String text) {
    new WebDriverWait(patron.driver(), Duration.ofSeconds(40))
        .until(
            d ->
                d.findElements(By.cssSelector(".chat > .banner:not(.slow)")).stream()
                    .noneMatch(b -> b.isDisplayed()));
    LiveChatBrowserTest.waitForText(patron, ".log .msg.mine:not(.pending)", text);
  }

  private static void offline(Browser patron, boolean offline) {
    patron.cdp(
        "Network.emulateNetworkConditions",
        Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
  }

  private static void assertStoredOnce(long chatId, String text) {
    gateway.eventually(
        "the message stored",
        () ->
            gateway.count(
                    "SELECT count(*) FROM chat_events WHERE chat_id = $1 AND type = 'message' AND body = $2",
                    chatId,
                    text)
                > 0,
        10000);
    assertEquals(
        List.of(1L),
        gateway
            .query(
                "SELECT count(*) FROM chat_events WHERE chat_id = $1 AND type = 'message' AND body = $2",
                chatId,
                text)
            .stream()
            .map(row -> row.getLong(0))
            .toList(),
        "stored once, not twice");
  }
}
