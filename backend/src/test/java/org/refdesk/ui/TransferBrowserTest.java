package org.refdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.refdesk.ui.LiveChatBrowserTest.goOnline;
import static org.refdesk.ui.LiveChatBrowserTest.openWidget;
import static org.refdesk.ui.LiveChatBrowserTest.signIn;
import static org.refdesk.ui.LiveChatBrowserTest.texts;
import static org.refdesk.ui.LiveChatBrowserTest.waitForText;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.refdesk.support.Browser;
import org.refdesk.support.TestGateway;

@DisplayName("A warm transfer between two librarians while the patron keeps writing")
class TransferBrowserTest {

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

  @Test
  @DisplayName(
      "Alice transfers with a card to Ben, who reads the transcript and accepts; every line the"
          + " patron wrote meanwhile is on Ben's screen and in the widget exactly once")
  void warmTransfer() {
    try (var alice = Browser.open(1280, 800);
        var ben = Browser.open(1280, 800);
        var patron = Browser.open(1280, 800)) {
      signIn(alice, gateway.port(), "alice", gateway.librarianPassword("alice"));
      goOnline(alice);
      signIn(ben, gateway.port(), "ben", gateway.librarianPassword("ben"));
      goOnline(ben);

      openWidget(patron, host);
      patron.waitFor(By.id("question")).sendKeys("Where are the harbour maps from 1920?");
      patron.css("#name").sendKeys("Sam");
      patron.css("form button[type=submit]").click();
      waitForText(patron, ".log", "harbour maps");

      alice.waitFor(By.xpath("//*[@data-test='waiting-item'][contains(., 'Sam')]")).click();
      alice.waitFor(By.cssSelector("[data-test=claim]")).click();
      waitForText(patron, ".log", "Alice Moreno has joined");
      var composer = alice.waitFor(By.cssSelector("[data-test=composer]"));
      composer.sendKeys("I looked in https://maps.example.org/harbour for you.");
      composer.sendKeys(Keys.ENTER);
      waitForText(patron, ".log .msg", "maps.example.org");

      var sent = new ArrayList<String>();
      say(patron, sent, "patron-line-alpha");

      // Alice opens the transfer dialog from the keyboard: the card is filled in from the chat.
      alice.waitFor(By.cssSelector("[data-test=chat-more]")).sendKeys(Keys.ENTER);
      var transfer = alice.waitFor(By.cssSelector("[data-test=transfer-open]"));
      assertEquals(
          "transfer-open",
          alice.script("return document.activeElement && document.activeElement.dataset.test"),
          "More puts focus on its first action");
      transfer.sendKeys(Keys.ENTER);
      alice.waitFor(By.cssSelector("[data-test=transfer-dialog]"));
      new WebDriverWait(alice.driver(), Duration.ofSeconds(10))
          .until(d -> !d.findElements(By.cssSelector("[data-test=transfer-target]")).isEmpty());
      assertTrue(
          alice.css("[data-test=card-needs]").getAttribute("value").contains("harbour maps"),
          "the card starts from the question");
      assertTrue(
          alice
              .css("[data-test=card-links]")
              .getAttribute("value")
              .contains("https://maps.example.org/harbour"),
          "and the links Alice sent");
      say(patron, sent, "patron-line-bravo");
      new Select(alice.css("[data-test=transfer-target]"))
          .selectByVisibleText("Ben Okafor (online)");
      alice.css("[data-test=card-tried]").sendKeys("The harbour collection index");
      alice.screenshot("transfer-dialog");
      // A window cannot be narrower than about 500 px: a phone's width is emulated, as Browser
      // does.
      alice.cdp(
          "Emulation.setDeviceMetricsOverride",
          Map.of("width", 360, "height", 740, "deviceScaleFactor", 1, "mobile", true));
      new WebDriverWait(alice.driver(), Duration.ofSeconds(10))
          .until(
              d ->
                  Boolean.TRUE.equals(
                      alice.script(
                          "const r = document.querySelector('[data-test=transfer-dialog]')"
                              + ".getBoundingClientRect(); return window.innerWidth <= 400"
                              + " && r.left >= 0 && r.right <= window.innerWidth")));
      alice.screenshot("transfer-dialog-360");
      alice.cdp("Emulation.clearDeviceMetricsOverride", Map.of());
      say(patron, sent, "patron-line-charlie");
      alice.css("[data-test=transfer-send]").click();
      alice.waitFor(By.cssSelector("[data-test=transfer-status]"));
      assertTrue(
          alice.driver().findElements(By.cssSelector("dialog[open]")).isEmpty(),
          "the dialog closed after sending");
      waitForText(patron, ".log", "I'm transferring you to another librarian.");
      say(patron, sent, "patron-line-delta");

      // Ben hears of it with the card, reads the whole transcript first, and accepts.
      var offer = ben.waitFor(By.cssSelector("[data-test=handoff]"));
      waitForText(ben, "[data-test=handoff-card]", "harbour collection index");
      ben.screenshot("transfer-offer");
      ben.css("[data-test=handoff-transcript-open]").click();
      waitForText(ben, "[data-test=transcript-message]", "patron-line-bravo");
      new Actions(ben.driver()).sendKeys(Keys.ESCAPE).perform();
      new WebDriverWait(ben.driver(), Duration.ofSeconds(10))
          .until(
              d ->
                  d.findElements(By.cssSelector("[data-test=handoff-transcript][open]")).isEmpty());
      say(patron, sent, "patron-line-echo");
      offer.findElement(By.cssSelector("[data-test=handoff-accept]")).click();
      say(patron, sent, "patron-line-foxtrot");

      waitForText(patron, ".log", "Ben Okafor has joined");
      waitForText(alice, "[data-test=chat-ended]", "You transferred this chat");
      for (var line : sent) {
        waitForText(ben, "[data-test=message]", line);
      }
      say(patron, sent, "patron-line-golf");
      waitForText(ben, "[data-test=message]", "patron-line-golf");
      ben.screenshot("transfer-accepted");
      patron.screenshot("transfer-widget");

      var onBen = texts(ben, "[data-test=message]");
      var inWidget = texts(patron, ".log .msg");
      for (var line : sent) {
        assertEquals(1, count(onBen, line), () -> line + " once on Ben's screen: " + onBen);
        assertEquals(1, count(inWidget, line), () -> line + " once in the widget: " + inWidget);
      }
      assertTrue(
          ben.driver().findElements(By.cssSelector("[data-test=pending-message]")).isEmpty());
      var composerOfBen = ben.css("[data-test=composer]");
      composerOfBen.sendKeys("Ben here, I have the 1920 maps.");
      composerOfBen.sendKeys(Keys.ENTER);
      waitForText(patron, ".log .msg", "Ben here, I have the 1920 maps.");
      assertTrue(
          texts(alice, "[data-test=message]").stream()
              .noneMatch(t -> t.contains("patron-line-golf")),
          "Alice no longer hears the chat");
      patron.driver().switchTo().defaultContent();
      for (var browser : List.of(alice, ben, patron)) {
        assertEquals(
            List.of(),
            browser.consoleErrors().stream().filter(e -> !e.contains("favicon")).toList());
      }
    }
  }

