package org.refdesk.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
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
    onLoop(
        () -> {
          directory =
              new ChatDirectory(
                  new ChatRepository(Database.pool(vertx, gateway.refdesk().config())),
                  new QueueState(gateway.redis(), new RedisKeys(gateway.redisPrefix())));
          return directory.follow(vertx.eventBus());
        });
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  @DisplayName(
      "a chat's start, claim and end change what the directory says, and a change made behind its back does not")
  void followsTheChat() {
    var started =
        factsAfter(
            ChatAddresses.CHAT_STARTED,
            () -> gateway.startChat("ask", "Noor", "Can I renew by phone?").getLong("chatId"));
    long chatId = started.chatId();
    assertEquals(gateway.queueId("ask"), started.queueId());
    assertNull(started.ownerId());
    assertFalse(started.ended());

    // Written without an event: the directory keeps what it heard, so it is memory, not a query.
    long aliceId =
        gateway.query("SELECT id FROM operators WHERE username = 'alice'").get(0).getLong(0);
    gateway.query("UPDATE chats SET owner_id = $1 WHERE id = $2 RETURNING id", aliceId, chatId);
    assertNull(facts(chatId).ownerId(), "an owner nobody announced is not believed");

    var ben = gateway.librarianToken("ben");
    long benId = gateway.query("SELECT id FROM operators WHERE username = 'ben'").get(0).getLong(0);
    var claimed =
        factsAfter(
            ChatAddresses.CHAT_CLAIMED,
            () -> {
              assertEquals(
                  200,
                  gateway
                      .post("/api/chats/" + chatId + "/claim", new JsonObject(), ben)
                      .statusCode());
              return chatId;
            });
    assertEquals(benId, claimed.ownerId());

    var ended =
        factsAfter(
            ChatAddresses.CHAT_ENDED,
            () -> {
              assertEquals(
                  200,
                  gateway
                      .post("/api/chats/" + chatId + "/end", new JsonObject(), ben)
                      .statusCode());
              return chatId;
            });
    assertTrue(ended.ended());
  }

  @Test
  @DisplayName("a chat that does not exist is not in the directory")
  void unknownChat() {
    assertNull(facts(987_654_321L));
  }

  private static ChatFacts facts(long chatId) {
    return onLoop(() -> directory.get(chatId)).orElse(null);
  }

  /**
   * Runs the action, which makes a chat event and answers the chat's id, and answers the
   * directory's facts once that event has reached the directory's event loop. The listener is
   * registered there after the directory's own, so it hears each event after the directory has
   * taken it in.
   */
  private static ChatFacts factsAfter(String address, LongSupplier action) {
    var heard = new ConcurrentHashMap<Long, Promise<ChatFacts>>();
    MessageConsumer<JsonObject> listener =
        onLoop(
            () -> {
              var consumer =
                  gateway
                      .refdesk()
                      .vertx()
                      .eventBus()
                      .<JsonObject>consumer(
                          address,
                          message -> {
                            long chatId = message.body().getLong("chatId");
                            directory
                                .get(chatId)
                                .onSuccess(
                                    found ->
                                        heard
                                            .computeIfAbsent(chatId, id -> Promise.promise())
                                            .tryComplete(found.orElse(null)));
                          });
              return consumer.completion().map(consumer);
            });
    try {
      long chatId = action.getAsLong();
      return TestGateway.await(heard.computeIfAbsent(chatId, id -> Promise.promise()).future());
    } finally {
      onLoop(listener::unregister);
    }
  }

  /** The directory belongs to one event loop, as each HTTP instance's does. */
  private static <T> T onLoop(Supplier<Future<T>> action) {
    var done = Promise.<T>promise();
    loop.runOnContext(v -> action.get().onComplete(done));
    return TestGateway.await(done.future());
  }
}
