package org.refdesk.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.TestGateway;
import org.refdesk.support.TestServices;

@DisplayName("Redis holds nothing that cannot be rebuilt")
class RebuildTest {

  /** A Redis database of this class's own, so FLUSHDB touches nothing else. */
  private static final String REDIS_URL = TestServices.REDIS_URL.replaceAll("/\\d+$", "") + "/9";

  private static TestGateway gateway;
  private static Redis redis;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(Map.of("REFDESK_REDIS_URL", REDIS_URL));
    redis = Redis.createClient(gateway.vertx(), new RedisOptions().setConnectionString(REDIS_URL));
  }

  @AfterAll
  static void stop() {
    TestGateway.await(redis.send(Request.cmd(Command.FLUSHDB)));
    TestGateway.await(redis.close());
    gateway.close();
  }

  private static Response redis(Request request) {
    return TestGateway.await(redis.send(request));
  }

  @Test
  @DisplayName(
      "after FLUSHDB the waiting chats, in their order, and the claims are back within 5 seconds")
  void flushRecovered() {
    long ask = gateway.queueId("ask");
    var prefix = gateway.redisPrefix();
    long first = gateway.startChat("ask", "First", "Question one").getLong("chatId");
    long second = gateway.startChat("ask", "Second", "Question two").getLong("chatId");
    long claimed = gateway.startChat("ask", "Third", "Question three").getLong("chatId");
    var ben = gateway.librarianToken("ben");
    assertEquals(
        200, gateway.post("/api/chats/" + claimed + "/claim", new JsonObject(), ben).statusCode());
    long benId = gateway.query("SELECT id FROM operators WHERE username = 'ben'").get(0).getLong(0);

    redis(Request.cmd(Command.FLUSHDB));
    assertEquals(0, redis(Request.cmd(Command.DBSIZE)).toInteger());

    long flushedAt = System.currentTimeMillis();
    var waitingKey = prefix + "queue:" + ask + ":waiting";
    gateway.eventually(
        "the rebuild",
        () ->
            redis(Request.cmd(Command.ZCARD).arg(waitingKey)).toInteger() == 2
                && redis(Request.cmd(Command.EXISTS).arg(prefix + "chat:" + claimed + ":claim"))
                        .toInteger()
                    == 1,
        5000);
    var waiting =
        redis(Request.cmd(Command.ZRANGE).arg(waitingKey).arg(0).arg(-1)).stream()
            .map(Response::toString)
            .toList();
    long took = System.currentTimeMillis() - flushedAt;
    assertEquals(
        List.of(Long.toString(first), Long.toString(second)), waiting, "back in arrival order");
    assertEquals(
        Long.toString(benId),
        redis(Request.cmd(Command.GET).arg(prefix + "chat:" + claimed + ":claim")).toString());
    assertTrue(took < 5000, "rebuilt in " + took + " ms");
    System.out.println("redis flush: queue and claims rebuilt in " + took + " ms");

    var anotherTry =
        gateway.post("/api/chats/" + claimed + "/claim", new JsonObject(), gateway.adminToken());
    assertEquals(409, anotherTry.statusCode(), "the rebuilt claim still keeps others off");
    var list =
        gateway
            .get("/api/queues/" + ask + "/waiting", ben)
            .bodyAsJsonObject()
            .getJsonArray("chats");
    assertEquals(first, list.getJsonObject(0).getLong("chatId"));
  }
}