  @Test
  @DisplayName(
      "Alice invites Ben into the chat: both write, Alice cannot end it while Ben is in, Ben leaves,"
          + " and the patron sees who joined and who left")
  void sharedChat() {
    try (var alice = Browser.open(1280, 800);
        var ben = Browser.open(360, 740);
        var patron = Browser.open(1280, 800)) {
      signIn(alice, gateway.port(), "alice", gateway.librarianPassword("alice"));
      goOnline(alice);
      signIn(ben, gateway.port(), "ben", gateway.librarianPassword("ben"));
      goOnline(ben);

      openWidget(patron, host);
      patron.waitFor(By.id("question")).sendKeys("Two of you, please: maps and law");
      patron.css("#name").sendKeys("Kim");
      patron.css("form button[type=submit]").click();
      waitForText(patron, ".log", "maps and law");
      alice.waitFor(By.xpath("//*[@data-test='waiting-item'][contains(., 'Kim')]")).click();
      alice.waitFor(By.cssSelector("[data-test=claim]")).click();
      waitForText(patron, ".log", "Alice Moreno has joined");

      alice.waitFor(By.cssSelector("[data-test=chat-more]")).click();
      alice.waitFor(By.cssSelector("[data-test=invite-open]")).click();
      alice.waitFor(By.cssSelector("[data-test=invite-dialog]"));
      new WebDriverWait(alice.driver(), Duration.ofSeconds(10))
          .until(d -> !d.findElements(By.cssSelector("[data-test=invite-target]")).isEmpty());
      new Select(alice.css("[data-test=invite-target]")).selectByVisibleText("Ben Okafor (online)");
      alice.css("[data-test=invite-send]").click();

      // Ben, on a phone, gets the invitation and joins from the keyboard.
      var accept = ben.waitFor(By.cssSelector("[data-test=handoff-accept]"));
      waitForText(ben, "[data-test=handoff]", "invites you into the chat with Kim");
      accept.sendKeys(Keys.ENTER);
      waitForText(patron, ".log", "Ben Okafor has joined");
      waitForText(ben, "[data-test=participants]", "Alice Moreno");
      waitForText(alice, "[data-test=participants]", "Ben Okafor");
      ben.screenshot("shared-chat-phone");
      assertTrue(
          ((Number) ben.script("return document.documentElement.scrollWidth")).intValue() <= 360,
          "nothing overflows sideways at 360 px");
      var composer = ben.waitFor(By.cssSelector("[data-test=composer]"));
      composer.sendKeys("Ben here for the law part.");
      composer.sendKeys(Keys.ENTER);
      waitForText(patron, ".log .msg", "Ben here for the law part.");
      waitForText(alice, "[data-test=message]", "Ben here for the law part.");

      alice.css("[data-test=end-chat]").click();
      alice.waitFor(By.cssSelector("[data-test=confirm-end]")).click();
      waitForText(alice, "[data-test=end-error]", "colleague is still in this chat");

      ben.css("[data-test=chat-more]").click();
      ben.waitFor(By.cssSelector("[data-test=leave-chat]")).click();
      waitForText(ben, "[data-test=chat-ended]", "You left this chat");
      assertEquals(
          "dismiss-chat",
          ben.script("return document.activeElement && document.activeElement.dataset.test"),
          "focus goes to Close tab");
      waitForText(patron, ".log", "Ben Okafor has left");
      alice.css("[data-test=confirm-end]").click();
      waitForText(alice, "[data-test=chat-ended]", "Chat ended");
      patron.driver().switchTo().defaultContent();
      for (var browser : List.of(alice, ben, patron)) {
        assertEquals(
            List.of(),
            browser.consoleErrors().stream()
                .filter(e -> !e.contains("favicon"))
                // The refused end is the browser's own note of the 409 the app showed in words.
                .filter(e -> !(e.contains("/end") && e.contains("409")))
                .toList());
      }
    }
  }

  private static void say(Browser patron, List<String> sent, String text) {
    var draft = patron.waitFor(By.id("draft"));
    draft.sendKeys(text);
    draft.sendKeys(Keys.ENTER);
    sent.add(text);
  }

  private static long count(List<String> texts, String part) {
    return texts.stream().filter(t -> t.contains(part)).count();
  }
}
