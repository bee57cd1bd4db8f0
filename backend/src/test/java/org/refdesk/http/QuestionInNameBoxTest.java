package org.refdesk.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.TestGateway;

@DisplayName("A question typed into the name box")
class QuestionInNameBoxTest {

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
  @DisplayName("with no question given, becomes the question, whole, and the patron is a guest")
  void becomesTheQuestion() {
    var asked =
        "Can I print from my phone at the library, and how much does a colour page cost these days?";
    var response =
        gateway.post(
            "/api/widget/chats", new JsonObject().put("queue", "ask").put("name", asked), null);
    assertEquals(201, response.statusCode(), response::bodyAsString);
    long chatId = response.bodyAsJsonObject().getLong("chatId");
    var row = gateway.query("SELECT patron_name, question FROM chats WHERE id = $1", chatId).get(0);
    assertEquals("Guest", row.getString(0));
    assertEquals(asked, row.getString(1));
    assertEquals(
        asked,
        gateway
            .query("SELECT body FROM chat_events WHERE chat_id = $1 AND seq = 1", chatId)
            .get(0)
            .getString(0));
  }

  @Test
  @DisplayName("beside a question, a name too long is refused in words, never cut")
  void tooLongBesideAQuestion() {
    long before = gateway.count("SELECT count(*) FROM chats");
    var response =
        gateway.post(
            "/api/widget/chats",
            new JsonObject()
                .put("queue", "ask")
                .put("name", "n".repeat(81))
                .put("question", "Opening hours?"),
            null);
    assertEquals(400, response.statusCode(), response::bodyAsString);
    assertEquals(
        "'name' must be at most 80 characters.",
        response.bodyAsJsonObject().getJsonObject("error").getString("message"));
    assertEquals(before, gateway.count("SELECT count(*) FROM chats"));
  }
}
