package org.refdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.Browser;
import org.refdesk.support.TestGateway;

/**
 * The widget in each placement on a library's own site (localhost, another port), which the
 * library's admin listed through the admin API, not the installation's list. The snippet on each
 * page is the one the API hands the admin to copy.
 */
@DisplayName("The widget in each placement on a site the library listed")
class WidgetPlacementsBrowserTest {

  private static TestGateway gateway;
  private static HttpServer site;
  private static String siteOrigin;
  private static final Map<String, String> pages = new ConcurrentHashMap<>();
  private static String benToken;
  private static String adminToken;

  @BeforeAll
  static void start() {
    // Ben stays online for the whole class without a heartbeat.
    // The snippets name the public address: the gateway's own site, 127.0.0.1, unlike the
    // library's.
    int gatewayPort = TestGateway.freePort();
    gateway =
        TestGateway.start(
            Map.of(
                "REFDESK_HTTP_PORT",
                Integer.toString(gatewayPort),
                "REFDESK_PUBLIC_URL",
                "http://127.0.0.1:" + gatewayPort,
                "REFDESK_PRESENCE_TIMEOUT_SECONDS",
                "3600"));
    int port = TestGateway.freePort();
    siteOrigin = "http://localhost:" + port;
    site =
        TestGateway.await(
            gateway
                .vertx()
                .createHttpServer()
                .requestHandler(
                    request ->
                        request
                            .response()
                            .putHeader("Content-Type", "text/html; charset=utf-8")
                            .end(
                                pages.getOrDefault(
                                    request.path(), "<!doctype html><title>-</title>")))
                .listen(port, "127.0.0.1"));
    adminToken = gateway.adminToken();
    var added =
        gateway.post(
            "/api/admin/widget/sites", new JsonObject().put("origin", siteOrigin), adminToken);
    assertEquals(201, added.statusCode(), added::bodyAsString);
    var fresh =
        WebClient.create(
            gateway.vertx(),
            new WebClientOptions()
                .setDefaultHost("127.0.0.1")
                .setDefaultPort(gateway.port())
                .setKeepAlive(false));
    gateway.eventually(
        "every event loop knows the site",
        () -> {
          for (int i = 0; i < 4; i++) {
            var answer =
                TestGateway.await(
                    fresh.get("/api/widget/queues/ask").putHeader("Origin", siteOrigin).send());
            if (!answer.bodyAsJsonObject().getBoolean("embeddable")) {
              return false;
            }
          }
          return true;
        },
        15_000);
    fresh.close();
    benToken = gateway.librarianToken("ben");
    try (var librarian = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      librarian.request("presence.set", new JsonObject().put("status", "online"), benToken);
    }
  }

  @AfterAll
  static void stop() {
    TestGateway.await(site.close());
    gateway.close();
  }

  /** The snippet the admin copies for the queue and placement. */
  private static String snippet(String placement) {
    var answer = gateway.get("/api/admin/widget/snippets", adminToken);
    assertEquals(200, answer.statusCode(), answer::bodyAsString);
    return answer.bodyAsJsonObject().getJsonArray("queues").stream()
        .map(q -> (JsonObject) q)
        .filter(q -> q.getString("slug").equals("ask"))
        .flatMap(q -> q.getJsonArray("placements").stream().map(p -> (JsonObject) p))
        .filter(p -> p.getString("placement").equals(placement))
        .map(p -> p.getString("snippet"))
        .findFirst()
        .orElseThrow();
  }

