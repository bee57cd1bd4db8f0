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
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.refdesk.support.Browser;
import org.refdesk.support.TestGateway;

@DisplayName("Calling for help and a phone that paused the app, at 360 px and by keyboard")
class SurgeBrowserTest {

  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    // The default presence timeout (45 s): a page silent for 25 s is shown away.
    gateway = TestGateway.start();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static String focused(Browser browser) {
    return (String)
        browser.script(
            "const el = document.activeElement; return el ? (el.dataset.test || el.id || el.tagName) : '';");
  }

  /**
   * Presses Tab until the element with this data-test (or id) has focus, as a keyboard user does.
   */
  private static void tabTo(Browser browser, String target) {
    for (int i = 0; i < 80 && !target.equals(focused(browser)); i++) {
      new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
    }
    if (!target.equals(focused(browser))) {
      browser.screenshot("failed-tab-to-" + target);
      throw new AssertionError("Tab never reached " + target + "; focus is on " + focused(browser));
    }
  }

  /** Focus back to the top of the page, where a keyboard user's first Tab starts. */
  private static void startOver(Browser browser) {
    browser.script("if (document.activeElement) document.activeElement.blur();");
  }

  /** The same page on a desk's screen, to look at. */
  private static void wide(Browser browser) {
    browser.cdp(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1, "mobile", false));
  }

  private static void press(Browser browser, CharSequence key) {
    new Actions(browser.driver()).sendKeys(key).perform();
  }

  private static void waitUntil(Browser browser, String what, BooleanSupplier ok) {
    try {
      new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> ok.getAsBoolean());
    } catch (RuntimeException e) {
      browser.screenshot("failed-" + what.replace(' ', '-'));
      throw new AssertionError(what + " did not happen", e);
    }
  }

  private static String statusOf(String username) {
    return gateway
        .get("/api/presence", gateway.adminToken())
        .bodyAsJsonObject()
        .getJsonArray("operators")
        .stream()
        .map(o -> (JsonObject) o)
        .filter(o -> username.equals(nameOf(o)))
        .findFirst()
        .orElseThrow()
        .getString("status");
  }

  private static String nameOf(JsonObject operator) {
    return gateway
        .query("SELECT username FROM operators WHERE id = $1", operator.getLong("id"))
        .get(0)
        .getString(0);
  }

  @Test
  @DisplayName(
      "Alice, swamped, calls for help from her phone by keyboard; Ben's phone shows who asks and how"
          + " many wait, goes online and opens the queue; later Ben's phone freezes the app and, when"
          + " it wakes, Ben is told plainly what colleagues saw and what arrived")
  void swampedAndPaused() {
    try (var alice = Browser.open(360, 740);
        var ben = Browser.open(360, 740)) {
      signIn(alice, gateway.port(), "alice", gateway.librarianPassword("alice"));
      goOnline(alice);
      signIn(ben, gateway.port(), "ben", gateway.librarianPassword("ben"));
      ben.css("[data-test=status-select]").click();
      ben.waitFor(By.cssSelector("[data-test=status-away]")).click();
      waitUntil(ben, "Ben away", () -> "away".equals(statusOf("ben")));
      gateway.startChat("ask", "Ada", "Where are the parish maps?");
      gateway.startChat("ask", "Grace", "Do you keep old newspapers?");
      waitForText(alice, "[data-test=queue]", "Grace");

      startOver(alice);
      tabTo(alice, "swamped");
      press(alice, Keys.ENTER);
      alice.waitFor(By.cssSelector("[data-test=surge-confirm]"));
      waitForText(alice, "[data-test=surge-confirm]", "2 chats waiting in your queues");
      alice.screenshot("surge-confirm-360");
      assertEquals(List.of(), alice.accessibilityViolations());
      tabTo(alice, "surge-send");
      press(alice, Keys.ENTER);
      waitForText(alice, "[data-test=surge-outcome]", "1 colleague paged");
      assertEquals("swamped", focused(alice), "focus goes back to the button");
      alice.screenshot("surge-sent-360");

      waitForText(ben, "[data-test=surge-banner]", "Alice Moreno is swamped and asks for help");
      waitForText(ben, "[data-test=surge-banner]", "2 chats are waiting");
      waitForText(ben, "[data-test=surge-banner]", "Ask a Librarian: 2");
      assertEquals("alert", ben.css("[data-test=surge-banner]").getAttribute("role"));
      ben.screenshot("surge-banner-360");
      assertEquals(List.of(), ben.accessibilityViolations());
      startOver(ben);
      tabTo(ben, "surge-go-online");
      press(ben, Keys.ENTER);
      waitUntil(ben, "Ben online", () -> "online".equals(statusOf("ben")));
      waitUntil(ben, "focus on Open the queue", () -> "surge-open-queue".equals(focused(ben)));
      press(ben, Keys.ENTER);
      waitUntil(ben, "focus on the queue", () -> "queue-title".equals(focused(ben)));
      assertTrue(ben.driver().findElements(By.cssSelector("[data-test=surge-banner]")).isEmpty());

      // Ben's phone suspends the page: no timers, no heartbeats.
      ben.cdp("Page.setWebLifecycleState", Map.of("state", "frozen"));
      waitUntil(alice, "Ben shown away", () -> "away".equals(statusOf("ben")));
      gateway.startChat("ask", "Lin", "Is the map room open on Sunday?");
      ben.cdp("Page.setWebLifecycleState", Map.of("state", "active"));

      waitForText(ben, "[data-test=pause-notice]", "Your phone paused Refdesk for");
      waitForText(
          ben,
          "[data-test=pause-notice]",
          "colleagues saw you as away and you could not hear alerts");
      waitForText(ben, "[data-test=pause-notice]", "1 chat arrived meanwhile");
      waitForText(ben, "[data-test=pause-notice]", "You are Online again");
      waitUntil(ben, "Ben online again", () -> "online".equals(statusOf("ben")));
      assertEquals("alert", ben.css("[data-test=pause-notice]").getAttribute("role"));
      ben.screenshot("pause-notice-360");
      assertEquals(List.of(), ben.accessibilityViolations());
      wide(ben);
      ben.screenshot("pause-notice-1280");
      startOver(ben);
      tabTo(ben, "pause-dismiss");
      press(ben, Keys.ENTER);
      waitUntil(ben, "focus on the status", () -> "status-select".equals(focused(ben)));
      wide(alice);
      alice.screenshot("surge-sent-1280");
    }
  }
}
