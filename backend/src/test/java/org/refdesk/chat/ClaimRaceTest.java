package org.refdesk.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.TestGateway;

@DisplayName("Claiming a chat when many press Claim at once")
class ClaimRaceTest {

  static final int OPERATORS = 30;
  static final int RUNS = 100;

  private static TestGateway gateway;
  private static final List<String> tokens = new ArrayList<>();
  private static final List<Long> ids = new ArrayList<>();

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(Map.of("REFDESK_CHAT_STARTS_PER_ADDRESS", "1000"));
    var admin = gateway.adminToken();
    for (int i = 0; i < OPERATORS; i++) {
      var created =
          gateway.post(
              "/api/admin/operators",
              new JsonObject()
                  .put("username", "racer" + i)
                  .put("displayName", "Racer " + i)
                  .put("password", "racing password " + i)
                  .put("role", "operator")
                  .put("queues", new JsonArray().add("ask")),
              admin);
      assertEquals(201, created.statusCode(), created::bodyAsString);
      ids.add(created.bodyAsJsonObject().getLong("id"));
      tokens.add(gateway.login("racer" + i, "racing password " + i));
    }
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static Response redis(Request request) {
    return TestGateway.await(gateway.redis().send(request));
  }

  @Test
  @DisplayName(
      "30 operators claim the same chat together, 100 times: exactly one wins each time, all others get 409 naming the winner")
  void exactlyOneWinner() {
    int winners = 0;
    int conflicts = 0;
    for (int run = 0; run < RUNS; run++) {
      long chatId = gateway.startChat("ask", "Patron " + run, "Question " + run).getLong("chatId");
      var presses = new ArrayList<Future<HttpResponse<Buffer>>>();
      for (var token : tokens) {
        presses.add(
            gateway
                .client()
                .post("/api/chats/" + chatId + "/claim")
                .bearerTokenAuthentication(token)
                .send());
      }
      TestGateway.await(Future.join(presses));
      var won = presses.stream().filter(p -> p.result().statusCode() == 200).toList();
      assertEquals(1, won.size(), "run " + run + ": one winner");
      long winner = won.get(0).result().bodyAsJsonObject().getJsonObject("operator").getLong("id");
      for (var press : presses) {
        var response = press.result();
        if (response.statusCode() == 200) {
          winners++;
          continue;
        }
        assertEquals(409, response.statusCode(), response::bodyAsString);
        var error = response.bodyAsJsonObject().getJsonObject("error");
        assertEquals("already_claimed", error.getString("code"));
        assertEquals(
            winner, error.getJsonObject("holder").getLong("id"), "the loser is told who won");
        assertEquals(
            "Racer " + ids.indexOf(winner), error.getJsonObject("holder").getString("name"));
        conflicts++;
      }
      assertEquals(winner, gateway.count("SELECT owner_id FROM chats WHERE id = $1", chatId));
      assertEquals(
          1, gateway.count("SELECT count(*) FROM chat_participants WHERE chat_id = $1", chatId));
      assertEquals(
          1,
          gateway.count(
              "SELECT count(*) FROM chat_events WHERE chat_id = $1 AND type = 'claimed'", chatId));
    }
    assertEquals(RUNS, winners);
    assertEquals(RUNS * (OPERATORS - 1), conflicts);
    System.out.printf(
        "claim race: %d runs x %d operators -> %d winners, %d conflicts, %d double claims%n",
        RUNS,
        OPERATORS,
        winners,
        conflicts,
        gateway.count(
            "SELECT count(*) FROM (SELECT chat_id FROM chat_participants GROUP BY chat_id HAVING count(*) > 1) d"));
  }

  @Test
  @DisplayName(
      "one operator pressing Claim ten times at once gets the chat once, and it stays claimed in Redis")
  void oneOperatorPressingTwice() {
    long chatId = gateway.startChat("ask", "Sam", "Opening hours on Sunday?").getLong("chatId");
    var token = tokens.get(0);
    long operatorId = ids.get(0);
    var presses = new ArrayList<Future<HttpResponse<Buffer>>>();
    for (int i = 0; i < 10; i++) {
      presses.add(
          gateway
              .client()
              .post("/api/chats/" + chatId + "/claim")
              .bearerTokenAuthentication(token)
              .send());
    }
    TestGateway.await(Future.join(presses));
    assertEquals(1, presses.stream().filter(p -> p.result().statusCode() == 200).count());
    presses.stream()
        .map(Future::result)
        .filter(r -> r.statusCode() != 200)
        .forEach(
            r -> {
              assertEquals(409, r.statusCode(), r::bodyAsString);
              assertEquals(
                  operatorId,
                  r.bodyAsJsonObject().getJsonObject("error").getJsonObject("holder").getLong("id"),
                  "the holder is the one who pressed");
            });
    var claimKey = gateway.redisPrefix() + "chat:" + chatId + ":claim";
    gateway.eventually(
        "the claim is confirmed in Redis",
        () ->
            Long.toString(operatorId)
                .equals(String.valueOf(redis(Request.cmd(Command.GET).arg(claimKey)))),
        5000);
    assertEquals(
        -1, redis(Request.cmd(Command.PTTL).arg(claimKey)).toLong(), "the claim no longer expires");
    var waiting = gateway.redisPrefix() + "queue:" + gateway.queueId("ask") + ":waiting";
    assertNull(
        redis(Request.cmd(Command.ZSCORE).arg(waiting).arg(chatId)),
        "the chat is not back in the queue");
    assertEquals(
        1,
        gateway.count(
            "SELECT count(*) FROM chat_events WHERE chat_id = $1 AND type = 'claimed'", chatId));
  }
}