  /** A page of the library's site with the snippet pasted into it; answers its address. */
  private static String pageWith(String placement) {
    var path = "/" + placement;
    pages.put(
        path,
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Elsewhere Public Library</title></head>
        <body><main><h1>Elsewhere Public Library</h1><p>Opening hours, events and the catalogue.</p>
        %s
        </main></body></html>
        """
            .formatted(snippet(placement)));
    return siteOrigin + path;
  }

  @Test
  @DisplayName(
      "floating button: opened by keyboard, the patron asks and an operator hears the message")
  void floating() {
    for (int width : new int[] {1280, 360}) {
      try (var patron = Browser.open(width, width == 360 ? 740 : 800)) {
        patron.go(pageWith("floating"));
        openByKeyboard(patron);
        LiveChatBrowserTest.enterWidgetFrame(patron);
        chatsAndIsHeard(patron, "floating", width);
      }
    }
  }

  @Test
  @DisplayName(
      "slide-out tab: on the page's edge, opened by keyboard, the chat slides out and works")
  void tab() {
    for (int width : new int[] {1280, 360}) {
      try (var patron = Browser.open(width, width == 360 ? 740 : 800)) {
        patron.go(pageWith("tab"));
        var tab = launcher(patron);
        var edge =
            (Number)
                patron.script(
                    "const r = arguments[0].getBoundingClientRect(); return innerWidth - r.right;",
                    tab);
        assertEquals(0, edge.intValue(), "the tab sits on the page's right edge");
        patron.screenshot("placement-tab-closed-" + width);
        openByKeyboard(patron);
        LiveChatBrowserTest.enterWidgetFrame(patron);
        chatsAndIsHeard(patron, "tab", width);
      }
    }
  }

  @Test
  @DisplayName("embedded: the chat is in the page element, with no button and no close, and works")
  void embedded() {
    for (int width : new int[] {1280, 360}) {
      try (var patron = Browser.open(width, width == 360 ? 740 : 800)) {
        patron.go(pageWith("embedded"));
        new WebDriverWait(patron.driver(), Duration.ofSeconds(15))
            .until(
                d ->
                    Boolean.TRUE.equals(
                        patron.script(
                            "const el = document.querySelector('#refdesk-chat-ask refdesk-widget');"
                                + " return !!(el && el.shadowRoot.querySelector('iframe'));")));
        assertTrue(
            patron
                .css("refdesk-widget")
                .getShadowRoot()
                .findElements(By.cssSelector(".launcher"))
                .isEmpty(),
            "no launcher");
        LiveChatBrowserTest.enterWidgetFrame(patron);
        patron.waitFor(By.id("question"));
        assertTrue(!patron.css("#close").isDisplayed(), "nothing to close in a page element");
        chatsAndIsHeard(patron, "embedded", width);
      }
    }
  }

  @Test
  @DisplayName("popout: the button opens a window of the gateway's own, where the chat works")
  void popout() {
    for (int width : new int[] {1280, 360}) {
      try (var patron = Browser.open(width, width == 360 ? 740 : 800)) {
        patron.go(pageWith("popout"));
        var before = patron.driver().getWindowHandles();
        openByKeyboard(patron);
        var opened =
            new WebDriverWait(patron.driver(), Duration.ofSeconds(15))
                .until(
                    d ->
                        d.getWindowHandles().stream()
                            .filter(h -> !before.contains(h))
                            .findFirst()
                            .orElse(null));
        var hostWindow = patron.driver().getWindowHandle();
        patron.driver().switchTo().window(opened);
        new WebDriverWait(patron.driver(), Duration.ofSeconds(15))
            .until(
                d ->
                    d.getCurrentUrl()
                        .startsWith("http://127.0.0.1:" + gateway.port() + "/widget/"));
        assertEquals(
            "usable",
            patron.script(
                "try { sessionStorage.setItem('x', '1'); return 'usable'; } catch (e) { return e.name; }"),
            "the window's storage is first-party");
        chatsAndIsHeard(patron, "popout", width);
        patron.driver().switchTo().window(hostWindow);
        var stillOnPage = patron.driver().getCurrentUrl();
        assertTrue(stillOnPage.startsWith(siteOrigin), "the library's page stays where it was");
      }
    }
  }

  @Test
  @DisplayName(
      "direct link: followed from the library's page by keyboard, the full-page chat works")
  void directLink() {
    for (int width : new int[] {1280, 360}) {
      try (var patron = Browser.open(width, width == 360 ? 740 : 800)) {
        patron.go(pageWith("link"));
        patron.waitFor(By.cssSelector("main a"));
        new WebDriverWait(patron.driver(), Duration.ofSeconds(10))
            .until(
                d -> {
                  new Actions(d).sendKeys(Keys.TAB).perform();
                  return Boolean.TRUE.equals(
                      patron.script("return document.activeElement.tagName === 'A'"));
                });
        new Actions(patron.driver()).sendKeys(Keys.ENTER).perform();
        new WebDriverWait(patron.driver(), Duration.ofSeconds(15))
            .until(d -> d.getCurrentUrl().contains("/widget/?queue=ask"));
        chatsAndIsHeard(patron, "link", width);
      }
    }
  }

  @Test
  @DisplayName(
      "Admin → Widget: the admin lists a site and copies a snippet by keyboard, and hears that it"
          + " was copied; at 1280 and 360 px")
  void adminSection() {
    for (int width : new int[] {1280, 360}) {
      try (var admin = Browser.open(width, width == 360 ? 740 : 900)) {
        var site = "https://branch-" + width + ".elsewhere.example";
        admin.cdp(
            "Browser.grantPermissions",
            Map.of(
                "origin",
                "http://127.0.0.1:" + gateway.port(),
                "permissions",
                List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        LiveChatBrowserTest.signIn(admin, gateway.port(), "admin", TestGateway.ADMIN_PASSWORD);
        admin.css("[data-test=records]").sendKeys(Keys.ENTER);
        admin.waitFor(By.cssSelector("[data-test=screen-admin]")).sendKeys(Keys.ENTER);
        admin.waitFor(By.cssSelector("[data-test=admin-widget]")).sendKeys(Keys.ENTER);
        admin.waitFor(By.cssSelector("[data-test=embed-sites]"));
        assertEquals(
            "embed-title",
            admin.script("return document.activeElement.id"),
            "the section's heading takes focus");

        var field = admin.css("[data-test=embed-origin]");
        field.sendKeys(site + "/");
        field.sendKeys(Keys.ENTER);
        admin.waitForText(
            By.cssSelector("[data-test=embed-said]"), site + " may now show the chat.");
        LiveChatBrowserTest.waitForText(admin, "[data-test=embed-sites]", site);
        assertEquals(
            "embed-origin",
            admin.script("return document.activeElement.id"),
            "focus back in the field for the next site");

        field.sendKeys("ftp://wrong.example");
        field.sendKeys(Keys.ENTER);
        admin.waitFor(By.cssSelector("[data-test=embed-problem]"));
        assertEquals("true", field.getAttribute("aria-invalid"));

        var copy = admin.css("[data-test=embed-copy-ask-floating]");
        copy.sendKeys(Keys.ENTER);
        admin.waitForText(
            By.cssSelector("[data-test=embed-said]"), "Copied the Floating button snippet of");
        assertEquals(
            snippet("floating"),
            admin.css("[data-test=embed-snippet-ask-floating]").getAttribute("value"),
            "the box shows the snippet the API gives");
        admin.screenshot("admin-widget-" + width);
        assertEquals(
            List.of(),
            admin.accessibilityViolations().stream().map(v -> v.get("id")).toList(),
            "the section passes the accessibility checks");
        long wide =
            ((Number) admin.script("return document.documentElement.scrollWidth - innerWidth"))
                .longValue();
        assertTrue(wide <= 0, "nothing wider than the screen: " + wide + " px over");

        admin.css("[data-test='embed-remove-" + site + "']").sendKeys(Keys.ENTER);
        admin.waitForText(
            By.cssSelector("[data-test=embed-said]"), site + " may no longer show the chat.");
      }
    }
  }

  private static org.openqa.selenium.WebElement launcher(Browser patron) {
    return new WebDriverWait(patron.driver(), Duration.ofSeconds(15))
        .until(
            d -> {
              var hosts = d.findElements(By.cssSelector("refdesk-widget"));
              if (hosts.isEmpty()) {
                return null;
              }
              var found = hosts.get(0).getShadowRoot().findElements(By.cssSelector(".launcher"));
              return found.isEmpty() ? null : found.get(0);
            });
  }

  /** Tab from the page until the launcher has focus (visibly), then Enter, as without a mouse. */
  private static void openByKeyboard(Browser patron) {
    launcher(patron);
    new WebDriverWait(patron.driver(), Duration.ofSeconds(10))
        .until(
            d -> {
              new Actions(d).sendKeys(Keys.TAB).perform();
              return Boolean.TRUE.equals(
                  patron.script(
                      "const host = document.querySelector('refdesk-widget');"
                          + " return document.activeElement === host"
                          + " && host.shadowRoot.activeElement"
                          + " && host.shadowRoot.activeElement.classList.contains('launcher');"));
            });
    var ring =
        (String)
            patron.script(
                "const b = document.querySelector('refdesk-widget').shadowRoot.activeElement;"
                    + " return getComputedStyle(b).outlineStyle + ' ' + getComputedStyle(b).outlineWidth;");
    assertEquals("solid 3px", ring, "the launcher's focus is visible");
    new Actions(patron.driver()).sendKeys(Keys.ENTER).perform();
  }

  /**
   * In the chat window (framed or whole): the patron asks, an operator listening on the chat hears
   * the next message, and the screen is photographed.
   */
  private static void chatsAndIsHeard(Browser patron, String placement, int width) {
    var name = "Pat " + placement + " " + width;
    var question = "Do you have the " + placement + " guide, at " + width + " px?";
    patron.waitFor(By.id("name")).sendKeys(name);
    patron.css("#question").sendKeys(question);
    patron.css("form button[type=submit]").click();
    LiveChatBrowserTest.waitForText(patron, ".log", question);
    long chatId =
        gateway.query("SELECT id FROM chats WHERE patron_name = $1", name).get(0).getLong(0);
    var address = "chat." + chatId;
    var said = "Hello from the " + placement + " placement";
    var draft = patron.waitFor(By.id("draft"));
    draft.sendKeys(said);
    try (var operator = gateway.listen(address, benToken)) {
      draft.sendKeys(Keys.ENTER);
      var heard =
          operator.next(
              address,
              body ->
                  "message".equals(body.getString("type")) && said.equals(body.getString("text")),
              15_000);
      assertEquals(
          said, heard.getJsonObject("body").getString("text"), "the operator hears the patron");
    }
    LiveChatBrowserTest.waitForText(patron, ".log .msg.mine:not(.pending)", said);
    patron.screenshot("placement-" + placement + "-" + width);
    assertEquals(
        List.of(),
        patron.accessibilityViolations().stream().map(v -> v.get("id")).toList(),
        "the chat window passes the accessibility checks");
    patron.driver().switchTo().defaultContent();
    if (!"popout".equals(placement) && !"link".equals(placement)) {
      assertEquals(
          List.of(),
          patron.accessibilityViolations().stream().map(v -> v.get("id")).toList(),
          "the library's page with the widget passes the accessibility checks");
      patron.screenshot("placement-" + placement + "-" + width + "-page");
    }
  }
}
