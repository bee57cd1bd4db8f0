package org.refdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.refdesk.ui.LiveChatBrowserTest.goOnline;
import static org.refdesk.ui.LiveChatBrowserTest.signIn;
import static org.refdesk.ui.LiveChatBrowserTest.waitForText;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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

@DisplayName(
    "Rota: the calendar, the prompts at a shift's start and end, the coverage, the empty-shift alert")
class RotaBrowserTest {

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  private static TestGateway gateway;
  private static String admin;

  @BeforeAll
  static void start() {
    gateway =
        TestGateway.start(
            Map.of("REFDESK_PRESENCE_TIMEOUT_SECONDS", "3600", "REFDESK_TIMER_TICK_MS", "1000"));
    // A shift is told to the admins as soon as it runs with nobody online on its queue.
    gateway.query(
        "UPDATE libraries SET settings = settings || '{\"emptyShiftAlertMinutes\": 0}' WHERE id = $1 RETURNING id",
        gateway.demoLibraryId());
    admin = gateway.adminToken();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static long operatorId(String username) {
    return gateway
        .query("SELECT id FROM operators WHERE username = $1", username)
        .get(0)
        .getLong(0);
  }

  /**
   * Today's shift (the demo library keeps UTC) from minutes ago to minutes ahead, within the day.
   */
  private static void roster(
      String username, String queue, int startedMinutesAgo, int endsInMinutes) {
    var now = LocalTime.now(ZoneOffset.UTC);
    var starts =
        now.minusMinutes(startedMinutesAgo).isAfter(now)
            ? LocalTime.MIDNIGHT
            : now.minusMinutes(startedMinutesAgo);
    var ends =
        now.plusMinutes(endsInMinutes).isBefore(now)
            ? LocalTime.of(23, 59)
            : now.plusMinutes(endsInMinutes);
    var made =
        gateway.post(
            "/api/rota/shifts",
            new JsonObject()
                .put("queueId", gateway.queueId(queue))
                .put("operatorId", operatorId(username))
                .put("weekday", LocalDate.now(ZoneOffset.UTC).getDayOfWeek().getValue())
                .put("starts", HH_MM.format(starts))
                .put("ends", HH_MM.format(ends)),
            admin);
    assertEquals(201, made.statusCode(), made::bodyAsString);
  }

  private static long chat(String state, String queue, String patron, Long ownerId) {
    var at = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2);
    long id =
        gateway
            .query(
                """
                INSERT INTO chats (library_id, queue_id, state, patron_name, question, owner_id, created_at,
                                   claimed_at, ended_at, ended_by, missed_at)
                VALUES ($1, $2, $3, $4, 'Where are the theses kept?', $5, $6,
                        CASE WHEN $5::bigint IS NULL THEN NULL ELSE $6 + interval '30 seconds' END,
                        CASE WHEN $3 = 'ended' THEN $6 + interval '5 minutes' END,
                        CASE WHEN $3 = 'ended' THEN 'operator' END,
                        CASE WHEN $3 = 'missed' THEN $6 + interval '2 minutes' END) RETURNING id""",
                gateway.demoLibraryId(),
                gateway.queueId(queue),
                state,
                patron,
                ownerId,
                at)
            .get(0)
            .getLong(0);
    if (ownerId != null) {
      gateway.query(
          "INSERT INTO chat_participants (chat_id, operator_id, library_id, role) VALUES ($1, $2, $3, 'owner')",
          id,
          ownerId,
          gateway.demoLibraryId());
    }
    return id;
  }

  private static String focused(Browser browser) {
    return (String)
        browser.script(
            "return document.activeElement && (document.activeElement.dataset.test || document.activeElement.id)");
  }

  private static void noSidewaysScroll(Browser browser) {
    assertTrue(
        ((Number) browser.script("return document.documentElement.scrollWidth")).intValue() <= 360,
        "nothing overflows sideways at 360 px");
  }

