package org.refdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.refdesk.report.ReportData;
import org.refdesk.support.Browser;
import org.refdesk.support.TestGateway;

@DisplayName("The reports screen: the known week's numbers in words and tables, charts, CSV, phone")
class ReportBrowserTest {

  private static final String ECHARTS_LOADED =
      "return !!window.echarts || performance.getEntriesByType('resource')"
          + ".some(e => e.name.includes('echarts'));";

  private static TestGateway gateway;
  private static ReportData eastbank;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    eastbank = ReportData.create(gateway);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  /**
   * Signs in, checks the desk has not loaded the charts, opens Reports from the Records menu by
   * keyboard.
   */
  private static void openReports(Browser browser) {
    LiveChatBrowserTest.signIn(browser, gateway.port(), "rina", ReportData.PASSWORD);
    assertEquals(false, browser.script(ECHARTS_LOADED), "the desk does not load the charts");
    browser.css("[data-test=records]").sendKeys(Keys.ENTER);
    browser.waitFor(By.cssSelector("[data-test=screen-reports]")).sendKeys(Keys.ENTER);
    browser.waitFor(By.cssSelector("[data-test=report-range]"));
    until(browser, "focus on the screen's heading", () -> "Reports".equals(focusedText(browser)));
  }

  /** Sets the range as the date inputs hold it, then presses Apply from the keyboard. */
  private static void showKnownWeek(Browser browser, String queue) {
    browser.script(
        """
        for (const [id, value] of [['report-from', arguments[0]], ['report-to', arguments[1]]]) {
          const input = document.getElementById(id);
          input.value = value;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }""",
        ReportData.FROM,
        ReportData.TO);
    if (queue != null) {
      new Select(browser.css("[data-test=report-queue]")).selectByVisibleText(queue);
    }
    browser.css("[data-test=report-apply]").sendKeys(Keys.ENTER);
    LiveChatBrowserTest.waitForText(
        browser, "[data-test=report-range]", "Sun, Mar 1, 2026 to Sat, Mar 7, 2026");
  }

  private static String words(Browser browser, String figure) {
    return browser.css("[data-test=" + figure + "] [data-test=figure-words]").getText();
  }

  /** The cells of the figure's table row whose heading is {@code name}. */
  @SuppressWarnings("unchecked")
  private static List<String> tableRow(Browser browser, String figure, String name) {
    return (List<String>)
        browser.script(
            """
            const rows = document.querySelectorAll(`[data-test=${arguments[0]}] tbody tr`);
            const row = [...rows].find(r => r.cells[0].textContent.trim() === arguments[1]);
            return row ? [...row.cells].slice(1).map(c => c.textContent.trim()) : null;""",
            figure,
            name);
  }

  private static String focusedText(Browser browser) {
    return (String) browser.script("return document.activeElement.textContent.trim();");
  }

