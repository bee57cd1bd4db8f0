package org.refdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.refdesk.ui.LiveChatBrowserTest.goOnline;
import static org.refdesk.ui.LiveChatBrowserTest.openWidget;
import static org.refdesk.ui.LiveChatBrowserTest.signIn;
import static org.refdesk.ui.LiveChatBrowserTest.waitForText;

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
import org.refdesk.support.Browser;
import org.refdesk.support.TestGateway;

@DisplayName("FAQs suggested to the patron while they type and to the librarian beside the chat")
class FaqBrowserTest {

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
      "a patron on another site, on a phone, by keyboard, is offered the renewals FAQ while typing"
          + " and still asks; Alice sees it beside the chat, sends it, and the patron gets a card"
          + " linking to the public FAQ page")
  void suggestAndSend() {
    try (var alice = Browser.open(1280, 900);
        var patron = Browser.open(360, 740)) {
      signIn(alice, gateway.port(), "alice", gateway.librarianPassword("alice"));
      goOnline(alice);

      openWidget(patron, host);
      var question = patron.waitFor(By.id("question"));
      question.sendKeys("How can I renew my books?");
      waitForText(
          patron, "[data-test=faq-suggestions]", "How do I renew my books and other loans?");
      patron.screenshot("widget-faq-suggestion-phone");
      patron.css("#name").sendKeys("Noor");
      patron.css("#name").sendKeys(Keys.ENTER);
      waitForText(patron, ".log", "renew my books");

      alice.waitFor(By.xpath("//*[@data-test='waiting-item'][contains(., 'Noor')]")).click();
      alice.waitFor(By.cssSelector("[data-test=claim]")).click();
      waitForText(patron, ".log", "Alice Moreno has joined");
      waitForText(alice, "[data-test=faq-panel]", "How do I renew my books and other loans?");
      var send =
          alice.waitFor(
              By.xpath(
                  "//*[@data-test='faq-result'][contains(., 'How do I renew')]//*[@data-test='faq-send']"));
      send.click();
      waitForText(patron, "[data-test=faq-card]", "How do I renew my books and other loans?");
      var link = patron.css("[data-test=faq-card] a");
      assertTrue(link.getAttribute("href").contains("/faq/"), link.getAttribute("href"));
      assertEquals("_blank", link.getAttribute("target"));
      waitForText(alice, "[data-test=faq-card]", "How do I renew my books and other loans?");
      long chatId =
          gateway
              .query("SELECT id FROM chats WHERE patron_name = 'Noor' ORDER BY id DESC LIMIT 1")
              .get(0)
              .getLong(0);
      assertEquals(
          1,
          gateway.count(
              "SELECT count(*) FROM chat_events WHERE chat_id = $1 AND data ? 'card'", chatId));
      assertTrue(
          ((Number) patron.script("return document.documentElement.scrollWidth")).intValue() <= 360,
          "nothing overflows sideways at 360 px");
      alice.screenshot("operator-faq-panel");
      assertEquals(List.of(), patron.accessibilityViolations());
      assertEquals(List.of(), alice.accessibilityViolations());

      // The public page the card links to answers in the patron's browser.
      var href = link.getAttribute("href");
      patron.driver().switchTo().defaultContent();
      patron.go(href);
      new WebDriverWait(patron.driver(), Duration.ofSeconds(10))
          .until(d -> d.getPageSource().contains("three times"));
      patron.screenshot("public-faq-page-phone");
      assertEquals(List.of(), patron.accessibilityViolations());
    }
  }
}
