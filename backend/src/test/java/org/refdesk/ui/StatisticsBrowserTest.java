package org.refdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.refdesk.ui.LiveChatBrowserTest.goOnline;
import static org.refdesk.ui.LiveChatBrowserTest.openWidget;
import static org.refdesk.ui.LiveChatBrowserTest.signIn;
import static org.refdesk.ui.LiveChatBrowserTest.waitForText;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

@DisplayName("Statistics at the end of a chat, the chats still to record, and the patron's rating")
class StatisticsBrowserTest {

  private static TestGateway gateway;
  private static HostPage host;

  @BeforeAll
  static void start() {
    int hostPort = TestGateway.freePort();
    gateway =
        TestGateway.start(
            Map.of(
                "REFDESK_ALLOWED_ORIGINS",
                "http://localhost:" + hostPort,
                "REFDESK_PRESENCE_TIMEOUT_SECONDS",
                "3600"));
    host = new HostPage(gateway.vertx(), gateway.port(), hostPort);
  }

  @AfterAll
  static void stop() {
    host.close();
    gateway.close();
  }

  @Test
  @DisplayName(
      "Alice ends a chat and its form opens with the chat's facts; the required question type is"
          + " asked for by name; saved once; the patron on another site rates it and Alice reads"
          + " the rating, comment as text, in the transcript")
  void recordAndRate() {
    try (var alice = Browser.open(1280, 900);
        var patron = Browser.open(1280, 800)) {
      signIn(alice, gateway.port(), "alice", gateway.librarianPassword("alice"));
      goOnline(alice);

      openWidget(patron, host);
      patron.waitFor(By.id("question")).sendKeys("Do you keep the 1921 census returns?");
      patron.css("#name").sendKeys("Lee");
      patron.css("form button[type=submit]").click();
      waitForText(patron, ".log", "1921 census");

      alice.waitFor(By.xpath("//*[@data-test='waiting-item'][contains(., 'Lee')]")).click();
      alice.waitFor(By.cssSelector("[data-test=claim]")).click();
      waitForText(patron, ".log", "Alice Moreno has joined");
      var composer = alice.waitFor(By.cssSelector("[data-test=composer]"));
      composer.sendKeys("Yes, on microfilm in the local studies room.");
      composer.sendKeys(Keys.ENTER);
      waitForText(patron, ".log .msg", "microfilm");
      alice.css("[data-test=end-chat]").click();
      alice.waitFor(By.cssSelector("[data-test=confirm-end]")).click();

      alice.waitFor(By.cssSelector("[data-test=record-statistics]"));
      waitForText(alice, "[data-test=stats-queue]", "Ask a Librarian");
      waitForText(alice, "[data-test=stats-facts]", "chat");
      long chatId =
          gateway
              .query("SELECT id FROM chats WHERE patron_name = 'Lee' ORDER BY id DESC LIMIT 1")
              .get(0)
              .getLong(0);
      alice.waitFor(By.cssSelector("[data-test=stats-save]")).click();
      waitForText(alice, "[data-test=stats-problems]", "Question type");
      assertEquals(
          "true",
          alice.script("return document.activeElement.getAttribute('aria-invalid')"),
          "focus on the first field to fill in");
      assertEquals(
          0, gateway.count("SELECT count(*) FROM statistics_entries WHERE chat_id = $1", chatId));
      new Select(alice.css("[data-test=stats-questionType]")).selectByIndex(1);
      new Select(alice.css("[data-test=stats-location]")).selectByIndex(1);
      alice.css("[data-test=stats-notes]").sendKeys("Local studies, \"room 2\"");
      alice.css("[data-test=stats-save]").click();
      alice.waitFor(By.cssSelector("[data-test=stats-saved]"));
      assertEquals(
          "stats-saved",
          alice.script("return document.activeElement && document.activeElement.dataset.test"),
          "focus on the confirmation");
      alice.css("[data-test=stats-save]").click();
      gateway.eventually(
          "one entry for the chat, saved twice",
          () ->
              gateway.count(
                      "SELECT count(*) FROM statistics_entries WHERE chat_id = $1 AND mode = 'chat'"
                          + " AND location IS NOT NULL AND notes = 'Local studies, \"room 2\"'",
                      chatId)
                  == 1,
          10_000);
      alice.screenshot("statistics-end-of-chat");

      // The patron, in the widget on the library's own site, rates the chat from the keyboard.
      var excellent =
          patron.waitFor(By.cssSelector("input[name=rating-" + chatId + "][value='5']"));
      excellent.sendKeys(Keys.SPACE);
      patron.css(".rating textarea").sendKeys("<b>Great</b> help");
      patron.css(".rating button[type=submit]").click();
      waitForText(patron, ".rating-offer", "Thank you for your rating.");
      patron.screenshot("widget-rating");
      assertEquals(
          5,
          gateway
              .query("SELECT score FROM chat_ratings WHERE chat_id = $1", chatId)
              .get(0)
              .getInteger(0));

      alice.css("[data-test=records]").click();
      alice.waitFor(By.cssSelector("[data-test=screen-search]")).click();
      alice.waitFor(By.cssSelector("[data-test=search-q]")).sendKeys("census");
      alice.css("[data-test=search-submit]").click();
      alice
          .waitFor(By.cssSelector("[data-test=search-result][data-chat-id='" + chatId + "']"))
          .click();
      waitForText(alice, "[data-test=transcript-rating]", "Patron’s rating: 5 of 5");
      waitForText(alice, "[data-test=transcript-rating]", "<b>Great</b> help");
      assertEquals(
          0L,
          ((Number)
                  alice.script(
                      "return document.querySelectorAll('[data-test=transcript-rating] b').length"))
              .longValue(),
          "the comment is text, not markup");
      for (var browser : List.of(alice, patron)) {
        assertEquals(List.of(), browser.accessibilityViolations());
      }
    }
  }

