package org.refdesk.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.TestGateway;

/**
 * Every bridge rule the features contribute, as a matrix: for each address family, who is allowed
 * and who is refused, on SEND, REGISTER, RECEIVE and UNREGISTER. A refused register is proved by an
 * event published on the address that never arrives, not only by the error frame.
 */
@DisplayName("Each bridge rule allows exactly its users")
class BridgeRulesMatrixTest {

  /** For the two cases where a socket hears no address that a marker could follow on; see below. */
  private static final long SILENCE_MS = 300;

  private static TestGateway gateway;
  private static long chatId;
  private static long otherChatId;
  private static long askQueue;
  private static long libraryId;
  private static long benId;
  private static String patron;
  private static String ben;
  private static String idle;
  private static String stranger;
  private static long strangerLibrary;
  private static long staffRoom;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    var started = gateway.startChat("ask", "Alex", "Where are the maps?");
    chatId = started.getLong("chatId");
    patron = started.getString("token");
    otherChatId = gateway.startChat("ask", "Sam", "Another question").getLong("chatId");
    ben = gateway.librarianToken("ben");
    assertEquals(
        200, gateway.post("/api/chats/" + chatId + "/claim", new JsonObject(), ben).statusCode());
    askQueue = gateway.queueId("ask");
    benId = gateway.query("SELECT id FROM operators WHERE username = 'ben'").get(0).getLong(0);
    libraryId =
        gateway.query("SELECT library_id FROM operators WHERE username = 'ben'").get(0).getLong(0);
    var hash =
        gateway
            .query("SELECT password_hash FROM operators WHERE username = 'ben'")
            .get(0)
            .getString(0);
    // A colleague of ben's who monitors no queue, and an operator of another library.
    gateway.query(
        """
        INSERT INTO operators (library_id, username, display_name, password_hash, role)
        VALUES ($1, 'idle', 'Idle', $2, 'operator') RETURNING id""",
        libraryId,
        hash);
    idle = gateway.login("idle", gateway.librarianPassword("ben"));
    strangerLibrary =
        gateway
            .query("INSERT INTO libraries (name) VALUES ('Elsewhere Public') RETURNING id")
            .get(0)
            .getLong(0);
    gateway.query(
        """
        INSERT INTO operators (library_id, username, display_name, password_hash, role)
        VALUES ($1, 'stranger', 'Stranger', $2, 'operator') RETURNING id""",
        strangerLibrary,
        hash);
    stranger = gateway.login("stranger", gateway.librarianPassword("ben"));
    var rooms = gateway.get("/api/internal/rooms", ben);
    assertEquals(200, rooms.statusCode(), rooms::bodyAsString);
    staffRoom = rooms.bodyAsJsonObject().getJsonArray("rooms").getJsonObject(0).getLong("id");
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @TestFactory
  @DisplayName("REGISTER")
  List<DynamicNode> register() {
    return List.of(
        dynamicContainer(
            "chat.<id>: its patron and the operators of its library (the conversation: its participants)",
            List.of(
                allowedToRegister("its patron", "chat." + chatId, () -> patron),
                refusedToRegister(
                    "the patron of another chat", "chat." + otherChatId, () -> patron),
                allowedToRegister("the operator holding it", "chat." + chatId, () -> ben),
                hearsOnlyClaimAndEnd(
                    "another operator of the library, of a chat someone holds", () -> idle),
                refusedToRegister(
                    "an operator of another library", "chat." + chatId, () -> stranger),
                refusedToRegister(
                    "anyone, for a chat that does not exist", "chat.999999", () -> ben))),
        dynamicContainer(
            "queue.<id>: operators who may monitor the queue",
            List.of(
                allowedToRegister("an operator of the queue", "queue." + askQueue, () -> ben),
                refusedToRegister(
                    "an operator of the library outside the queue",
                    "queue." + askQueue,
                    () -> idle),
                refusedToRegister(
                    "an operator of another library", "queue." + askQueue, () -> stranger),
                refusedToRegister("a patron", "queue." + askQueue, () -> patron))),
        dynamicContainer(
            "operator.<id>: that operator alone",
            List.of(
                allowedToRegister("the operator", "operator." + benId, () -> ben),
                refusedToRegister("a colleague", "operator." + benId, () -> idle),
                refusedToRegister("a patron", "operator." + benId, () -> patron))),
        dynamicContainer(
            "presence.<libraryId>: the library's operators",
            List.of(
                allowedToRegister(
                    "an operator of the library", "presence." + libraryId, () -> idle),
                refusedToRegister(
                    "an operator of another library", "presence." + libraryId, () -> stranger),
                refusedToRegister("a patron", "presence." + libraryId, () -> patron))),
        dynamicContainer(
            "alerts.<libraryId>: the library's operators, whatever queues they watch",
            List.of(
                allowedToRegister(
                    "an operator of the library outside every queue",
                    "alerts." + libraryId,
                    () -> idle),
                refusedToRegister(
                    "an operator of another library", "alerts." + libraryId, () -> stranger),
                refusedToRegister("a patron", "alerts." + libraryId, () -> patron))),
        dynamicContainer(
            "internal.<roomId>: the room's members (the staff room: the library's operators)",
            List.of(
                allowedToRegister(
                    "an operator of the library outside every queue",
                    "internal." + staffRoom,
                    () -> idle),
                refusedToRegister(
                    "an operator of another library", "internal." + staffRoom, () -> stranger),
                refusedToRegister("a patron", "internal." + staffRoom, () -> patron))),
        dynamicContainer(
            "an address no rule names",
            List.of(
                refusedToRegister("an operator", "refdesk.chat-started", () -> ben),
                refusedToRegister(
                    "an operator, on a near miss of a rule's address",
                    "chat." + chatId + "x",
                    () -> ben))));
  }

