package org.refdesk.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.SecondLibrary;
import org.refdesk.support.TestGateway;

/**
 * The limits on what people type and the library's defaults are declared once on the server and
 * told to both front ends; settings stored in the wrong shape fall back to the defaults instead of
 * failing.
 */
@DisplayName("Limits and defaults, from one source")
class LimitsAndDefaultsTest {

  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  @DisplayName("the operator app learns every limit and the library's settings from /api/me")
  void operatorLimits() {
    var me = gateway.get("/api/me", gateway.librarianToken("ben")).bodyAsJsonObject();
    assertEquals(
        new JsonObject()
            .put("messageChars", 4000)
            .put("emailChars", 254)
            .put("cannedTitleChars", 80)
            .put("cannedShortcutChars", 32)
            .put("tagNameChars", 60)
            .put("ticketSubjectChars", 200)
            .put("ticketTextChars", 20000)
            .put("internalSearchChars", 200)
            .put("faqQuestionChars", 300)
            .put("faqAnswerChars", 10000)
            .put("faqTopics", 10)
            .put("faqLinks", 10)
            .put("faqSearchChars", 200)
            .put("searchQueryChars", 200),
        me.getJsonObject("limits"));
    var settings = me.getJsonObject("library").getJsonObject("settings");
    assertEquals(60, settings.getInteger("firstMinuteSeconds"));
    assertEquals(120, settings.getInteger("deadAirSeconds"));
    assertEquals(900, settings.getInteger("awayAfterSeconds"));
    assertEquals(false, settings.getBoolean("requireTag"));
  }

  @Test
  @DisplayName(
      "the widget learns the limits of its form with the queue description, and the server holds it to them")
  void patronLimits() {
    var queue = gateway.get("/api/widget/queues/ask", null).bodyAsJsonObject();
    var limits = queue.getJsonObject("limits");
    assertEquals(
        new JsonObject()
            .put("messageChars", 4000)
            .put("emailChars", 254)
            .put("nameChars", 80)
            .put("nameWords", 6)
            .put("questionsPerHour", 5)
            .put("ratingCommentChars", 2000),
        limits);
    var tooLong =
        gateway.post(
            "/api/widget/chats",
            new JsonObject()
                .put("queue", "ask")
                .put("name", "Ana")
                .put("question", "q".repeat(limits.getInteger("messageChars") + 1)),
            null);
    assertEquals(400, tooLong.statusCode());
    var longest =
        gateway.post(
            "/api/widget/chats",
            new JsonObject()
                .put("queue", "ask")
                .put("name", "Ana")
                .put("question", "q".repeat(limits.getInteger("messageChars"))),
            null);
    assertEquals(201, longest.statusCode(), longest::bodyAsString);
  }

  @Test
  @DisplayName(
      "library and queue settings stored in the wrong shape count as none set: the defaults apply and nothing fails")
  void wrongShapes() {
    var other = SecondLibrary.create(gateway);
    gateway.query(
        "UPDATE libraries SET settings = '[1, 2]'::jsonb WHERE id = $1", other.libraryId());
    gateway.query("UPDATE queues SET settings = '\"text\"'::jsonb WHERE id = $1", other.queueId());
    var token = other.token(gateway);

    var settings = gateway.get("/api/library/settings", token);
    assertEquals(200, settings.statusCode(), settings::bodyAsString);
    assertEquals(60, settings.bodyAsJsonObject().getInteger("firstMinuteSeconds"));
    assertEquals(200, gateway.get("/api/widget/queues/" + other.queueSlug(), null).statusCode());

    var chat = gateway.startChat(other.queueSlug(), "Bo", "Is the archive open?");
    long chatId = chat.getLong("chatId");
    assertEquals(
        200, gateway.post("/api/chats/" + chatId + "/claim", new JsonObject(), token).statusCode());
    var ended = gateway.post("/api/chats/" + chatId + "/end", new JsonObject(), token);
    assertEquals(200, ended.statusCode(), ended::bodyAsString);

    gateway.query(
        "UPDATE libraries SET settings = '{\"idleWarnSeconds\": \"soon\"}'::jsonb WHERE id = $1",
        other.libraryId());
    assertEquals(
        600,
        gateway
            .get("/api/library/settings", token)
            .bodyAsJsonObject()
            .getInteger("idleWarnSeconds"));
  }
}
