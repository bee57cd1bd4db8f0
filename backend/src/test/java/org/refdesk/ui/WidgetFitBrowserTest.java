package org.refdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.Browser;
import org.refdesk.support.TestGateway;

/**
 * What a patron sees of the widget's panel without scrolling, and whether every focus ring in it is
 * drawn whole: an outline reaching past a box that clips its content is cut off where it crosses
 * it.
 */
@DisplayName("The widget's panel on a laptop and a phone")
class WidgetFitBrowserTest {

  /**
   * For the focused element: each side of its focus ring that lies outside the visible box of the
   * viewport or of an ancestor that clips (overflow other than visible), or under a box drawn after
   * it (a later sibling with a background paints over an outline that reaches into it), as "side of
   * X cut by Y" lines; an empty list when the whole ring shows.
   */
  private static final String CUT_FOCUS_RING =
      """
      const el = document.activeElement;
      const style = getComputedStyle(el);
      const name = (n) => n === document.documentElement ? 'the viewport'
          : n.tagName.toLowerCase() + (n.id ? '#' + n.id : '') + (n.className ? '.' + String(n.className).split(' ').join('.') : '');
      if (!el.matches(':focus-visible') || style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0) {
        return ['no focus ring on ' + name(el)];
      }
      const width = parseFloat(style.outlineWidth), reach = width + parseFloat(style.outlineOffset);
      const r = el.getBoundingClientRect();
      const ring = { top: r.top - reach, left: r.left - reach, bottom: r.bottom + reach, right: r.right + reach };
      const cut = [];
      const check = (box, by) => {
        for (const side of ['top', 'left']) if (ring[side] < box[side] - 0.5) cut.push(side + ' of ' + name(el) + ' cut by ' + by);
        for (const side of ['bottom', 'right']) if (ring[side] > box[side] + 0.5) cut.push(side + ' of ' + name(el) + ' cut by ' + by);
      };
      check({ top: 0, left: 0, bottom: document.documentElement.clientHeight, right: document.documentElement.clientWidth }, 'the viewport');
      for (let n = el.parentElement; n && n !== document.documentElement; n = n.parentElement) {
        const s = getComputedStyle(n);
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
        const b = n.getBoundingClientRect();
        // What clips is the padding box: inside the borders, without the scroll bars.
        const top = b.top + n.clientTop, left = b.left + n.clientLeft;
        check({ top, left, bottom: top + n.clientHeight, right: left + n.clientWidth }, name(n));
      }
      // The middle of the ring's band, at three points along each side: only the element or what it
      // sits on may be found there.
      const band = reach - width / 2;
      const along = (a, b) => [0.25, 0.5, 0.75].map((f) => a + (b - a) * f);
      const points = {
        top: along(r.left, r.right).map((x) => [x, r.top - band]),
        bottom: along(r.left, r.right).map((x) => [x, r.bottom + band]),
        left: along(r.top, r.bottom).map((y) => [r.left - band, y]),
        right: along(r.top, r.bottom).map((y) => [r.right + band, y]),
      };
      for (const [side, list] of Object.entries(points)) {
        for (const [x, y] of list) {
          const hit = document.elementFromPoint(x, y);
          if (hit && hit !== el && !hit.contains(el) && !el.contains(hit)) {
            cut.push(side + ' of ' + name(el) + ' cut by ' + name(hit));
            break;
          }
        }
      }
      return [...new Set(cut)];
      """;

  /**
   * Focuses each element the selector finds and collects what cuts its ring. Run after a key press,
   * so the browser draws the rings it draws for keyboard users.
   */
  private static final String FOCUS_EACH =
      """
      const out = [];
      for (const el of document.querySelectorAll(arguments[0])) {
        if (!el.getClientRects().length) continue;
        // Scrolled into view as Tab would: clear of the form's Start chat bar.
        el.focus();
        out.push(...(new Function(arguments[1]))());
      }
      return out;
      """;

