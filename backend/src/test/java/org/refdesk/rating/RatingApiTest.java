package org.refdesk.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.SecondLibrary;
import org.refdesk.support.TestGateway;

@DisplayName(
    "The patron rates an ended chat with its own token, and the library's operators read it")
class RatingApiTest {

  private static TestGateway gateway;
  private static String alice;
  private static String rosa;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    alice = gateway.librarianToken("alice");
    rosa = SecondLibrary.create(gateway).token(gateway);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  /** A chat alice claimed; its start answer, with the patron's token. */
  private static JsonObject claimedChat(String question) {
    var chat = gateway.startChat("ask", "Pat", question);
    var claimed =
        gateway.post("/api/chats/" + chat.getLong("chatId") + "/claim", new JsonObject(), alice);
    assertEquals(200, claimed.statusCode(), claimed::bodyAsString);
    return chat;
  }

  private static JsonObject endedChat(String question) {
    var chat = claimedChat(question);
    var ended =
        gateway.post("/api/chats/" + chat.getLong("chatId") + "/end", new JsonObject(), alice);
    assertEquals(200, ended.statusCode(), ended::bodyAsString);
    return chat;
  }

  private static int rate(JsonObject chat, JsonObject rating, String token) {
    return gateway
        .post("/api/widget/chats/" + chat.getLong("chatId") + "/rating", rating, token)
        .statusCode();
  }

  private static long ratingsOf(JsonObject chat) {
    return gateway.count(
        "SELECT count(*) FROM chat_ratings WHERE chat_id = $1", chat.getLong("chatId"));
  }

  @Test
  @DisplayName(
      "the patron rates an ended chat; a repeat replaces the first; operators read it as sent")
  void ratesAnEndedChat() {
    var chat = endedChat("Do you have audiobooks?");
    var comment = "Very helpful <script>alert(1)</script> & quick";
    var first =
        gateway.post(
            "/api/widget/chats/" + chat.getLong("chatId") + "/rating",
            new JsonObject().put("score", 4).put("comment", comment),
            chat.getString("token"));
    assertEquals(200, first.statusCode(), first::bodyAsString);
    assertEquals(4, first.bodyAsJsonObject().getInteger("score"));

    assertEquals(
        200,
        rate(
            chat,
            new JsonObject().put("score", 5).put("comment", comment),
            chat.getString("token")));
    assertEquals(1, ratingsOf(chat));

    var read = gateway.get("/api/chats/" + chat.getLong("chatId") + "/rating", alice);
    assertEquals(200, read.statusCode(), read::bodyAsString);
    var rating = read.bodyAsJsonObject().getJsonObject("rating");
    assertEquals(5, rating.getInteger("score"));
    assertEquals(comment, rating.getString("comment"), "the API gives the text as typed");

    var other = gateway.get("/api/chats/" + chat.getLong("chatId") + "/rating", rosa);
    assertEquals(404, other.statusCode(), "another library's operator sees nothing");
  }

  @Test
  @DisplayName(
      "a chat still going, or another chat's token, or no token, is refused and nothing is stored")
  void refused() {
    var active = claimedChat("Still going");
    assertEquals(409, rate(active, new JsonObject().put("score", 5), active.getString("token")));
    assertEquals(0, ratingsOf(active));

    var ended = endedChat("Over now");
    assertEquals(403, rate(ended, new JsonObject().put("score", 1), active.getString("token")));
    assertEquals(401, rate(ended, new JsonObject().put("score", 1), null));
    assertEquals(
        401, rate(ended, new JsonObject().put("score", 1), alice), "an operator is not the patron");
    assertEquals(0, ratingsOf(ended));
  }

  @Test
  @DisplayName("a score outside 1 to 5, or too long a comment, is a 400 naming the field")
  void badScore() {
    var chat = endedChat("Scores");
    var token = chat.getString("token");
    for (Object score : new Object[] {0, 6, 2.5, "5", null}) {
      var response =
          gateway.post(
              "/api/widget/chats/" + chat.getLong("chatId") + "/rating",
              new JsonObject().put("score", score),
              token);
      assertEquals(400, response.statusCode(), () -> score + ": " + response.bodyAsString());
      assertTrue(
          response
              .bodyAsJsonObject()
              .getJsonObject("error")
              .getJsonObject("fields")
              .containsKey("score"));
    }
    assertEquals(
        400, rate(chat, new JsonObject().put("score", 3).put("comment", "x".repeat(2001)), token));
    assertEquals(0, ratingsOf(chat));
    var none = gateway.get("/api/chats/" + chat.getLong("chatId") + "/rating", alice);
    assertNull(none.bodyAsJsonObject().getValue("rating"));
  }
}
