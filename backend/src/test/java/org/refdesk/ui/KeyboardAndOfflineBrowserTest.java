package org.refdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
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

@DisplayName("The demo page, the offline widget and the operator app by keyboard alone")
class KeyboardAndOfflineBrowserTest {

  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + gateway.port() + path;
  }

  @Test
  @DisplayName(
      "with nobody online the widget on the demo page says so plainly, with the library's hours and contact")
  void demoPageOffline() {
    for (int width : new int[] {1280, 360}) {
      try (var patron = Browser.open(width, width == 360 ? 740 : 800)) {
        patron.go(url("/demo/"));
        patron.waitForPresence(By.cssSelector("refdesk-widget"));
        assertTrue(
            patron.accessibilityViolations().isEmpty(),
            () -> "demo page: " + patron.accessibilityViolations());
        patron.screenshot("demo-page-" + width);
        patron.script("window.Refdesk.open()");
        LiveChatBrowserTest.enterWidgetFrame(patron);
        LiveChatBrowserTest.waitForText(patron, "main", "Nobody is answering right now");
        LiveChatBrowserTest.waitForText(patron, "main", "555-0100");
        patron.screenshot("widget-offline-" + width);
        assertTrue(
            patron.accessibilityViolations().isEmpty(),
            () -> "offline widget: " + patron.accessibilityViolations());
        patron.driver().switchTo().defaultContent();
        assertEquals(List.of(), patron.consoleErrors());
      }
    }
  }

  @Test
  @DisplayName(
      "a librarian signs in, goes online, previews and claims a chat and answers it without touching a mouse")
  void operatorByKeyboard() {
    var password = gateway.librarianPassword("ben");
    try (var ben = Browser.open(1280, 800)) {
      ben.go(url("/app/"));
      ben.waitFor(By.id("username"));
      assertTrue(
          ben.accessibilityViolations().isEmpty(),
          () -> "sign-in: " + ben.accessibilityViolations());
      ben.screenshot("app-sign-in-1280");
      var keys = new Actions(ben.driver());
      // The username field has focus on arrival.
      keys.sendKeys("ben").sendKeys(Keys.TAB).sendKeys(password).sendKeys(Keys.ENTER).perform();
      ben.waitFor(By.cssSelector("[data-test=status-select]"));

      gateway.startChat("ask", "Kai", "Can I renew by phone?");
      var item = ben.waitFor(By.xpath("//*[@data-test='waiting-item'][contains(., 'Kai')]"));
      tabUntil(ben, item.getAttribute("data-chat-id"), "[data-test=waiting-item]");
      keys.sendKeys(Keys.ENTER).perform();
      ben.waitForText(By.cssSelector("[data-test=preview-question]"), "renew by phone");
      tabUntilTest(ben, "claim");
      keys.sendKeys(Keys.ENTER).perform();
      var composer = ben.waitFor(By.cssSelector("[data-test=composer]"));
      new WebDriverWait(ben.driver(), Duration.ofSeconds(10))
          .until(d -> composer.equals(d.switchTo().activeElement()) || tabbedTo(ben, "composer"));
      keys.sendKeys("Yes, call 555-0100.").sendKeys(Keys.ENTER).perform();
      LiveChatBrowserTest.waitForText(ben, "[data-test=message]", "Yes, call 555-0100.");
      assertEquals(List.of(), ben.consoleErrors());
    }
  }

  /** Presses Tab until the element with the given data-test has focus. */
  private static void tabUntilTest(Browser browser, String test) {
    for (int i = 0; i < 40; i++) {
      if (tabbedTo(browser, test)) {
        return;
      }
      new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
    }
    throw new AssertionError("Tab never reached [data-test=" + test + "]");
  }

  private static boolean tabbedTo(Browser browser, String test) {
    return test.equals(
        browser.script(
            "return document.activeElement && document.activeElement.getAttribute('data-test')"));
  }

  private static void tabUntil(Browser browser, String chatId, String css) {
    for (int i = 0; i < 40; i++) {
      var focused =
          browser.script(
              "const e = document.activeElement; return e && e.matches(arguments[0]) ? e.getAttribute('data-chat-id') : null",
              css);
      if (chatId.equals(focused)) {
        return;
      }
      new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
    }
    throw new AssertionError("Tab never reached the waiting chat " + chatId);
  }
}