  /**
   * Whether an element lies wholly inside the frame's viewport and its scrolling main area,
   * unscrolled.
   */
  private static final String IN_VIEW_UNSCROLLED =
      """
      const el = document.querySelector(arguments[0]);
      const r = el.getBoundingClientRect(), main = document.getElementById('main');
      const m = main.getBoundingClientRect();
      return JSON.stringify({ top: r.top, bottom: r.bottom, viewport: innerHeight, mainBottom: m.bottom,
        scrolled: main.scrollTop, inView: r.top >= 0 && r.bottom <= innerHeight && r.top >= m.top && r.bottom <= m.bottom
          && main.scrollTop === 0 });
      """;

  private static TestGateway gateway;
  private static HostPage host;
  private static BridgeClient librarian;

  @BeforeAll
  static void start() {
    int hostPort = TestGateway.freePort();
    var hostSite = "fit-host.localhost";
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
    librarian.request(
        "presence.set", new JsonObject().put("status", "online"), gateway.librarianToken("ben"));
  }

  @AfterAll
  static void stop() {
    librarian.close();
    host.close();
    gateway.close();
  }

  /** What cuts the focus ring of each element the selector finds, drawn as for a keyboard user. */
  private static Object ringsCut(Browser patron, String selector) {
    // Chromium draws rings on buttons focused from script only when the last input was a key.
    new Actions(patron.driver()).sendKeys(Keys.SHIFT).perform();
    return patron.script(FOCUS_EACH, selector, CUT_FOCUS_RING);
  }

  @ParameterizedTest(name = "at {0} x {1}")
  // 1280 x 640: a window too short for the whole form in the panel, which then scrolls under Start
  // chat.
  @CsvSource({"1280, 800", "360, 740", "1280, 640"})
  @DisplayName(
      "the question form shows every field and Start chat without scrolling, and no focus ring is cut off, in the form or the chat")
  void fitsAndFocusRingsShow(int width, int height) {
    try (var patron = Browser.open(width, height)) {
      patron.go(host.url());
      WidgetAcrossSitesBrowserTest.openFromPage(patron);
      patron.waitFor(By.id("question"));
      for (var field : List.of("#name", "#email", "#question")) {
        assertTrue(patron.css(field).isDisplayed(), field + " is on the form");
      }
      var start = (String) patron.script(IN_VIEW_UNSCROLLED, "form.start button[type=submit]");
      patron.screenshot("widget-fit-form-" + width + "x" + height);
      assertTrue(start.contains("\"inView\":true"), () -> "Start chat is below the fold: " + start);
      assertEquals(
          List.of(),
          ringsCut(patron, "#name, #email, #question, form.start button"),
          "focus rings on the form");

      patron.css("#name").sendKeys("Pat Fit");
      patron.css("#question").sendKeys("Is the reading room open on Sundays?");
      patron.css("form button[type=submit]").click();
      LiveChatBrowserTest.waitForText(patron, ".log", "Is the reading room open on Sundays?");
      assertEquals(List.of(), ringsCut(patron, "#draft"), "the composer's focus ring");
      patron.screenshot("widget-fit-chat-focused-" + width + "x" + height);
      assertEquals(
          List.of(),
          ringsCut(patron, "#draft, .composer button, .actions button, .log, #close"),
          "focus rings in the chat");

      patron.css(".actions .link").click();
      patron.waitFor(By.cssSelector(".confirm .danger"));
      assertEquals(
          List.of(), ringsCut(patron, ".confirm button"), "focus rings of the end confirm");
      patron.css(".confirm .danger").click();
      patron.waitFor(By.cssSelector(".ended .primary"));
      patron.screenshot("widget-fit-ended-" + width + "x" + height);
      assertEquals(
          List.of(), ringsCut(patron, ".ended button"), "the focus ring of Start a new chat");
      patron.driver().switchTo().defaultContent();
      assertEquals(List.of(), patron.consoleErrors());
    }
  }
}
