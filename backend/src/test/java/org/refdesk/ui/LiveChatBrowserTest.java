package org.refdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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

@DisplayName("A patron and librarians in real browsers")
class LiveChatBrowserTest {

  private static final String XSS = "<img src=x onerror=alert(1)>";

  private static TestGateway gateway;
  private static HostPage host;

  @BeforeAll
  static void start() {
    // The library page is on its own origin; that origin is allowed to frame the widget.
    int hostPort = TestGateway.freePort();
    gateway = TestGateway.start(Map.of("REFDESK_ALLOWED_ORIGINS", "http://localhost:" + hostPort));
    host = new HostPage(gateway.vertx(), gateway.port(), hostPort);
  }

  @AfterAll
  static void stop() {
    host.close();
    gateway.close();
  }

  static void signIn(Browser browser, String username, String password) {
    signIn(browser, gateway.port(), username, password);
  }

  /** Signs in to the operator app of the gateway on that port, as a person types it. */
  static void signIn(Browser browser, int port, String username, String password) {
    browser.go("http://127.0.0.1:" + port + "/app/");
    browser.waitFor(By.id("username")).sendKeys(username);
    browser.css("#password").sendKeys(password);
    browser.css("#password").sendKeys(Keys.ENTER);
    browser.waitFor(By.cssSelector("[data-test=status-select]"));
  }

  static void goOnline(Browser browser) {
    browser.css("[data-test=status-select]").click();
    browser.waitFor(By.cssSelector("[data-test=status-online]")).click();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .until(
            d ->
                "online"
                    .equals(
                        d.findElement(By.cssSelector("[data-test=status-select]"))
                            .getAttribute("data-status")));
  }

  /**
   * Opens the launcher from the keyboard, as a patron without a mouse would, and enters the
   * widget's frame.
   */
  static void openWidget(Browser patron) {
    openWidget(patron, host);
  }

  /** As {@link #openWidget(Browser)}, on the library page another test serves. */
  static void openWidget(Browser patron, HostPage page) {
    patron.go(page.url());
    new WebDriverWait(patron.driver(), Duration.ofSeconds(10))
        .until(
            d ->
                Boolean.TRUE.equals(
                    patron.script("return !!(window.Refdesk && document.activeElement)")));
    // The launcher lives in a closed shadow root; a Tab from the page reaches it, Enter opens the
    // chat.
    new WebDriverWait(patron.driver(), Duration.ofSeconds(10))
        .until(
            d -> {
              new Actions(d).sendKeys(Keys.TAB).perform();
              return patron.script(
                      "return document.activeElement && document.activeElement.tagName !== 'BODY'")
                  == Boolean.TRUE;
            });
    new Actions(patron.driver()).sendKeys(Keys.ENTER).perform();
    enterWidgetFrame(patron);
  }

  /** The widget's iframe sits in the loader's shadow root on the library page. */
  static void enterWidgetFrame(Browser patron) {
    new WebDriverWait(patron.driver(), Duration.ofSeconds(15))
        .until(
            d -> {
              try {
                d.switchTo().defaultContent();
                var frame =
                    d.findElement(By.cssSelector("refdesk-widget"))
                        .getShadowRoot()
                        .findElement(By.cssSelector("iframe"));
                d.switchTo().frame(frame);
                return true;
              } catch (RuntimeException notYet) {
                return false;
              }
            });
  }

  static List<String> texts(Browser browser, String css) {
    return browser.driver().findElements(By.cssSelector(css)).stream()
        .map(e -> e.getText())
        .toList();
  }

  static void waitForText(Browser browser, String css, String text) {
    try {
      new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
          .until(d -> texts(browser, css).stream().anyMatch(t -> t.contains(text)));
    } catch (RuntimeException e) {
      var shot = browser.screenshot("failed-waiting-for-text");
      throw new AssertionError(
          "'"
              + text
              + "' never appeared in "
              + css
              + "; saw "
              + texts(browser, css)
              + "; see "
              + shot,
          e);
    }
  }

  @Test
  @DisplayName(
      "ask in the widget on a library's page; hear it, preview, claim and answer in the app; reloads lose nothing")
  void desktop() {
    run(1280, 800, "desktop");
  }

  @Test
  @DisplayName("the same conversation on phone-sized screens, 360 x 740")
  void phone() {
    run(360, 740, "phone");
  }