  @Test
  @DisplayName(
      "at 360 px by keyboard: Ben's ended chat is on his list to record; recorded, it leaves the"
          + " list; a desk question is recorded without a chat")
  void toRecordOnAPhone() {
    long benId = gateway.query("SELECT id FROM operators WHERE username = 'ben'").get(0).getLong(0);
    long chatId = endedChat(benId, "Ash");
    try (var ben = Browser.open(360, 740)) {
      signIn(ben, gateway.port(), "ben", gateway.librarianPassword("ben"));
      ben.waitFor(By.cssSelector("[data-test=records]")).sendKeys(Keys.ENTER);
      ben.waitFor(By.cssSelector("[data-test=screen-to-record]")).sendKeys(Keys.ENTER);
      ben.waitFor(By.cssSelector("[data-test=to-record-screen]"));
      var line = ben.waitFor(By.id("to-record-" + chatId));
      assertTrue(line.getText().contains("Ash"), line.getText());
      line.sendKeys(Keys.ENTER);
      var type = ben.waitFor(By.cssSelector("#stats-" + chatId + "-questionType"));
      new Select(type).selectByIndex(2);
      ben.css("#stats-" + chatId + "-notes").sendKeys("=cmd|' /C calc'!A0, a note");
      ben.css("[data-test=to-record-item] [data-test=stats-save]").sendKeys(Keys.ENTER);
      new WebDriverWait(ben.driver(), Duration.ofSeconds(10))
          .until(d -> d.findElements(By.id("to-record-" + chatId)).isEmpty());
      assertEquals(
          1, gateway.count("SELECT count(*) FROM statistics_entries WHERE chat_id = $1", chatId));
      assertTrue(
          ((Number) ben.script("return document.documentElement.scrollWidth")).intValue() <= 360,
          "nothing overflows sideways at 360 px");

      ben.css("[data-test=record-desk]").sendKeys(Keys.ENTER);
      var deskType = ben.waitFor(By.cssSelector("#stats-desk-questionType"));
      new Select(deskType).selectByIndex(1);
      new Select(ben.css("#stats-desk-mode")).selectByVisibleText("in person");
      ben.screenshot("statistics-desk-question-phone");
      new Actions(ben.driver()).sendKeys(Keys.TAB).perform();
      ben.css("[data-test=to-record-screen] > [data-test=record-statistics] [data-test=stats-save]")
          .sendKeys(Keys.ENTER);
      gateway.eventually(
          "a desk question recorded without a chat",
          () ->
              gateway.count(
                      "SELECT count(*) FROM statistics_entries WHERE chat_id IS NULL"
                          + " AND operator_id = $1 AND mode = 'in person'",
                      benId)
                  == 1,
          10_000);
      assertEquals(List.of(), ben.accessibilityViolations());
    }
  }

  /** A chat Ben answered yesterday, ended, with no statistics yet. */
  private static long endedChat(long ownerId, String patron) {
    var at = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1);
    long id =
        gateway
            .query(
                """
                INSERT INTO chats (library_id, queue_id, state, patron_name, question, owner_id,
                                   created_at, claimed_at, ended_at, ended_by)
                VALUES ($1, $2, 'ended', $3, 'Can I renew a laptop loan?', $4, $5, $5 + interval '40 seconds',
                        $5 + interval '6 minutes', 'operator') RETURNING id""",
                gateway.demoLibraryId(),
                gateway.queueId("ask"),
                patron,
                ownerId,
                at)
            .get(0)
            .getLong(0);
    gateway.query(
        "INSERT INTO chat_participants (chat_id, operator_id, library_id, role) VALUES ($1, $2, $3, 'owner')",
        id,
        ownerId,
        gateway.demoLibraryId());
    return id;
  }
}