  private static void until(Browser browser, String what, java.util.function.BooleanSupplier ok) {
    try {
      new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> ok.getAsBoolean());
    } catch (RuntimeException e) {
      throw new AssertionError(what + "; see " + browser.screenshot("report-failed"), e);
    }
  }

  @Test
  @DisplayName("at 1280 px the week's figures match the data, charts draw, the CSV downloads")
  void desktop() {
    try (var rina = Browser.open(1280, 900)) {
      openReports(rina);
      showKnownWeek(rina, null);
      assertEquals("Apply", focusedText(rina), "focus stays on Apply after the update");
      assertTrue(
          words(rina, "report-chats").startsWith("7 chats: 5 answered, 1 missed."),
          words(rina, "report-chats"));
      assertEquals(List.of("1", "0", "1"), tableRow(rina, "report-chats", "Wed, Mar 4, 2026"));
      assertEquals(List.of("1", "1", "0"), tableRow(rina, "report-chats", "Sun, Mar 1, 2026"));
      assertEquals("Busiest hour: Monday 10:00–11:00 (2).", words(rina, "report-heatmap"));
      assertEquals("Most missed: Wednesday 00:00–01:00 (1).", words(rina, "report-heatmap-missed"));
      assertEquals(
          "Median wait 45 s; 9 in 10 answered chats waited 4 min 36 s or less (90th percentile);"
              + " mean 1 min 53 s. 5 answered chats.",
          words(rina, "report-waits"));
      assertEquals(List.of("2"), tableRow(rina, "report-waits", "0 s to 30 s"));
      assertTrue(
          words(rina, "report-outcomes")
              .startsWith("Of 7 chats, 71.4% answered (5), 14.3% missed (1)"),
          words(rina, "report-outcomes"));
      assertEquals(
          List.of("2", "2", "0", "4 min 5 s"), tableRow(rina, "report-queues", "Kids corner"));
      assertEquals(
          List.of("3", "20 s", "6 min 40 s", "4.50 (2 ratings)"),
          tableRow(rina, "report-operators", "Rina Okafor"));
      assertEquals(List.of("2"), tableRow(rina, "report-tags", "Renewals"));
      assertEquals(List.of("1"), tableRow(rina, "report-question-types", "Not recorded"));
      assertEquals("Mean rating 3.67 out of 5, from 3 ratings.", words(rina, "report-ratings"));

      rina.waitFor(By.cssSelector("[data-test=report-waits] [data-test=figure-chart] canvas"));
      assertEquals(true, rina.script(ECHARTS_LOADED));
      assertEquals(
          1L, rina.script("return document.querySelectorAll('script[src*=echarts]').length;"));
      assertTrue(
          rina.css("[data-test=report-waits] [data-test=figure-chart]")
              .getAttribute("aria-label")
              .contains("Median wait 45 s"),
          "the chart's own label says the numbers");
      assertTrue(rina.css("[data-test=report-timing]").getText().startsWith("Figures came in "));

      rina.css("[data-test=period-week]").sendKeys(Keys.ENTER);
      assertEquals(
          List.of("6", "4", "1"), tableRow(rina, "report-chats", "Week of Mon, Mar 2, 2026"));

      var link = rina.css("[data-test=report-chats] [data-test=csv-link]");
      assertTrue(
          link.getAttribute("href")
              .endsWith("/api/reports/weekly.csv?from=2026-03-01&to=2026-03-07"));
      link.sendKeys(Keys.ENTER);
      LiveChatBrowserTest.waitForText(
          rina,
          "[data-test=report-downloaded]",
          "Downloaded refdesk-weekly-2026-03-01-to-2026-03-07.csv.");
      var csv =
          (String)
              ((org.openqa.selenium.JavascriptExecutor) rina.driver())
                  .executeAsyncScript(
                      """
                      const done = arguments[arguments.length - 1];
                      const token = JSON.parse(sessionStorage.getItem('refdesk.operator.session')).token;
                      fetch(arguments[0], { headers: { Authorization: 'Bearer ' + token } })
                        .then(r => r.text()).then(done, e => done(String(e)));""",
                      rina.css("[data-test=entries-csv]").getAttribute("href"));
      assertTrue(csv.contains("Where the toilets are"), csv);

      rina.screenshot("report-1280");
      var violations = rina.accessibilityViolations();
      assertTrue(violations.isEmpty(), () -> "the reports at 1280 px: " + violations);
      assertTrue(rina.consoleErrors().isEmpty(), rina.consoleErrors()::toString);
    }
  }

  @Test
  @DisplayName("at 360 px the figures stack, nothing scrolls sideways, and a queue filter applies")
  void phone() {
    try (var rina = Browser.open(360, 740)) {
      openReports(rina);
      showKnownWeek(rina, "Kids corner");
      LiveChatBrowserTest.waitForText(
          rina, "[data-test=report-outcomes] [data-test=figure-words]", "Of 2 chats");
      rina.waitFor(By.cssSelector("[data-test=report-chats] [data-test=figure-chart] canvas"));
      @SuppressWarnings("unchecked")
      var boxes =
          (List<Map<String, Object>>)
              rina.script(
                  """
                  return [...document.querySelectorAll('.report-figure')].map(f => {
                    const r = f.getBoundingClientRect();
                    const canvas = f.querySelector('canvas');
                    return { left: r.left, right: r.right, canvas: canvas ? canvas.getBoundingClientRect().width : 0 };
                  });""");
      assertEquals(10, boxes.size());
      for (var box : boxes) {
        assertEquals(
            ((Number) boxes.get(0).get("left")).doubleValue(),
            ((Number) box.get("left")).doubleValue(),
            0.5,
            "one column");
        assertTrue(((Number) box.get("right")).doubleValue() <= 360, box::toString);
        assertTrue(((Number) box.get("canvas")).doubleValue() <= 340, box::toString);
      }
      assertEquals(
          true,
          rina.script("return document.documentElement.scrollWidth <= window.innerWidth;"),
          "nothing scrolls sideways");
      assertFalse(
          rina.css("[data-test=report-queues] tbody").getText().contains("Ask Eastbank"),
          "the queue filter narrows the breakdowns");
      rina.screenshot("report-360");
      var violations = rina.accessibilityViolations();
      assertTrue(violations.isEmpty(), () -> "the reports at 360 px: " + violations);
      assertTrue(rina.consoleErrors().isEmpty(), rina.consoleErrors()::toString);
    }
  }
}