  private void run(int width, int height, String label) {
    try (var ben = Browser.open(width, height);
        var alice = Browser.open(width, height);
        var patron = Browser.open(width, height)) {
      signIn(ben, "ben", gateway.librarianPassword("ben"));
      goOnline(ben);
      signIn(alice, "alice", gateway.librarianPassword("alice"));
      ben.screenshot(label + "-app-queue-empty");

      openWidget(patron);
      patron.waitFor(By.id("question"));
      System.out.printf(
          "%s: widget first contentful paint %.0f ms after its page was requested%n",
          label,
          ((Number)
                  patron.script(
                      "const p = performance.getEntriesByName('first-contentful-paint')[0];"
                          + " return p ? p.startTime : -1"))
              .doubleValue());
      patron.screenshot(label + "-widget-form");
      assertTrue(
          patron.accessibilityViolations().isEmpty(),
          () -> "widget form: " + patron.accessibilityViolations());
      patron.css("#name").sendKeys("Sam " + label);
      patron.css("#question").sendKeys("Do you have the 1998 county atlas?");
      patron.css("form button[type=submit]").click();
      waitForText(patron, ".log", "Do you have the 1998 county atlas?");
      patron.screenshot(label + "-widget-waiting");

      // The librarians hear of it: the list shows it and the live region says so.
      var item =
          ben.waitFor(By.xpath("//*[@data-test='waiting-item'][contains(., 'Sam " + label + "')]"));
      waitForText(ben, "[data-test=announcer]", "New chat");
      alice.waitFor(By.xpath("//*[@data-test='waiting-item'][contains(., 'Sam " + label + "')]"));
      ben.screenshot(label + "-app-new-chat");
      item.click();
      ben.waitForText(By.cssSelector("[data-test=preview-question]"), "1998 county atlas");
      ben.screenshot(label + "-app-preview");
      assertTrue(
          ben.accessibilityViolations().isEmpty(),
          () -> "preview: " + ben.accessibilityViolations());
      ben.css("[data-test=claim]").click();

      waitForText(alice, "[data-test=claimed-by]", "Ben Okafor");
      alice.screenshot(label + "-app-claimed-by-other");
      waitForText(patron, ".log", "Ben Okafor has joined");

      var composer = ben.waitFor(By.cssSelector("[data-test=composer]"));
      composer.sendKeys("Hello Sam, yes we have it.");
      composer.sendKeys(Keys.ENTER);
      waitForText(patron, ".log .msg", "Hello Sam, yes we have it.");

      var draft = patron.css("#draft");
      draft.sendKeys("Great! " + XSS);
      draft.sendKeys(Keys.ENTER);
      waitForText(ben, "[data-test=message]", XSS);
      assertTrue(
          ben.driver().findElements(By.cssSelector("[data-test=messages] img")).isEmpty(),
          "text, not markup");
      patron.screenshot(label + "-widget-chat");
      ben.screenshot(label + "-app-chat");
      assertTrue(
          ben.accessibilityViolations().isEmpty(), () -> "chat: " + ben.accessibilityViolations());
      assertTrue(
          patron.accessibilityViolations().isEmpty(),
          () -> "widget chat: " + patron.accessibilityViolations());

      // The librarian reloads mid-chat: the tab and its whole history come back.
      ben.driver().navigate().refresh();
      waitForText(ben, "[data-test=message]", "Great! " + XSS);
      waitForText(ben, "[data-test=message]", "1998 county atlas");

      // The patron reloads the library page: the chat reopens where it was and goes on.
      patron.driver().switchTo().defaultContent();
      patron.driver().navigate().refresh();
      enterWidgetFrame(patron);
      waitForText(patron, ".log .msg", "Hello Sam, yes we have it.");
      var again = patron.waitFor(By.id("draft"));
      again.sendKeys("Still here after a reload");
      again.sendKeys(Keys.ENTER);
      waitForText(ben, "[data-test=message]", "Still here after a reload");

      var order = texts(ben, "[data-test=message]");
      assertTrue(
          indexOf(order, "1998 county atlas") < indexOf(order, "Hello Sam")
              && indexOf(order, "Hello Sam") < indexOf(order, "Great!")
              && indexOf(order, "Great!") < indexOf(order, "Still here"),
          () -> "in order: " + order);

      patron.driver().switchTo().defaultContent();
      for (var browser : List.of(ben, alice, patron)) {
        assertTrue(
            ((Number) browser.script("return document.documentElement.scrollWidth")).intValue()
                <= width,
            "nothing overflows sideways at " + width + " px");
        assertEquals(
            List.of(),
            browser.consoleErrors().stream().filter(e -> !e.contains("favicon")).toList());
      }
    }
  }

  private static int indexOf(List<String> texts, String part) {
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i).contains(part)) {
        return i;
      }
    }
    return -1;
  }
}
