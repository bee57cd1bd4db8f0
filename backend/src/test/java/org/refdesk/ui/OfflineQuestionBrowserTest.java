package org.refdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.refdesk.ui.LiveChatBrowserTest.signIn;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.refdesk.support.Browser;
import org.refdesk.support.TestGateway;

/**
 * A patron on a library's site while nobody is online: the widget, framed from another site, takes
 * a question instead of a chat, by keyboard alone on a phone-sized screen.
 */
@DisplayName("The widget's offline question form on a library site other than the gateway's")
class OfflineQuestionBrowserTest {

  private static TestGateway gateway;
  private static HostPage host;

  @BeforeAll
  static void start() {
    int hostPort = TestGateway.freePort();
    var hostSite = "refdesk-library.localhost";
    gateway =
        TestGateway.start(Map.of("REFDESK_ALLOWED_ORIGINS", "http://" + hostSite + ":" + hostPort));
    host = new HostPage(gateway.vertx(), gateway.port(), hostPort, hostSite);
  }

  @AfterAll
  static void stop() {
    host.close();
    gateway.close();
  }

  private static String activeId(Browser patron) {
    return (String) patron.script("return document.activeElement && document.activeElement.id");
  }

  @Test
  @DisplayName(
      "nobody online: the question form, a refused send marks the first wrong field, a good one shows"
          + " the receipt and makes the ticket")
  void leavesAQuestion() {
    var email = "robin-" + System.nanoTime() + "@example.org";
    var question = "Can I get the 1850 county map scanned?";
    try (var patron = Browser.open(360, 740)) {
      patron.go(host.url());
      WidgetAcrossSitesBrowserTest.openFromPage(patron);
      var form = patron.waitFor(By.id("q-email"));
      new WebDriverWait(patron.driver(), Duration.ofSeconds(10))
          .until(d -> "offline-title".equals(activeId(patron)));
      assertTrue(
          patron.css("#offline-title").getText().contains("Nobody is answering"),
          "says why a question form");
      assertTrue(
          patron.css("form.question").getText().contains("We answer within one working day."),
          "says when to expect the answer");
      assertTrue(patron.css("form.question").getText().contains("Library card number"));

      // Keyboard only: Tab to the name, type, and Enter sends the form without an e-mail.
      patron.driver().switchTo().activeElement().sendKeys(Keys.TAB);
      assertEquals("q-name", activeId(patron), "the name is the first field after the heading");
      patron.driver().switchTo().activeElement().sendKeys("Robin");
      patron.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
      new WebDriverWait(patron.driver(), Duration.ofSeconds(5))
          .until(d -> "q-email".equals(activeId(patron)));
      assertEquals("true", form.getAttribute("aria-invalid"));
      assertTrue(patron.css("#q-email-error").getText().contains("e-mail"));
      assertTrue(patron.css("#q-question-error").isDisplayed(), "the question is marked too");
      assertEquals(0, gateway.count("SELECT count(*) FROM tickets"), "nothing was sent");
      patron.screenshot("offline-question-refused");

      patron.driver().switchTo().activeElement().sendKeys(email);
      patron.driver().switchTo().activeElement().sendKeys(Keys.TAB);
      assertEquals("q-question", activeId(patron));
      patron.driver().switchTo().activeElement().sendKeys(question);
      patron.driver().switchTo().activeElement().sendKeys(Keys.TAB);
      assertEquals("q-field-0", activeId(patron));
      patron.driver().switchTo().activeElement().sendKeys("12345");
      patron.driver().switchTo().activeElement().sendKeys(Keys.ENTER);

      new WebDriverWait(patron.driver(), Duration.ofSeconds(10))
          .until(d -> "receipt-title".equals(activeId(patron)));
      var receipt = patron.css(".receipt").getText();
      assertTrue(receipt.contains("Thanks"), receipt);
      assertTrue(receipt.contains(email), receipt);
      assertEquals(
          Boolean.TRUE,
          patron.script(
              "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
          "nothing wider than the phone");
      patron.screenshot("offline-question-receipt");
    }

    var alice = gateway.librarianToken("alice");
    var list =
        gateway.get("/api/tickets?queue=" + gateway.queueId("ask"), alice).bodyAsJsonObject();
    var tickets = list.getJsonArray("tickets");
    assertEquals(1, tickets.size(), list::encode);
    var ticket = tickets.getJsonObject(0);
    assertEquals(email, ticket.getString("email"));
    var shown = gateway.get("/api/tickets/" + ticket.getLong("id"), alice).bodyAsJsonObject();
    var text = ((JsonObject) shown.getJsonArray("messages").getValue(0)).getString("text");
    assertTrue(text.startsWith(question), text);
    assertTrue(text.contains("Library card number: 12345"), text);
    assertTrue(text.contains("Name: Robin"), text);

    // The question waits in the operator app's tickets, where a librarian answers it.
    try (var librarian = Browser.open(1280, 800)) {
      signIn(librarian, gateway.port(), "alice", gateway.librarianPassword("alice"));
      librarian.waitFor(By.cssSelector("[data-test=toggle-tickets]")).click();
      var row =
          librarian.waitFor(
              By.cssSelector(
                  "[data-test=ticket-row][data-ticket-id='" + ticket.getLong("id") + "']"));
      assertTrue(row.getText().contains(question.substring(0, 20)), row.getText());
      row.click();
      new WebDriverWait(librarian.driver(), Duration.ofSeconds(10))
          .until(
              d ->
                  d.findElement(By.cssSelector("[data-test=ticket-message]"))
                      .getText()
                      .contains("Library card number: 12345"));
      librarian.screenshot("offline-question-in-app-1280");
    }
  }
}
