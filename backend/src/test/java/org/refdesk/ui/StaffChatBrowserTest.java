package org.refdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.refdesk.support.Browser;
import org.refdesk.support.TestGateway;

@DisplayName("Staff chat in the operator app: colleagues' status, direct and staff rooms, phone")
class StaffChatBrowserTest {

  private static TestGateway gateway;
  private static long aliceId;
  private static long benId;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    aliceId = idOf("alice");
    benId = idOf("ben");
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static long idOf(String username) {
    return gateway
        .query("SELECT id FROM operators WHERE username = $1", username)
        .get(0)
        .getLong(0);
  }

  private static void signIn(Browser browser, String username) {
    LiveChatBrowserTest.signIn(
        browser, gateway.port(), username, gateway.librarianPassword(username));
  }

  private static void until(Browser browser, Function<WebDriver, Boolean> condition) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(condition::apply);
  }

  private static void setStatus(Browser browser, String status) {
    browser.css("[data-test=status-select]").click();
    browser.waitFor(By.cssSelector("[data-test=status-" + status + "]")).click();
    until(
        browser,
        d ->
            status.equals(
                d.findElement(By.cssSelector("[data-test=status-select]"))
                    .getAttribute("data-status")));
  }

  private static WebElement colleague(Browser browser, long id) {
    return browser.waitFor(By.cssSelector("[data-test=colleague][data-colleague-id='" + id + "']"));
  }

  private static String statusWord(Browser browser, long id) {
    return colleague(browser, id)
        .findElement(By.cssSelector("[data-test=colleague-status]"))
        .getText();
  }

  private static Object focused(Browser browser) {
    return browser.script(
        "const e = document.activeElement; return e ? e.getAttribute('data-test') : null");
  }

  private static void say(Browser browser, String text) {
    var composer = browser.waitFor(By.cssSelector("[data-test=room-composer]"));
    composer.sendKeys(text);
    composer.sendKeys(Keys.ENTER);
  }

  private static void sees(Browser browser, String text) {
    until(
        browser,
        d ->
            d.findElements(By.cssSelector("[data-test=room-message]")).stream()
                .anyMatch(m -> m.getText().contains(text)));
  }

  @Test
  @DisplayName(
      "A sees B available, then internal; A writes to B, B gets the unread count and the message and replies; the staff room reaches both")
  void twoColleagues() {
    try (var alice = Browser.open(1280, 800);
        var ben = Browser.open(1280, 800)) {
      signIn(alice, "alice");
      signIn(ben, "ben");
      setStatus(alice, "online");
      setStatus(ben, "online");

      alice.css("[data-test=staffchat-toggle]").click();
      alice.waitFor(By.cssSelector("[data-test=staffchat]"));
      until(alice, d -> "available".equals(statusWord(alice, benId)));

      // The status menu says what Internal means, and colleagues see the word change live.
      ben.css("[data-test=status-select]").click();
      var internal = ben.waitFor(By.cssSelector("[data-test=status-internal]"));
      assertTrue(internal.getText().contains("patrons see you as away"), internal::getText);
      internal.click();
      until(alice, d -> "internal".equals(statusWord(alice, benId)));
      assertEquals(
          "internal", colleague(alice, benId).getAttribute("data-status"), "a dot beside the word");

      ben.script(
          """
          window.tones = [];
          const start = OscillatorNode.prototype.start;
          OscillatorNode.prototype.start = function (...args) { window.tones.push(this.frequency.value); return start.apply(this, args); };
          """);
      colleague(alice, benId).click();
      alice.waitFor(By.cssSelector("[data-test=room]"));
      until(alice, d -> "room-composer".equals(focused(alice)));
      say(alice, "Can you cover the desk at three?");
      sees(alice, "Can you cover the desk at three?");
      until(alice, d -> d.findElements(By.cssSelector("[data-test=room-pending]")).isEmpty());

      // Ben hears of the new room and counts the message as unread.
      until(
          ben,
          d ->
              d.findElements(By.cssSelector("[data-test=staffchat-unread]")).stream()
                  .anyMatch(b -> b.getText().startsWith("1")));
      until(ben, d -> !((List<?>) ben.script("return window.tones")).isEmpty());
      var tones = (List<?>) ben.script("return window.tones");
      assertTrue(
          tones.stream()
              .noneMatch(
                  f -> List.of(880.0, 1568.0, 660.0, 1000.0).contains(((Number) f).doubleValue())),
          "the staff-chat sound is none of the patron sounds: " + tones);
      var badge = ben.css("[data-test=staffchat-unread]");
      assertTrue(
          badge.getText().contains("1 unread"), "words for a screen reader: " + badge.getText());
      ben.css("[data-test=staffchat-toggle]").click();
      var fromAlice = colleague(ben, aliceId);
      assertTrue(
          fromAlice
              .findElement(By.cssSelector("[data-test=room-unread]"))
              .getText()
              .startsWith("1"),
          "the room's own count");
      fromAlice.click();
      sees(ben, "Can you cover the desk at three?");
      until(ben, d -> d.findElements(By.cssSelector("[data-test=staffchat-unread]")).isEmpty());
      say(ben, "Yes, I will be there.");
      sees(alice, "Yes, I will be there.");
      assertTrue(
          alice.css("[data-test=room]").getText().contains("Ben"),
          "the sender's name beside the message");

      // Read marks reached the server: a reload starts with nothing unread.
      gateway.eventually(
          "Ben's read mark is stored",
          () ->
              gateway.count(
                      "SELECT count(*) FROM internal_reads WHERE operator_id = $1 AND last_read_seq >= 1",
                      benId)
                  == 1,
          10_000);

      // The staff room is always there, for both.
      alice.css("[data-test=staff-room]").click();
      until(alice, d -> "room-composer".equals(focused(alice)));
      say(alice, "Cake in the staff room at four.");
      until(
          ben,
          d ->
              d
                  .findElements(By.cssSelector("[data-test=staff-room] [data-test=room-unread]"))
                  .stream()
                  .anyMatch(b -> b.getText().startsWith("1")));
      ben.css("[data-test=staff-room]").click();
      sees(ben, "Cake in the staff room at four.");
      assertFalse(
          ben.driver().findElements(By.cssSelector("[data-test=room-message]")).stream()
              .anyMatch(m -> m.getText().contains("cover the desk")),
          "the staff room shows its own messages only");

      // Kept and searchable: a result opens its room.
      alice.css("[data-test=staff-search]").sendKeys("COVER desk" + Keys.ENTER);
      var result = alice.waitFor(By.cssSelector("[data-test=staff-search-result]"));
      assertTrue(result.getText().contains("Can you cover the desk at three?"), result::getText);
      assertEquals(
          1, alice.driver().findElements(By.cssSelector("[data-test=staff-search-result]")).size());
      result.click();
      until(
          alice,
          d -> d.findElement(By.cssSelector("[data-test=room-title]")).getText().contains("Ben"));
      sees(alice, "Yes, I will be there.");
      assertTrue(
          alice.accessibilityViolations().isEmpty(),
          () -> "staff chat: " + alice.accessibilityViolations());
      alice.screenshot("staffchat-1280");

      // Its sound is a choice of its own, saved to the account.
      ben.css("[data-test=staffchat-close]").click();
      until(ben, d -> "staffchat-toggle".equals(focused(ben)));
      ben.css("[data-test=tools]").click();
      ben.waitFor(By.cssSelector("[data-test=alert-settings]")).click();
      var internalSound = ben.waitFor(By.cssSelector("[data-test=alert-internal-sound]"));
      assertTrue(internalSound.isSelected(), "on by default");
      internalSound.click();
      gateway.eventually(
          "the choice is saved",
          () ->
              gateway.count(
                      "SELECT count(*) FROM operator_settings WHERE operator_id = $1"
                          + " AND alerts ->> 'internalSound' = 'false'",
                      benId)
                  == 1,
          10_000);
      assertTrue(alice.consoleErrors().isEmpty(), () -> alice.consoleErrors().toString());
      assertTrue(ben.consoleErrors().isEmpty(), () -> ben.consoleErrors().toString());
    }
  }

  @Test
  @DisplayName(
      "on a phone the list and the room are separate views with a way back, by keyboard, nothing wider than the screen")
  void phone() {
    try (var ben = Browser.open(360, 740)) {
      signIn(ben, "ben");
      ben.css("[data-test=staffchat-toggle]").sendKeys(Keys.ENTER);
      var staffRoom = ben.waitFor(By.cssSelector("[data-test=staff-room]"));
      staffRoom.sendKeys(Keys.ENTER);
      ben.waitFor(By.cssSelector("[data-test=room]"));
      until(ben, d -> "room-composer".equals(focused(ben)));
      assertFalse(ben.css("[data-test=colleagues]").isDisplayed(), "the list is its own view");
      say(ben, "Phone check.");
      sees(ben, "Phone check.");
      ben.css("[data-test=room-back]").sendKeys(Keys.ENTER);
      until(ben, d -> "staff-room".equals(focused(ben)));
      assertTrue(ben.css("[data-test=colleagues]").isDisplayed());
      ben.screenshot("staffchat-360");
      assertTrue(
          ben.accessibilityViolations().isEmpty(),
          () -> "staff chat: " + ben.accessibilityViolations());
      assertEquals(
          Boolean.TRUE,
          ben.script(
              "return document.documentElement.scrollWidth <= window.innerWidth"
                  + " && document.querySelector('[data-test=staffchat]').scrollWidth <= window.innerWidth"));
      new Actions(ben.driver()).sendKeys(Keys.ESCAPE).perform();
      until(ben, d -> "staffchat-toggle".equals(focused(ben)));
    }
  }
}
