package org.refdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
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
import org.refdesk.coop.CoopWorld;
import org.refdesk.support.Browser;
import org.refdesk.support.SecondLibrary;
import org.refdesk.support.TestGateway;

@DisplayName("A patron of one library answered by a librarian of another, through their co-op")
class CoopBrowserTest {

  private static TestGateway gateway;
  private static HostPage host;
  private static CoopWorld world;

  @BeforeAll
  static void start() {
    int hostPort = TestGateway.freePort();
    gateway =
        TestGateway.start(
            Map.of(
                "REFDESK_ALLOWED_ORIGINS",
                "http://localhost:" + hostPort,
                // The roll-up sweeps on the shift clock: every 200 ms here.
                "REFDESK_TIMER_TICK_MS",
                "200"));
    gateway.query(
        "UPDATE libraries SET settings = settings || $1 WHERE id = $2 RETURNING id",
        new JsonObject().put("firstMinuteSeconds", 5),
        gateway.demoLibraryId());
    host = new HostPage(gateway.vertx(), gateway.port(), hostPort);
    world = CoopWorld.create(gateway);
    // The library page asks in "ask": unclaimed there for 12 s, a chat goes to the co-op.
    world.route(
        gateway.queueId("ask"),
        new JsonArray().add(CoopWorld.step(world.coopQueueId, "unclaimed", 12)));
  }

  @AfterAll
  static void stop() {
    host.close();
    gateway.close();
  }

  @Test
  @DisplayName(
      "at 1280 px: the chat rolls up, Riverside's librarian sees it with its home library, claims and answers")
  void desktop() {
    run(1280, 800, "coop-desktop");
  }

  @Test
  @DisplayName("the same at 360 px")
  void phone() {
    run(360, 740, "coop-phone");
  }

  private void run(int width, int height, String label) {
    try (var alice = Browser.open(width, height);
        var rosa = Browser.open(width, height);
        var patron = Browser.open(width, height)) {
      // Alice is online at home, so the chat waits there first; nobody claims it.
      LiveChatBrowserTest.signIn(
          alice, gateway.port(), "alice", gateway.librarianPassword("alice"));
      LiveChatBrowserTest.goOnline(alice);
      LiveChatBrowserTest.signIn(rosa, gateway.port(), "rosa", SecondLibrary.PASSWORD);
      LiveChatBrowserTest.goOnline(rosa);
      rosa.waitFor(By.cssSelector("[data-test=coop-badge]"));

      LiveChatBrowserTest.openWidget(patron, host);
      patron.waitFor(By.id("question"));
      patron.css("#name").sendKeys("Lucia " + label);
      patron.css("#question").sendKeys("¿Tienen novelas en español?");
      patron.css("form button[type=submit]").click();
      LiveChatBrowserTest.waitForText(patron, ".log", "novelas");
      alice.waitFor(By.xpath("//*[@data-test='waiting-item'][contains(., 'Lucia " + label + "')]"));

      // Nobody at home claims it: it passes to the co-op, the patron reads so.
      waitLong(patron, ".log", "co-operative");
      patron.screenshot(label + "-widget-routed");
      var item =
          new WebDriverWait(rosa.driver(), Duration.ofSeconds(40))
              .until(
                  d ->
                      d.findElement(
                          By.xpath(
                              "//*[@data-test='waiting-item'][contains(., 'Lucia "
                                  + label
                                  + "')]")));
      LiveChatBrowserTest.waitForText(rosa, "[data-test=home-library]", "Demo Library");
      rosa.screenshot(label + "-app-coop-queue");
      assertTrue(
          rosa.accessibilityViolations().isEmpty(),
          () -> "co-op queue: " + rosa.accessibilityViolations());
      item.sendKeys(Keys.ENTER);
      rosa.waitForText(By.cssSelector("[data-test=preview-question]"), "novelas");
      rosa.css("[data-test=claim]").click();
      LiveChatBrowserTest.waitForText(
          patron, ".log", "Rosa Lind (Riverside Public Library, for the co-op)");

      var composer = rosa.waitFor(By.cssSelector("[data-test=composer]"));
      composer.sendKeys("¡Hola Lucia! Sí, tenemos muchas.");
      composer.sendKeys(Keys.ENTER);
      LiveChatBrowserTest.waitForText(patron, ".log .msg", "tenemos muchas");
      patron.screenshot(label + "-widget-answered");
      rosa.screenshot(label + "-app-coop-chat");
      assertTrue(
          patron.accessibilityViolations().isEmpty(),
          () -> "widget: " + patron.accessibilityViolations());

      patron.driver().switchTo().defaultContent();
      for (var browser : List.of(alice, rosa, patron)) {
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

  @Test
  @DisplayName(
      "the Co-ops and Routing sections of the Admin screen, by keyboard alone, at 1280 and 360 px")
  void adminSections() {
    for (int width : new int[] {1280, 360}) {
      try (var admin = Browser.open(width, 800)) {
        LiveChatBrowserTest.signIn(admin, gateway.port(), "admin", TestGateway.ADMIN_PASSWORD);
        admin.css("[data-test=records]").sendKeys(Keys.ENTER);
        admin.waitFor(By.cssSelector("[data-test=screen-admin]")).sendKeys(Keys.ENTER);
        admin.waitFor(By.cssSelector("[data-test=admin-coops]")).sendKeys(Keys.ENTER);
        admin.waitFor(By.cssSelector("[data-test=coop]"));
        LiveChatBrowserTest.waitForText(admin, "[data-test=coop-queue]", "Valley en Español");
        new WebDriverWait(admin.driver(), Duration.ofSeconds(10))
            .until(d -> "Co-ops".equals(admin.script("return document.activeElement.textContent")));
        admin.screenshot("coop-admin-coops-" + width);
        assertTrue(
            admin.accessibilityViolations().isEmpty(),
            () -> "co-ops: " + admin.accessibilityViolations());

        admin.css("[data-test=admin-routing]").sendKeys(Keys.ENTER);
        var routes = admin.waitFor(By.cssSelector("[data-test=routes]"));
        LiveChatBrowserTest.waitForText(
            admin, "[data-test=routing-admin]", "when nobody has claimed it");
        admin.screenshot("coop-admin-routing-" + width);
        assertTrue(
            admin.accessibilityViolations().isEmpty(),
            () -> "routing: " + admin.accessibilityViolations());
        assertTrue(routes.isDisplayed());
        assertTrue(
            ((Number) admin.script("return document.documentElement.scrollWidth")).intValue()
                <= width,
            "nothing overflows sideways at " + width + " px");
        assertEquals(
            List.of(), admin.consoleErrors().stream().filter(e -> !e.contains("favicon")).toList());
      }
    }
  }

  private static void waitLong(Browser browser, String css, String text) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(40))
        .until(
            d -> LiveChatBrowserTest.texts(browser, css).stream().anyMatch(t -> t.contains(text)));
  }
}
