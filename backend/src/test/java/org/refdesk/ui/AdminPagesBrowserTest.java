package org.refdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.refdesk.support.Browser;
import org.refdesk.support.TestGateway;

@DisplayName("The admin pages by keyboard alone, on a desktop and a phone")
class AdminPagesBrowserTest {

  private static TestGateway gateway;
  private static HostPage host;

  @BeforeAll
  static void start() {
    int hostPort = TestGateway.freePort();
    gateway = TestGateway.start(Map.of("REFDESK_ALLOWED_ORIGINS", "http://localhost:" + hostPort));
    host = new HostPage(gateway.vertx(), gateway.port(), hostPort);
  }

  @AfterAll
  static void stop() {
    host.close();
    gateway.close();
  }

  private static String focusedText(Browser browser) {
    return (String) browser.script("return document.activeElement.textContent.trim();");
  }

  private static String focusedId(Browser browser) {
    return (String) browser.script("return document.activeElement.id;");
  }

  private static void until(Browser browser, String what, BooleanSupplier ok) {
    try {
      new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> ok.getAsBoolean());
    } catch (RuntimeException e) {
      throw new AssertionError(what + "; see " + browser.screenshot("admin-failed"), e);
    }
  }

  /** Opens a section from the Admin screen's list; its heading takes focus. */
  private static void section(Browser browser, String key, String heading) {
    browser.waitFor(By.cssSelector("[data-test=admin-section-" + key + "]")).sendKeys(Keys.ENTER);
    until(
        browser,
        "focus on the " + heading + " heading",
        () -> heading.equals(focusedText(browser)));
  }

  private static void type(Browser browser, String id, String text) {
    var input = browser.css("#" + id);
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    input.sendKeys(text);
  }

  /** Create a queue with hours, edit Alice's queues, see who's online; all by keyboard. */
  private static long aliceOnScience() {
    return gateway.count(
        "SELECT count(*) FROM operator_queues oq JOIN operators o ON o.id = oq.operator_id"
            + " JOIN queues q ON q.id = oq.queue_id WHERE o.username = 'alice' AND q.slug = 'science'");
  }

  private void runThrough(int width, String slug) {
    try (var admin = Browser.open(width, 900)) {
      LiveChatBrowserTest.signIn(admin, gateway.port(), "admin", TestGateway.ADMIN_PASSWORD);
      admin.css("[data-test=records]").sendKeys(Keys.ENTER);
      admin.waitFor(By.cssSelector("[data-test=screen-admin]")).sendKeys(Keys.ENTER);
      admin.waitFor(By.cssSelector("[data-test=admin-screen]"));

      section(admin, "queues", "Queues");
      admin.waitFor(By.cssSelector("[data-test=queue-new]")).sendKeys(Keys.ENTER);
      until(admin, "focus on the queue's name", () -> "queue-name".equals(focusedId(admin)));
      admin.screenshot("admin-queue-form-" + width);
      type(admin, "queue-name", "Map Room " + width);
      type(admin, "queue-slug", slug);
      type(admin, "queue-mon", "09:00-12:00, 13:00-17:00");
      type(admin, "queue-sat", "10:00-14:00");
      type(admin, "queue-closed", "2026-12-25");
      admin.css("[data-test=queue-save]").sendKeys(Keys.ENTER);
      LiveChatBrowserTest.waitForText(admin, "[data-test=admin-queues-done]", "is saved");
      until(admin, "focus back on the heading", () -> "Queues".equals(focusedText(admin)));
      var settings =
          (JsonObject)
              gateway.query("SELECT settings FROM queues WHERE slug = $1", slug).get(0).getValue(0);
      assertEquals(
          "[[\"09:00\",\"12:00\"],[\"13:00\",\"17:00\"]]",
          settings.getJsonObject("openingHours").getJsonArray("mon").encode());
      assertEquals(
          "2026-12-25", settings.getJsonObject("openingHours").getJsonArray("closed").getString(0));
      assertEquals(List.of(), admin.accessibilityViolations());
      admin.screenshot("admin-queues-" + width);

      section(admin, "operators", "Operators");
      long before = aliceOnScience();
      admin.waitFor(By.cssSelector("[data-test=operator-edit-alice]")).sendKeys(Keys.ENTER);
      until(admin, "focus on the operator's name", () -> "operator-name".equals(focusedId(admin)));
      admin.waitFor(By.cssSelector("[data-test=operator-queue-science]")).sendKeys(Keys.SPACE);
      admin.screenshot("admin-operator-form-" + width);
      assertEquals(List.of(), admin.accessibilityViolations());
      admin.css("[data-test=operator-save]").sendKeys(Keys.ENTER);
      LiveChatBrowserTest.waitForText(
          admin, "[data-test=admin-operators-done]", "Alice Moreno is saved");
      until(admin, "focus back on the heading", () -> "Operators".equals(focusedText(admin)));
      assertEquals(1 - before, aliceOnScience(), "the science desk is given or taken away");
      admin.screenshot("admin-operators-" + width);

      section(admin, "online", "Who’s online");
      LiveChatBrowserTest.waitForText(admin, "[data-test=online-row]", "Alice Moreno");
      LiveChatBrowserTest.waitForText(admin, "[data-test=online-row]", "Offline");
      assertTrue(
          admin.css("[data-test=admin-online]").getText().contains("Not heard from"),
          "who is not on says so in words");
      assertEquals(List.of(), admin.accessibilityViolations());
      admin.screenshot("admin-online-" + width);
      assertEquals(List.of(), admin.consoleErrors());
    }
  }

  @Test
  @DisplayName(
      "the widget asks the queue's own pre-chat question, refuses the form without it, and keeps the answer with the chat")
  void prechatQuestion() {
    var settings =
        new JsonObject()
            .put("launcherLabel", "Ask a librarian")
            .put(
                "prechatFields",
                new JsonArray()
                    .add(
                        new JsonObject()
                            .put("label", "Library card")
                            .put("required", true)
                            .put("maxChars", 20)));
    var edited =
        TestGateway.await(
            gateway
                .client()
                .put("/api/admin/queues/" + gateway.queueId("ask"))
                .bearerTokenAuthentication(gateway.adminToken())
                .sendJsonObject(new JsonObject().put("settings", settings)));
    assertEquals(200, edited.statusCode(), edited::bodyAsString);
    try (var ben = Browser.open(1280, 900);
        var patron = Browser.open(360, 740)) {
      LiveChatBrowserTest.signIn(ben, gateway.port(), "ben", gateway.librarianPassword("ben"));
      LiveChatBrowserTest.goOnline(ben);
      LiveChatBrowserTest.openWidget(patron, host);
      LiveChatBrowserTest.enterWidgetFrame(patron);
      patron.waitFor(By.id("question")).sendKeys("Can I renew a book twice?");
      patron.waitFor(By.cssSelector("label[for=prechat-0]"));
      assertTrue(patron.css("label[for=prechat-0]").getText().startsWith("Library card"));
      patron.css("#question").sendKeys(Keys.TAB);
      patron.css("form.start button[type=submit]").sendKeys(Keys.ENTER);
      until(patron, "focus on the missing answer", () -> "prechat-0".equals(focusedId(patron)));
      assertEquals("true", patron.css("#prechat-0").getAttribute("aria-invalid"));
      assertEquals(List.of(), patron.accessibilityViolations());
      patron.screenshot("widget-prechat-360");
      patron.css("#prechat-0").sendKeys("2901 77");
      patron.css("#prechat-0").sendKeys(Keys.ENTER);
      gateway.eventually(
          "the chat started with the answer",
          () ->
              gateway.count(
                      "SELECT count(*) FROM chats WHERE prechat @> '[{\"label\":\"Library card\",\"value\":\"2901 77\"}]'")
                  == 1,
          15_000);
    }
  }

  @Test
  @DisplayName("at 1280 px: a queue with hours, Alice given the science desk, who's online")
  void desktop() {
    runThrough(1280, "maps-wide");
  }

  @Test
  @DisplayName("at 360 px: the same by keyboard on a phone")
  void phone() {
    runThrough(360, "maps-phone");
  }
}