  @TestFactory
  @DisplayName("SEND")
  List<DynamicNode> send() {
    return List.of(
        dynamicContainer(
            "chat.send: the patron in its own chat; operators (taking part, checked on writing)",
            List.of(
                allowedToSend(
                    "the patron, in its chat", "chat.send", () -> message(chatId), () -> patron),
                refusedToSend(
                    "the patron, in another chat",
                    "chat.send",
                    () -> message(otherChatId),
                    () -> patron,
                    "rejected"),
                allowedToSend(
                    "the operator holding the chat", "chat.send", () -> message(chatId), () -> ben),
                refusedToSend(
                    "anyone, without a chat id",
                    "chat.send",
                    () -> new JsonObject().put("text", "hi"),
                    () -> ben,
                    "invalid"))),
        dynamicContainer(
            "chat.typing: the same",
            List.of(
                allowedToSend(
                    "the patron, in its chat", "chat.typing", () -> typing(chatId), () -> patron),
                refusedToSend(
                    "the patron, in another chat",
                    "chat.typing",
                    () -> typing(otherChatId),
                    () -> patron,
                    "rejected"))),
        dynamicContainer(
            "presence.set and presence.heartbeat: operators",
            List.of(
                allowedToSend(
                    "an operator setting a status",
                    "presence.set",
                    () -> new JsonObject().put("status", "away"),
                    () -> idle),
                allowedToSend(
                    "an operator's heartbeat",
                    "presence.heartbeat",
                    () -> new JsonObject(),
                    () -> idle),
                refusedToSend(
                    "a patron setting a status",
                    "presence.set",
                    () -> new JsonObject().put("status", "online"),
                    () -> patron,
                    "rejected"),
                refusedToSend(
                    "a patron's heartbeat",
                    "presence.heartbeat",
                    () -> new JsonObject(),
                    () -> patron,
                    "rejected"))),
        dynamicContainer(
            "internal.send: operators (being in the room is checked on writing)",
            List.of(
                allowedToSend(
                    "an operator, in the staff room",
                    "internal.send",
                    () -> staffMessage(staffRoom),
                    () -> idle),
                refusedToSend(
                    "a patron",
                    "internal.send",
                    () -> staffMessage(staffRoom),
                    () -> patron,
                    "rejected"),
                refusedToSend(
                    "an operator of another library, on writing",
                    "internal.send",
                    () -> staffMessage(staffRoom),
                    () -> stranger,
                    "not_found"),
                refusedToSend(
                    "anyone, without a room id",
                    "internal.send",
                    () -> new JsonObject().put("text", "hi"),
                    () -> ben,
                    "invalid"))),
        dynamicContainer(
            "an address no rule names",
            List.of(
                refusedToSend(
                    "an operator",
                    "refdesk.operator-disabled",
                    () -> new JsonObject().put("operatorId", benId),
                    () -> ben,
                    "rejected"),
                refusedToSend(
                    "an operator, on an event address",
                    "chat." + chatId,
                    () -> new JsonObject(),
                    () -> ben,
                    "rejected"))));
  }

