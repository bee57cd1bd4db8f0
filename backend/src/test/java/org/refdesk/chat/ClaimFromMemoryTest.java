package org.refdesk.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.TestGateway;

@DisplayName("Claims answered from memory and Redis, decided by Postgres")
class ClaimFromMemoryTest {

  private static TestGateway gateway;
  private static String alice;
  private static String ben;
  private static long aliceId;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    alice = gateway.librarianToken("alice");
    ben = gateway.librarianToken("ben");
    aliceId = operatorId("alice");
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static long operatorId(String username) {
    return gateway
        .query("SELECT id FROM operators WHERE username = $1", username)
        .get(0)
        .getLong(0);
  }

  private static HttpResponse<Buffer> claim(long chatId, String token) {
    return gateway.post("/api/chats/" + chatId + "/claim", new JsonObject(), token);
  }

  private static JsonObject error(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getJsonObject("error");
  }

  private static Response redis(Request request) {
    return TestGateway.await(gateway.redis().send(request));
  }

  private static String claimKey(long chatId) {
    return gateway.redisPrefix() + "chat:" + chatId + ":claim";
  }

  private static boolean waitingInRedis(long chatId) {
    return redis(
            Request.cmd(Command.ZSCORE)
                .arg(gateway.redisPrefix() + "queue:" + gateway.queueId("ask") + ":waiting")
                .arg(chatId))
        != null;
  }

  @Test
  @DisplayName(
      "a librarian who loses is told who holds the chat while Postgres cannot answer at all")
  void loserAnsweredWithoutPostgres() throws Exception {
    long chatId =
        gateway.startChat("ask", "Rosa", "Do you have the 1911 census?").getLong("chatId");
    assertEquals(200, claim(chatId, alice).statusCode());
    // One connection, so the same event loop answers every press below.
    var oneConnection =
        WebClient.create(
            gateway.vertx(),
            new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(gateway.port()),
            new PoolOptions().setHttp1MaxSize(1));
    var locker =
        PgBuilder.pool()
            .connectingTo(PgConnectOptions.fromUri(gateway.pgUrl()))
            .using(gateway.vertx())
            .build();
    var conn = TestGateway.await(locker.getConnection());
    try {
      var warm =
          TestGateway.await(
              oneConnection
                  .post("/api/chats/" + chatId + "/claim")
                  .bearerTokenAuthentication(ben)
                  .send());
      assertEquals(409, warm.statusCode(), warm::bodyAsString);

      // Every read of chats and operators now waits for this transaction.
      TestGateway.await(conn.query("BEGIN").execute());
      TestGateway.await(
          conn.query("LOCK TABLE chats, operators IN ACCESS EXCLUSIVE MODE").execute());
      HttpResponse<Buffer> lost;
      try {
        lost =
            oneConnection
                .post("/api/chats/" + chatId + "/claim")
                .bearerTokenAuthentication(ben)
                .send()
                .await(3, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        throw new AssertionError("the loser waited for Postgres", e);
      }
      assertEquals(409, lost.statusCode(), lost::bodyAsString);
      assertEquals("already_claimed", error(lost).getString("code"));
      assertEquals(aliceId, error(lost).getJsonObject("holder").getLong("id"));
      assertEquals("Alice Moreno", error(lost).getJsonObject("holder").getString("name"));
    } finally {
      TestGateway.await(conn.query("ROLLBACK").execute());
      TestGateway.await(conn.close());
      TestGateway.await(locker.close());
      oneConnection.close();
    }
  }

  @Test
  @DisplayName("claiming a chat that has ended answers chat_ended, not already_claimed")
  void endedChat() {
    long chatId = gateway.startChat("ask", "Kim", "Interlibrary loan?").getLong("chatId");
    assertEquals(200, claim(chatId, alice).statusCode());
    assertEquals(
        200, gateway.post("/api/chats/" + chatId + "/end", new JsonObject(), alice).statusCode());
    for (var token : new String[] {ben, alice}) {
      var again = claim(chatId, token);
      assertEquals(409, again.statusCode(), again::bodyAsString);
      assertEquals("chat_ended", error(again).getString("code"));
    }
    assertEquals(false, waitingInRedis(chatId), "an ended chat is never put back in the queue");
    assertNull(redis(Request.cmd(Command.GET).arg(claimKey(chatId))));
  }

  @Test
  @DisplayName(
      "a claim key that outlived its chat (the end could not reach Redis) is cleared by the next press, which hears chat_ended")
  void staleClaimKey() {
    var started = gateway.startChat("ask", "Lee", "Is the archive open?");
    long chatId = started.getLong("chatId");
    assertEquals(
        200,
        gateway
            .post(
                "/api/widget/chats/" + chatId + "/end",
                new JsonObject(),
                started.getString("token"))
            .statusCode());
    // As if Redis had been away when the chat ended: the end could not delete the claim.
    redis(Request.cmd(Command.SET).arg(claimKey(chatId)).arg(aliceId));

    var press = claim(chatId, ben);
    assertEquals(409, press.statusCode(), press::bodyAsString);
    assertEquals("chat_ended", error(press).getString("code"));
    assertNull(
        redis(Request.cmd(Command.GET).arg(claimKey(chatId))), "the stale claim key is gone");
  }

  @Test
  @DisplayName(
      "a claim Redis lost (flushed before the rebuild): the next press hears the owner from Postgres, and the chat stays out of the queue")
  void lostClaimKey() {
    long chatId = gateway.startChat("ask", "Ana", "Microfilm readers?").getLong("chatId");
    assertEquals(200, claim(chatId, alice).statusCode());
    redis(Request.cmd(Command.DEL).arg(claimKey(chatId)));

    var press = claim(chatId, ben);
    assertEquals(409, press.statusCode(), press::bodyAsString);
    assertEquals("already_claimed", error(press).getString("code"));
    assertEquals(aliceId, error(press).getJsonObject("holder").getLong("id"));
    assertEquals("Alice Moreno", error(press).getJsonObject("holder").getString("name"));
    assertEquals(false, waitingInRedis(chatId), "an active chat is not put back in the queue");
    assertEquals(aliceId, gateway.count("SELECT owner_id FROM chats WHERE id = $1", chatId));
  }

  @Test
  @DisplayName(
      "a chat of another library is as unknown as a missing one, and its claim in Redis is not touched")
  void otherLibrary() {
    long chatId = gateway.startChat("ask", "Jo", "Parking?").getLong("chatId");
    long otherLibrary =
        gateway
            .query("INSERT INTO libraries (name) VALUES ('Elsewhere') RETURNING id")
            .get(0)
            .getLong(0);
    gateway.query(
        """
        INSERT INTO operators (library_id, username, display_name, password_hash, role)
        VALUES ($1, 'outsider', 'Outsider', $2, 'operator')""",
        otherLibrary,
        gateway
            .query("SELECT password_hash FROM operators WHERE username = 'ben'")
            .get(0)
            .getString(0));
    var outsider = gateway.login("outsider", gateway.librarianPassword("ben"));

    var press = claim(chatId, outsider);
    assertEquals(404, press.statusCode(), press::bodyAsString);
    assertEquals(404, claim(987_654_321L, outsider).statusCode());
    assertNull(redis(Request.cmd(Command.GET).arg(claimKey(chatId))));
    assertEquals(true, waitingInRedis(chatId), "the chat still waits for its own library");
    assertEquals(200, claim(chatId, ben).statusCode());
  }
}
