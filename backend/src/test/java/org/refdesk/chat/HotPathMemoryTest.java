package org.refdesk.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.TestGateway;

/**
 * Typing frames and the events every client fetches after a reconnect come often; who sends them
 * and whether they may is remembered. Each test holds Postgres's tables that the memory stands in
 * for under an exclusive lock: a path that still asked Postgres would wait for the lock, and time
 * out.
 */
@DisplayName("Typing and resuming are answered from memory, not from Postgres")
class HotPathMemoryTest {

  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  /**
   * Runs the action while another transaction holds the tables exclusively; nothing can read them.
   */
  private static <T> T whileLocked(String tables, Supplier<T> action) {
    var conn =
        TestGateway.await(
            PgConnection.connect(gateway.vertx(), PgConnectOptions.fromUri(gateway.pgUrl())));
    try {
      TestGateway.await(conn.query("BEGIN").execute());
      TestGateway.await(conn.query("LOCK TABLE " + tables + " IN ACCESS EXCLUSIVE MODE").execute());
      return action.get();
    } finally {
      TestGateway.await(conn.query("ROLLBACK").execute());
      TestGateway.await(conn.close());
    }
  }

  private static JsonObject typing(long chatId, boolean on, String preview) {
    var body = new JsonObject().put("chatId", chatId).put("typing", on);
    return preview == null ? body : body.put("preview", preview);
  }

  @Test
  @DisplayName(
      "a patron's and a librarian's typing are relayed, with their names, while the chat and operator tables are locked")
  void typingFromMemory() {
    var ben = gateway.librarianToken("ben");
    var chat = gateway.startChat("ask", "Rae", "Do you have large-print books?");
    long chatId = chat.getLong("chatId");
    String patronToken = chat.getString("token");
    assertEquals(
        200, gateway.post("/api/chats/" + chatId + "/claim", new JsonObject(), ben).statusCode());
    try (var patron = BridgeClient.connect(gateway.vertx(), gateway.port());
        var librarian = BridgeClient.connect(gateway.vertx(), gateway.port())) {
      patron.register("chat." + chatId, patronToken);
      gateway.awaitRegistered(patron, "chat." + chatId);
      librarian.register("chat." + chatId, ben);
      gateway.awaitRegistered(librarian, "chat." + chatId);
      assertEquals(
          "rec",
          patron
              .request("chat.typing", typing(chatId, false, null), patronToken)
              .getString("type"));
      assertEquals(
          "rec",
          librarian.request("chat.typing", typing(chatId, false, null), ben).getString("type"));

      var replies =
          whileLocked(
              "chats, chat_participants, operators",
              () ->
                  new JsonObject[] {
                    patron.request(
                        "chat.typing", typing(chatId, true, "Large print and"), patronToken),
                    librarian.request("chat.typing", typing(chatId, true, null), ben)
                  });
      assertEquals("rec", replies[0].getString("type"), replies[0]::encode);
      assertEquals("rec", replies[1].getString("type"), replies[1]::encode);

      var theirs =
          librarian
              .next(
                  "chat." + chatId,
                  b ->
                      "typing".equals(b.getString("type"))
                          && "Large print and".equals(b.getString("preview")),
                  5000)
              .getJsonObject("body");
      assertEquals("Rae", theirs.getJsonObject("from").getString("name"));
      var his =
          patron
              .next(
                  "chat." + chatId,
                  b -> "typing".equals(b.getString("type")) && b.getBoolean("typing"),
                  5000)
              .getJsonObject("body");
      assertEquals("Ben Okafor", his.getJsonObject("from").getString("name"));
    }
  }

  @Test
  @DisplayName("an operator resuming a chat gets its events while the operator table is locked")
  void operatorResumeFromMemory() {
    var ben = gateway.librarianToken("ben");
    long chatId = gateway.startChat("ask", "Sol", "Can I print in colour?").getLong("chatId");
    assertEquals(
        200, gateway.post("/api/chats/" + chatId + "/claim", new JsonObject(), ben).statusCode());
    assertEquals(200, gateway.get("/api/chats/" + chatId + "/events?after=0", ben).statusCode());

    var response =
        whileLocked(
            "operators",
            () ->
                TestGateway.await(
                    gateway
                        .client()
                        .get("/api/chats/" + chatId + "/events?after=1")
                        .bearerTokenAuthentication(ben)
                        .timeout(5000)
                        .send()));
    assertEquals(200, response.statusCode(), response::bodyAsString);
    var events = response.bodyAsJsonObject().getJsonArray("events");
    assertEquals(1, events.size(), events::encode);
    assertEquals("claimed", events.getJsonObject(0).getString("type"));
    assertTrue(!response.bodyAsJsonObject().getBoolean("more"));
  }
}