  @TestFactory
  @DisplayName("RECEIVE")
  List<DynamicNode> receive() {
    var fromPatron = new JsonObject().put("kind", "patron");
    var fromOperator = new JsonObject().put("kind", "operator").put("id", benId);
    return List.of(
        dynamicContainer(
            "chat.<id>: a patron sees no typing of its own and no draft; operators see all",
            List.of(
                receives(
                    "the patron, a message",
                    () -> patron,
                    new JsonObject()
                        .put("type", "message")
                        .put("text", "hello")
                        .put("from", fromOperator)),
                receives(
                    "the patron, the operator typing",
                    () -> patron,
                    new JsonObject()
                        .put("type", "typing")
                        .put("typing", true)
                        .put("from", fromOperator)),
                doesNotReceive(
                    "the patron, its own typing echoed",
                    () -> patron,
                    new JsonObject()
                        .put("type", "typing")
                        .put("typing", true)
                        .put("from", fromPatron)),
                doesNotReceive(
                    "the patron, a draft",
                    () -> patron,
                    new JsonObject()
                        .put("type", "typing")
                        .put("typing", true)
                        .put("from", fromOperator)
                        .put("preview", "dr")),
                receives(
                    "an operator, the patron's draft",
                    () -> ben,
                    new JsonObject()
                        .put("type", "typing")
                        .put("typing", true)
                        .put("from", fromPatron)
                        .put("preview", "draft")))));
  }

  @TestFactory
  @DisplayName("UNREGISTER")
  List<DynamicNode> unregister() {
    return List.of(
        dynamicContainer(
            "every rule: whoever registered may stop listening, and then hears nothing",
            List.of(
                stopsHearing("the patron, on its chat", "chat." + chatId, () -> patron),
                stopsHearing("an operator, on a queue", "queue." + askQueue, () -> ben),
                stopsHearing("an operator, on its own address", "operator." + benId, () -> ben),
                stopsHearing("an operator, on its library", "presence." + libraryId, () -> ben),
                stopsHearing(
                    "an operator, on its library's alerts", "alerts." + libraryId, () -> ben),
                stopsHearing(
                    "an operator, on its staff room", "internal." + staffRoom, () -> ben))));
  }

  private static DynamicNode allowedToRegister(String who, String address, TokenOf token) {
    return dynamicTest(
        "allowed: " + who,
        () -> {
          try (var client = BridgeClient.connect(gateway.vertx(), gateway.port())) {
            client.register(address, token.get());
            gateway.awaitRegistered(client, address);
          }
        });
  }

  /**
   * An operator of the library who does not take part registers on a chat someone holds, and hears
   * its end but none of its conversation: each end marker follows a message on the same address, so
   * once one end arrived, its message had its chance and was withheld.
   */
  private static DynamicNode hearsOnlyClaimAndEnd(String who, TokenOf token) {
    return dynamicTest(
        "allowed, hearing only its claim and end: " + who,
        () -> {
          var address = "chat." + chatId;
          var bus = gateway.refdesk().vertx().eventBus();
          try (var client = BridgeClient.connect(gateway.vertx(), gateway.port())) {
            client.register(address, token.get());
            long deadline = System.currentTimeMillis() + 5000;
            JsonObject heard = null;
            while (heard == null && System.currentTimeMillis() < deadline) {
              bus.publish(
                  address,
                  new JsonObject().put("type", "message").put("text", "withheld").put("mark", "m"));
              var end =
                  new JsonObject()
                      .put("type", "ended")
                      .put("chatId", chatId)
                      .put("mark", UUID.randomUUID().toString());
              bus.publish(address, end);
              heard = client.nothingOn(address, sameMark(end), 100);
            }
            assertNotNull(heard, "the end reaches a colleague's preview");
            assertNull(
                client.arrivedOn(address, body -> "withheld".equals(body.getString("text"))));
          }
        });
  }

  private static DynamicNode refusedToRegister(String who, String address, TokenOf token) {
    return dynamicTest(
        "refused: " + who,
        () -> {
          try (var client = BridgeClient.connect(gateway.vertx(), gateway.port())) {
            client.register(address, token.get());
            var error = client.nextError(5000);
            assertTrue(
                List.of("rejected", "access_denied").contains(error.getString("body")),
                error::encode);
            // An event, not a probe, which the client would leave out: the window below can fail. A
            // window is
            // kept because a refused socket may hear no address to send a marker on; it follows the
            // refusal,
            // which proves the bridge has handled the register.
            var event =
                new JsonObject().put("type", "message").put("mark", UUID.randomUUID().toString());
            gateway.refdesk().vertx().eventBus().publish(address, event);
            assertNull(
                client.nothingOn(address, sameMark(event), SILENCE_MS),
                "nothing arrives on a refused address");
          }
        });
  }

