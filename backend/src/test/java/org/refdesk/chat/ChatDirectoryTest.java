package org.refdesk.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.platform.db.Database;
import org.refdesk.platform.redis.RedisKeys;
import org.refdesk.queue.QueueState;
import org.refdesk.support.TestGateway;

@DisplayName("The chat directory is kept current by each chat's own events")
class ChatDirectoryTest {

  private static TestGateway gateway;
  private static Context loop;
  private static ChatDirectory directory;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    var vertx = gateway.refdesk().vertx();
    loop = vertx.getOrCreateContext();
    onLoop(() -> {
      directory = new ChatDirectory(new ChatRepository(Database.pool(vertx, gateway.refdesk().config())),
          new QueueState(gateway.redis(), new RedisKeys(gateway.redisPrefix())));
      return directory.follow(vertx.eventBus());
    });
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  @DisplayName("a chat's start, claim and end change what the directory says, and a change made behind its back does not")
  void followsTheChat() {
    long chatId = gateway.startChat("ask", "Noor", "Can I renew by phone?").getLong("chatId");
    var started = eventually(chatId, facts -> facts != null);
    assertEquals(gateway.queueId("ask"), started.queueId());
    assertNull(started.ownerId());
    assertFalse(started.ended());

    // Written without an event: the directory keeps what it heard, so it is memory, not a query.
    long aliceId = gateway.query("SELECT id FROM operators WHERE username = 'alice'").get(0).getLong(0);
    gateway.query("UPDATE chats SET owner_id = $1 WHERE id = $2 RETURNING id", aliceId, chatId);
    assertNull(facts(chatId).ownerId(), "an owner nobody announced is not believed");

    var ben = gateway.librarianToken("ben");
    long benId = gateway.query("SELECT id FROM operators WHERE username = 'ben'").get(0).getLong(0);
    assertEquals(200, gateway.post("/api/chats/" + chatId + "/claim", new JsonObject(), ben).statusCode());
    assertEquals(benId, eventually(chatId, facts -> facts.ownerId() != null).ownerId());

    assertEquals(200, gateway.post("/api/chats/" + chatId + "/end", new JsonObject(), ben).statusCode());
    assertTrue(eventually(chatId, ChatFacts::ended).ended());
  }

  @Test
  @DisplayName("a chat that does not exist is not in the directory")
  void unknownChat() {
    assertNull(facts(987_654_321L));
  }

  private static ChatFacts facts(long chatId) {
    return onLoop(() -> directory.get(chatId)).orElse(null);
  }

  /** The directory's facts once they match; the events travel over the bus, so not at once. */
  private static ChatFacts eventually(long chatId, Predicate<ChatFacts> matches) {
    long deadline = System.currentTimeMillis() + 5000;
    while (System.currentTimeMillis() < deadline) {
      var facts = facts(chatId);
      if (facts != null && matches.test(facts)) {
        return facts;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("the directory never showed the change for chat " + chatId + ": " + facts(chatId));
  }

  /** The directory belongs to one event loop, as each HTTP instance's does. */
  private static <T> T onLoop(Supplier<Future<T>> action) {
    var done = Promise.<T>promise();
    loop.runOnContext(v -> action.get().onComplete(done));
    return TestGateway.await(done.future());
  }
}
