package org.refdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.refdesk.auth.SignedLinks;
import org.refdesk.support.Browser;
import org.refdesk.support.TestGateway;

/** The page a patron opens from a library's e-mail, on a phone, by keyboard. */
@DisplayName("The patron's reply page for a ticket")
class ReplyPageBrowserTest {

  private static TestGateway gateway;
  private static SignedLinks links;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    links =
        new SignedLinks(
            gateway
                .query("SELECT value FROM gateway_secrets WHERE name = 'jwt-signing-key'")
                .get(0)
                .getString(0));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static String activeId(Browser browser) {
    return (String) browser.script("return document.activeElement && document.activeElement.id");
  }

  @Test
  @DisplayName(
      "the patron reads the library's answer without its notes and answers; the ticket is open again")
  void answers() {
    var alice = gateway.librarianToken("alice");
    var asked =
        gateway.post(
            "/api/widget/tickets",
            new JsonObject()
                .put("queue", "ask")
                .put("email", "robin@example.org")
                .put("question", "Is the <b>atlas</b> on loan?"),
            null);
    assertEquals(201, asked.statusCode(), asked::bodyAsString);
    long id = asked.bodyAsJsonObject().getLong("ticketId");
    gateway.post(
        "/api/tickets/" + id + "/messages",
        new JsonObject().put("kind", "note").put("text", "Staff only: ask Ben"),
        alice);
    gateway.post(
        "/api/tickets/" + id + "/messages",
        new JsonObject().put("kind", "reply").put("text", "It is back on Friday."),
        alice);
    var link = links.issue(id, gateway.demoLibraryId());

    try (var patron = Browser.open(360, 740)) {
      patron.go("http://127.0.0.1:" + gateway.port() + "/reply/?t=" + link);
      var answer = patron.waitFor(By.id("answer"));
      var page = patron.css("main").getText();
      assertTrue(page.contains("Is the <b>atlas</b> on loan?"), "the patron's words as typed");
      assertTrue(page.contains("It is back on Friday."), page);
      assertFalse(page.contains("Staff only"), "never a note");
      assertTrue(patron.css("#title").getText().contains("Demo Library"));

      answer.click();
      answer.sendKeys("Please keep it for me.");
      patron.driver().switchTo().activeElement().sendKeys(Keys.TAB);
      patron.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
      new WebDriverWait(patron.driver(), Duration.ofSeconds(10))
          .until(d -> "sent".equals(activeId(patron)));
      assertTrue(patron.css("main").getText().contains("Please keep it for me."));
      assertEquals(
          Boolean.TRUE,
          patron.script(
              "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
          "nothing wider than the phone");
      patron.screenshot("reply-page-sent");

      patron.go("http://127.0.0.1:" + gateway.port() + "/reply/?t=" + link + "x");
      new WebDriverWait(patron.driver(), Duration.ofSeconds(10))
          .until(d -> d.findElement(By.cssSelector("main")).getText().contains("not valid"));
    }
    var ticket = gateway.get("/api/tickets/" + id, alice).bodyAsJsonObject();
    assertEquals("open", ticket.getString("status"));
    assertEquals(
        "Please keep it for me.",
        ticket.getJsonArray("messages").getJsonObject(3).getString("text"));
  }
}