  @Test
  @DisplayName(
      "1280 px: Alice's shift starts and she is not online: the prompt takes focus, counts the chat"
          + " missed since her last shift, and goes online from the keyboard; the calendar shows her shift today")
  void startPromptAndCalendar() {
    chat("missed", "ask", "Robin", null);
    roster("alice", "ask", 2, 90);
    try (var alice = Browser.open(1280, 900)) {
      signIn(alice, gateway.port(), "alice", gateway.librarianPassword("alice"));
      var prompt = alice.waitFor(By.cssSelector("[data-test=shift-prompt][data-kind=start]"));
      assertTrue(
          prompt.getText().contains("Your shift on Ask a Librarian starts now"), prompt.getText());
      waitForText(
          alice, "[data-test=shift-prompt-missed]", "1 chat was missed since your last shift");
      assertEquals("shift-prompt-title", focused(alice), "focus on the prompt's heading");
      alice.screenshot("rota-start-prompt-1280");
      assertEquals(List.of(), alice.accessibilityViolations());

      new Actions(alice.driver()).sendKeys(Keys.TAB).perform();
      assertEquals("shift-go-online", focused(alice));
      new Actions(alice.driver()).sendKeys(Keys.ENTER).perform();
      new WebDriverWait(alice.driver(), Duration.ofSeconds(15))
          .until(
              d ->
                  "online"
                      .equals(
                          d.findElement(By.cssSelector("[data-test=status-select]"))
                              .getAttribute("data-status")));
      waitForText(alice, "[data-test=missed-chats]", "Robin");
      assertTrue(
          alice.driver().findElements(By.cssSelector("[data-test=shift-prompt]")).isEmpty(),
          "the prompt is gone");

      alice.css("[data-test=records]").sendKeys(Keys.ENTER);
      alice.waitFor(By.cssSelector("[data-test=screen-rota]")).sendKeys(Keys.ENTER);
      var today = alice.waitFor(By.cssSelector("[data-test=rota-day].today"));
      waitForText(alice, "[data-test=rota-day].today", "today");
      assertTrue(today.getText().contains("Alice Moreno"), today.getText());
      assertTrue(today.getText().contains("Ask a Librarian"), today.getText());
      assertTrue(
          alice.driver().findElements(By.cssSelector("[data-test=rota-add]")).isEmpty(),
          "an operator adds nothing");
      assertTrue(
          alice.driver().findElements(By.cssSelector("[data-test=rota-tab-coverage]")).isEmpty());
      alice.screenshot("rota-calendar-1280");
      assertEquals(List.of(), alice.accessibilityViolations());
    }
  }

  @Test
  @DisplayName(
      "360 px: in the last minutes of Cleo's shift the prompt counts her open chat and her statistics"
          + " to record, opens the list to record, and goes offline from the keyboard")
  void endPromptOnAPhone() {
    long cleo = operatorId("cleo");
    chat("active", "science", "Sam", cleo);
    chat("ended", "science", "Kim", cleo);
    roster("cleo", "science", 60, 5);
    try (var phone = Browser.open(360, 740)) {
      signIn(phone, gateway.port(), "cleo", gateway.librarianPassword("cleo"));
      goOnline(phone);
      var prompt = phone.waitFor(By.cssSelector("[data-test=shift-prompt][data-kind=end]"));
      assertTrue(prompt.getText().contains("Your shift on Science Desk ends at"), prompt.getText());
      waitForText(phone, "[data-test=shift-open-chats]", "You have 1 open chat.");
      waitForText(
          phone, "[data-test=shift-to-record]", "1 chat still needs its statistics recorded.");
      phone.screenshot("rota-end-prompt-360");
      noSidewaysScroll(phone);
      assertEquals(List.of(), phone.accessibilityViolations());

      phone.css("[data-test=shift-record]").sendKeys(Keys.ENTER);
      waitForText(phone, "[data-test=to-record-screen]", "Kim");

      phone.css("[data-test=shift-go-offline]").sendKeys(Keys.ENTER);
      new WebDriverWait(phone.driver(), Duration.ofSeconds(15))
          .until(
              d ->
                  "offline"
                      .equals(
                          d.findElement(By.cssSelector("[data-test=status-select]"))
                              .getAttribute("data-status")));
      assertTrue(
          phone.driver().findElements(By.cssSelector("[data-test=shift-prompt]")).isEmpty(),
          "the prompt is gone");
    }
  }

