package org.refdesk.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.refdesk.support.SecondLibrary;
import org.refdesk.support.TestGateway;

/**
 * The two operator endpoints the app leans on without a test of their own: the week of chats an
 * operator took part in, and taking a tag off a chat. Each test makes the chats it reads.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Recent chats and untagging")
class RecentChatsAndUntaggingTest {

  private static TestGateway gateway;
  private static String ben;
  private static String alice;
  private static String admin;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    ben = gateway.librarianToken("ben");
    alice = gateway.librarianToken("alice");
    admin = gateway.adminToken();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static Future<HttpResponse<Buffer>> call(
      HttpMethod method, String path, JsonObject body, String token) {
    var request = gateway.client().request(method, path);
    if (token != null) {
      request.bearerTokenAuthentication(token);
    }
    return body == null ? request.send() : request.sendJsonObject(body);
  }

  /** A chat Ben claimed and, if asked, ended; its id. */
  private static long bensChat(String patron, boolean ended) {
    long chatId = gateway.startChat("ask", patron, "A question from " + patron).getLong("chatId");
    assertEquals(
        200, gateway.post("/api/chats/" + chatId + "/claim", new JsonObject(), ben).statusCode());
    if (ended) {
      assertEquals(
          200, gateway.post("/api/chats/" + chatId + "/end", new JsonObject(), ben).statusCode());
    }
    return chatId;
  }

  private static List<Long> chatIds(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getJsonArray("chats").stream()
        .map(c -> ((JsonObject) c).getLong("chatId"))
        .toList();
  }

  @Test
  @DisplayName(
      "recent: the caller's ended chats, newest first, with what the list shows; not a colleague's, not an open one")
  void recent(VertxTestContext test) {
    long older = bensChat("Ines", true);
    long newer = bensChat("Jun", true);
    long open = bensChat("Kofi", false);
    long ask = gateway.queueId("ask");
    var checks = test.checkpoint(3);

    call(HttpMethod.GET, "/api/chats/recent", null, ben)
        .onComplete(
            test.succeeding(
                response ->
                    test.verify(
                        () -> {
                          assertEquals(200, response.statusCode(), response::bodyAsString);
                          var ids = chatIds(response);
                          assertTrue(
                              ids.indexOf(newer) >= 0 && ids.indexOf(newer) < ids.indexOf(older),
                              () -> "newest first: " + ids);
                          assertFalse(
                              ids.contains(open), "a chat still under way is not recent history");
                          var first =
                              response
                                  .bodyAsJsonObject()
                                  .getJsonArray("chats")
                                  .getJsonObject(ids.indexOf(newer));
                          assertEquals("Jun", first.getString("patronName"));
                          assertEquals("A question from Jun", first.getString("question"));
                          assertEquals(ask, first.getLong("queueId"));
                          assertTrue(first.getString("endedAt").endsWith("Z"), first.encode());
                          checks.flag();
                        })));
    call(HttpMethod.GET, "/api/chats/recent", null, alice)
        .onComplete(
            test.succeeding(
                response ->
                    test.verify(
                        () -> {
                          assertEquals(200, response.statusCode());
                          assertFalse(
                              chatIds(response).contains(newer),
                              "Alice took no part in Ben's chat");
                          checks.flag();
                        })));
    call(HttpMethod.GET, "/api/chats/recent", null, null)
        .onComplete(
            test.succeeding(
                response ->
                    test.verify(
                        () -> {
                          assertEquals(401, response.statusCode());
                          checks.flag();
                        })));
  }

  @Test
  @DisplayName("a patron's token reads no operator's recent chats")
  void recentRefusesPatrons(VertxTestContext test) {
    var patronToken = gateway.startChat("ask", "Lea", "Where is the map room?").getString("token");
    call(HttpMethod.GET, "/api/chats/recent", null, patronToken)
        .onComplete(
            test.succeeding(
                response ->
                    test.verify(
                        () -> {
                          assertEquals(401, response.statusCode());
                          test.completeNow();
                        })));
  }

  @Test
  @DisplayName(
      "untag: an operator of the chat's library takes a tag off and gets the rest back; others are refused and change nothing")
  void untag(VertxTestContext test) {
    long chatId = bensChat("Mina", false);
    long maps = tag("Maps " + chatId);
    long local = tag("Local " + chatId);
    for (long tagId : new long[] {maps, local}) {
      assertEquals(
          200,
          gateway
              .post("/api/chats/" + chatId + "/tags", new JsonObject().put("tagId", tagId), ben)
              .statusCode());
    }
    var stranger = SecondLibrary.create(gateway).token(gateway);
    var path = "/api/chats/" + chatId + "/tags/" + maps;

    call(HttpMethod.DELETE, path, null, stranger)
        .compose(
            refused -> {
              test.verify(
                  () ->
                      assertEquals(
                          404,
                          refused.statusCode(),
                          "another library's operator learns nothing of the chat"));
              return call(HttpMethod.DELETE, "/api/chats/" + chatId + "/tags/x", null, ben);
            })
        .compose(
            bad -> {
              test.verify(
                  () -> {
                    assertEquals(
                        404, bad.statusCode(), "a malformed id is answered as an unknown one");
                    assertEquals(
                        "not_found",
                        bad.bodyAsJsonObject().getJsonObject("error").getString("code"));
                  });
              return call(HttpMethod.DELETE, "/api/chats/999999999/tags/" + maps, null, ben);
            })
        .compose(
            missing -> {
              test.verify(() -> assertEquals(404, missing.statusCode()));
              return call(HttpMethod.DELETE, path, null, null);
            })
        .compose(
            anonymous -> {
              test.verify(() -> assertEquals(401, anonymous.statusCode()));
              return call(HttpMethod.GET, "/api/chats/" + chatId + "/tags", null, ben);
            })
        .compose(
            before -> {
              test.verify(
                  () ->
                      assertEquals(
                          List.of(maps, local), tagIds(before), "nothing refused was removed"));
              return call(HttpMethod.DELETE, path, null, ben);
            })
        .compose(
            removed -> {
              test.verify(
                  () -> {
                    assertEquals(200, removed.statusCode(), removed::bodyAsString);
                    assertEquals(List.of(local), tagIds(removed), "the answer is the tags left");
                  });
              return call(HttpMethod.GET, "/api/chats/" + chatId + "/tags", null, alice);
            })
        .onComplete(
            test.succeeding(
                after ->
                    test.verify(
                        () -> {
                          assertEquals(List.of(local), tagIds(after), "a colleague sees the same");
                          test.completeNow();
                        })));
  }

  private static List<Long> tagIds(HttpResponse<Buffer> response) {
    JsonArray tags = response.bodyAsJsonObject().getJsonArray("tags");
    return tags.stream().map(t -> ((JsonObject) t).getLong("id")).sorted().toList();
  }

  private static long tag(String name) {
    var created = gateway.post("/api/tags", new JsonObject().put("name", name), admin);
    assertEquals(201, created.statusCode(), created::bodyAsString);
    return created.bodyAsJsonObject().getLong("id");
  }
}
