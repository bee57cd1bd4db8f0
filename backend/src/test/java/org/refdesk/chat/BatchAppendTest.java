package org.refdesk.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.chat.ChatEvent.Sender;
import org.refdesk.chat.ChatRepository.MessageSend;
import org.refdesk.platform.db.Database;
import org.refdesk.support.TestGateway;

/**
 * One batch, one statement: every kind of message a lane can hold at once, stored or refused as
 * alone.
 */
@DisplayName("A batch of messages for several chats is numbered per chat in arrival order")
class BatchAppendTest {

  private static TestGateway gateway;
  private static Pool pool;
  private static ChatRepository chats;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    pool = Database.pool(gateway.vertx(), gateway.pgUrl(), 2);
    chats = new ChatRepository(pool);
  }

  @AfterAll
  static void stop() {
    TestGateway.await(pool.close());
    gateway.close();
  }

  private static long chatClaimedByBen(String patron) {
    long chatId = gateway.startChat("ask", patron, "A question").getLong("chatId");
    var claim =
        gateway.post(
            "/api/chats/" + chatId + "/claim", new JsonObject(), gateway.librarianToken("ben"));
    assertEquals(200, claim.statusCode(), claim::bodyAsString);
    return chatId;
  }

  private static long operatorId(String username) {
    return gateway
        .query("SELECT id FROM operators WHERE username = $1", username)
        .get(0)
        .getLong("id");
  }

  @Test
  @DisplayName("stored, repeated, not a participant and ended chat, all in one batch")
  void mixedBatch() {
    long first = chatClaimedByBen("Ada");
    long second = chatClaimedByBen("Grace");
    long ended = chatClaimedByBen("Alan");
    long ben = operatorId("ben");
    long alice = operatorId("alice");
    assertEquals(
        200,
        gateway
            .post("/api/chats/" + ended + "/end", new JsonObject(), gateway.librarianToken("ben"))
            .statusCode());
    var earlier =
        TestGateway.await(
            chats.appendAlone(new MessageSend(first, "early", Sender.PATRON, null, "Hello?")));
    assertEquals(3, earlier.orElseThrow().seq(), "question 1, claimed 2, this 3");

    var results =
        TestGateway.await(
            chats.appendBatch(
                List.of(
                    new MessageSend(second, "g-1", Sender.PATRON, null, "From Grace"),
                    new MessageSend(first, "a-1", Sender.PATRON, null, "From Ada"),
                    new MessageSend(
                        first, "alice-1", Sender.OPERATOR, alice, "Alice has not joined"),
                    new MessageSend(first, "early", Sender.PATRON, null, "Hello?"),
                    new MessageSend(ended, "t-1", Sender.PATRON, null, "Too late"),
                    new MessageSend(first, "ben-1", Sender.OPERATOR, ben, "From Ben"),
                    new MessageSend(second, "g-2", Sender.PATRON, null, "Grace again"))));

    assertEquals(3, results.get(0).orElseThrow().seq());
    assertEquals(4, results.get(1).orElseThrow().seq());
    assertTrue(results.get(2).isEmpty(), "an operator who has not joined is refused");
    assertEquals(3, results.get(3).orElseThrow().seq(), "a repeat answers the first copy's seq");
    assertTrue(results.get(3).orElseThrow().repeated());
    assertTrue(results.get(4).isEmpty(), "an ended chat takes nothing");
    assertEquals(
        5,
        results.get(5).orElseThrow().seq(),
        "no number was used up by the refusal or the repeat");
    assertEquals("Ben Okafor", results.get(5).orElseThrow().senderName());
    assertFalse(results.get(5).orElseThrow().repeated());
    assertEquals(4, results.get(6).orElseThrow().seq());
    assertEquals("Grace", results.get(6).orElseThrow().senderName());

    assertEquals(5, gateway.count("SELECT last_seq FROM chats WHERE id = $1", first));
    assertEquals(4, gateway.count("SELECT last_seq FROM chats WHERE id = $1", second));
    assertEquals(
        5,
        gateway.count("SELECT count(*) FROM chat_events WHERE chat_id = $1", first),
        "no gap, nothing twice");
    assertEquals(
        0,
        gateway.count(
            "SELECT count(*) FROM chat_events WHERE chat_id = $1 AND client_msg_id = 't-1'",
            ended));
  }

  @Test
  @DisplayName(
      "a batch that fails stores none of it and leaves its connection ready for the next batch")
  void failedBatchRollsBack() {
    long chatId = chatClaimedByBen("Edsger");
    // A NUL cannot be stored in text (the gateway refuses it before it gets here): the append fails
    // after BEGIN and the lock went out on the same connection.
    var failed =
        chats.appendBatch(
            List.of(
                new MessageSend(chatId, "ok-1", Sender.PATRON, null, "Fine"),
                new MessageSend(chatId, "nul-1", Sender.PATRON, null, "bad\u0000text")));
    assertTrue(TestGateway.await(failed.map(false).otherwise(true)), "the batch fails");
    assertEquals(
        0,
        gateway.count(
            "SELECT count(*) FROM chat_events WHERE chat_id = $1 AND client_msg_id = 'ok-1'",
            chatId));
    assertEquals(
        2, gateway.count("SELECT last_seq FROM chats WHERE id = $1", chatId), "nothing numbered");
    for (int i = 0; i < 4; i++) {
      // Every connection of the pool serves a clean transaction afterwards, and the chat's row is
      // not left locked.
      var stored =
          TestGateway.await(
              chats.appendBatch(
                  List.of(new MessageSend(chatId, "after-" + i, Sender.PATRON, null, "Again"))));
      assertEquals(3 + i, stored.get(0).orElseThrow().seq());
    }
  }
}