  @Test
  @DisplayName(
      "360 and 1280 px, keyboard alone: the admin adds a weekly shift from the form, reads the coverage"
          + " table in numbers, and sees the empty-shift alert that operators never see")
  void adminFormCoverageAndAlert() {
    try (var phone = Browser.open(360, 740)) {
      signIn(phone, gateway.port(), "admin", TestGateway.ADMIN_PASSWORD);
      phone.css("[data-test=records]").sendKeys(Keys.ENTER);
      phone.waitFor(By.cssSelector("[data-test=screen-rota]")).sendKeys(Keys.ENTER);
      phone.waitFor(By.cssSelector("[data-test=rota-add]")).sendKeys(Keys.ENTER);
      phone.waitFor(By.cssSelector("[data-test=shift-form]"));
      assertEquals("shift-kind-weekly", focused(phone), "focus in the form");
      phone.css("[data-test=shift-operator]").sendKeys("Ben");
      phone.css("[data-test=shift-queue]").sendKeys("Science");
      var tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).getDayOfWeek();
      phone
          .css("[data-test=shift-weekday]")
          .sendKeys(
              tomorrow.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH));
      phone.screenshot("rota-form-360");
      noSidewaysScroll(phone);
      phone.css("[data-test=shift-save]").sendKeys(Keys.ENTER);
      waitForText(phone, "[data-test=rota-done]", "The shift is saved.");
      assertEquals("rota-add", focused(phone), "focus back on the button that opened the form");
      assertEquals(
          1,
          gateway.count(
              "SELECT count(*) FROM shifts WHERE operator_id = $1 AND weekday = $2 AND starts = '09:00'",
              operatorId("ben"),
              tomorrow.getValue()));
      phone.screenshot("rota-calendar-360");
      noSidewaysScroll(phone);
      assertEquals(List.of(), phone.accessibilityViolations());

      phone.css("[data-test=rota-tab-coverage]").sendKeys(Keys.ENTER);
      phone.waitFor(By.cssSelector("[data-test=coverage-table]"));
      var cell =
          phone.waitFor(
              By.cssSelector(
                  "[data-test=coverage-cell][data-weekday='"
                      + tomorrow.getValue()
                      + "'][data-hour='10']"));
      assertTrue(cell.getText().startsWith("1"), "one person rostered: " + cell.getText());
      assertEquals(
          168, phone.driver().findElements(By.cssSelector("[data-test=coverage-cell]")).size());
      phone.screenshot("rota-coverage-360");
      noSidewaysScroll(phone);
      assertEquals(List.of(), phone.accessibilityViolations());
    }

    try (var wide = Browser.open(1280, 900);
        var operator = Browser.open(1280, 900)) {
      signIn(wide, gateway.port(), "admin", TestGateway.ADMIN_PASSWORD);
      signIn(operator, gateway.port(), "alice", gateway.librarianPassword("alice"));
      // The alerts socket of each app is registered once its desk is connected.
      wide.waitFor(By.cssSelector("[data-test=pane-queue]"));
      roster("ben", "science", 2, 30);
      var alert = wide.waitFor(By.cssSelector("[data-test=empty-shift-alert]"));
      assertTrue(alert.getText().contains("Nobody is online on Science Desk"), alert.getText());
      assertTrue(alert.getText().contains("Ben Okafor"), alert.getText());
      wide.screenshot("rota-empty-shift-alert-1280");
      assertEquals(List.of(), wide.accessibilityViolations());
      assertTrue(
          operator.driver().findElements(By.cssSelector("[data-test=empty-shift-alert]")).isEmpty(),
          "an operator's desk shows no empty-shift alert");

      wide.css("[data-test=records]").sendKeys(Keys.ENTER);
      wide.waitFor(By.cssSelector("[data-test=screen-rota]")).sendKeys(Keys.ENTER);
      wide.waitFor(By.cssSelector("[data-test=rota-tab-coverage]")).sendKeys(Keys.ENTER);
      wide.waitFor(By.cssSelector("[data-test=coverage-table]"));
      wide.screenshot("rota-coverage-1280");
      assertEquals(List.of(), wide.accessibilityViolations());
    }
  }
}