  private static DynamicNode allowedToSend(String who, String address, BodyOf body, TokenOf token) {
    return dynamicTest(
        "allowed: " + who,
        () -> {
          try (var client = BridgeClient.connect(gateway.vertx(), gateway.port())) {
            var reply = client.request(address, body.get(), token.get());
            assertEquals("rec", reply.getString("type"), reply::encode);
          }
        });
  }

  /** {@code why}: the bridge's own refusal ({@code rejected}) or the error code of the reply. */
  private static DynamicNode refusedToSend(
      String who, String address, BodyOf body, TokenOf token, String why) {
    return dynamicTest(
        "refused: " + who,
        () -> {
          try (var client = BridgeClient.connect(gateway.vertx(), gateway.port())) {
            var reply = client.request(address, body.get(), token.get());
            assertEquals("err", reply.getString("type"), reply::encode);
            var reason =
                reply.getString("message") != null
                    ? reply.getString("message")
                    : reply.getString("body");
            assertTrue(
                why.equals(reason) || "rejected".equals(why) && "access_denied".equals(reason),
                reply::encode);
          }
        });
  }

  private static DynamicNode receives(String who, TokenOf token, JsonObject event) {
    return dynamicTest(
        "delivered: " + who,
        () -> {
          var marked = event.copy().put("chatId", chatId).put("mark", UUID.randomUUID().toString());
          try (var client = listening("chat." + chatId, token.get())) {
            gateway.refdesk().vertx().eventBus().publish("chat." + chatId, marked);
            assertNotNull(client.next("chat." + chatId, sameMark(marked), 5000));
          }
        });
  }

  private static DynamicNode doesNotReceive(String who, TokenOf token, JsonObject event) {
    return dynamicTest(
        "withheld: " + who,
        () -> {
          var marked = event.copy().put("chatId", chatId).put("mark", UUID.randomUUID().toString());
          var after =
              new JsonObject()
                  .put("type", "message")
                  .put("text", "after")
                  .put("mark", UUID.randomUUID().toString());
          try (var client = listening("chat." + chatId, token.get())) {
            var bus = gateway.refdesk().vertx().eventBus();
            bus.publish("chat." + chatId, marked);
            bus.publish("chat." + chatId, after);
            // The event after it arrives, so the withheld one had its chance and was dropped: no
            // window needed.
            assertNotNull(client.next("chat." + chatId, sameMark(after), 5000));
            assertNull(client.arrivedOn("chat." + chatId, sameMark(marked)));
          }
        });
  }

  private static DynamicNode stopsHearing(String who, String address, TokenOf token) {
    return dynamicTest(
        "allowed: " + who,
        () -> {
          try (var client = listening(address, token.get())) {
            client.frame(
                new JsonObject()
                    .put("type", "unregister")
                    .put("address", address)
                    .put("headers", new JsonObject().put("token", token.get())));
            var event =
                new JsonObject()
                    .put("type", "probe-after")
                    .put("mark", UUID.randomUUID().toString());
            // Frames are handled in order, so an event published after a round trip finds the
            // handler gone.
            var roundTrip =
                patron.equals(token.get())
                    ? client.request("chat.typing", typing(chatId), patron)
                    : client.request("presence.heartbeat", new JsonObject(), token.get());
            assertEquals("rec", roundTrip.getString("type"), roundTrip::encode);
            gateway.refdesk().vertx().eventBus().publish(address, event);
            // A window, since the socket now hears no address a marker could follow on; it follows
            // the round
            // trip, which proves the bridge has handled the unregister.
            assertNull(
                client.nothingOn(address, sameMark(event), SILENCE_MS),
                "nothing arrives after unregistering");
          }
        });
  }

  private static BridgeClient listening(String address, String token) {
    var client = BridgeClient.connect(gateway.vertx(), gateway.port());
    client.register(address, token);
    gateway.awaitRegistered(client, address);
    return client;
  }

  private static Predicate<JsonObject> sameMark(JsonObject event) {
    return body -> event.getString("mark").equals(body.getString("mark"));
  }

  private static JsonObject message(long chat) {
    return new JsonObject()
        .put("chatId", chat)
        .put("text", "matrix")
        .put("clientMsgId", "m-" + UUID.randomUUID());
  }

  private static JsonObject staffMessage(long room) {
    return new JsonObject()
        .put("roomId", room)
        .put("text", "matrix")
        .put("clientMsgId", "s-" + UUID.randomUUID());
  }

  private static JsonObject typing(long chat) {
    return new JsonObject().put("chatId", chat).put("typing", true);
  }

  /** Tokens are read when a case runs: they exist only after the class has started its gateway. */
  @FunctionalInterface
  private interface TokenOf {
    String get();
  }

  @FunctionalInterface
  private interface BodyOf {
    JsonObject get();
  }
}
