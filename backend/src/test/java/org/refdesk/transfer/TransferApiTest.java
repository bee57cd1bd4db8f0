package org.refdesk.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.SecondLibrary;
import org.refdesk.support.TestGateway;

/**
 * Transfers with a hand-off card and shared chats, through the real gateway, Postgres, Redis and
 * bridge: who may transfer, to whom, who may accept or decline, what the patron sees and never
 * sees, who hears the chat afterwards, and who may end or write in a shared chat.
 */
@DisplayName("Transfers and shared chats")
class TransferApiTest {

  private static final String CARD_SECRET = "card-only-for-staff-7f3a";

  private static TestGateway gateway;
  private static String alice;
  private static String ben;
  private static String admin;
  private static String rosa;
  private static long aliceId;
  private static long benId;
  private static SecondLibrary riverside;
  private static final Map<String, BridgeClient> presenceSockets = new HashMap<>();
  private static final List<BridgeClient> sockets = new ArrayList<>();

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    alice = gateway.librarianToken("alice");
    ben = gateway.librarianToken("ben");
    admin = gateway.adminToken();
    aliceId = operatorId("alice");
    benId = operatorId("ben");
    riverside = SecondLibrary.create(gateway);
    rosa = riverside.token(gateway);
  }

  @AfterAll
  static void stop() {
    presenceSockets.values().forEach(BridgeClient::close);
    sockets.forEach(BridgeClient::close);
    gateway.close();
  }

  @Test
  @DisplayName(
      "the owner transfers to an online colleague with a card; the colleague accepts and holds the"
          + " chat, the patron is told and sees the new librarian, nothing the patron wrote meanwhile"
          + " is lost, and the previous librarian hears the chat no more")
  void transferToColleague() {
    status(alice, "online");
    status(ben, "online");
    var chat = claimedChat(alice, "Sam", "I need old maps of the harbour");
    long chatId = chat.getLong("chatId");
    var patronToken = chat.getString("token");
    var aliceHears = listen("chat." + chatId, alice);
    var benInbox = listen("operator." + benId, ben);
    var aliceInbox = listen("operator." + aliceId, alice);

    var offered = transfer(alice, chatId, new JsonObject().put("toOperatorId", benId));
    assertEquals(201, offered.statusCode(), offered::bodyAsString);
    var handoff = offered.bodyAsJsonObject();
    assertEquals("pending", handoff.getString("state"));
    assertEquals(CARD_SECRET, handoff.getJsonObject("card").getString("needs"));

    var alert = benInbox.next("operator." + benId, 5000).getJsonObject("body");
    assertEquals("handoff-offered", alert.getString("type"));
    assertEquals(
        CARD_SECRET, alert.getJsonObject("handoff").getJsonObject("card").getString("needs"));
    assertEquals(chatId, alert.getJsonObject("handoff").getLong("chatId"));

    // The patron keeps writing while the transfer waits: stored, and the new owner gets it.
    var patronSocket = listen("chat." + chatId, patronToken);
    var during =
        patronSend(patronSocket, patronToken, chatId, "Still there? written while waiting");
    assertEquals("rec", during.getString("type"), during::encode);

    var incoming = gateway.get("/api/handoffs", ben).bodyAsJsonObject().getJsonArray("incoming");
    assertEquals(
        1, incoming.stream().filter(h -> ((JsonObject) h).getLong("chatId") == chatId).count());

    var accepted =
        gateway.post("/api/handoffs/" + handoff.getLong("id") + "/accept", new JsonObject(), ben);
    assertEquals(200, accepted.statusCode(), accepted::bodyAsString);
    var answered = aliceInbox.next("operator." + aliceId, 5000).getJsonObject("body");
    assertEquals("handoff-answered", answered.getString("type"));
    assertEquals("accepted", answered.getJsonObject("handoff").getString("state"));

    var details = gateway.get("/api/chats/" + chatId, ben).bodyAsJsonObject();
    assertEquals(benId, details.getJsonObject("owner").getLong("id"));
    assertEquals(
        1,
        gateway.count(
            "SELECT count(*) FROM chat_participants WHERE chat_id = $1 AND role = 'owner'", chatId),
        "one owner row, whoever held the chat before");
    assertEquals(
        List.of(benId),
        details.getJsonArray("participants").stream()
            .map(p -> ((JsonObject) p).getLong("id"))
            .toList());

    var events = events(chatId, patronToken);
    var types = events.stream().map(e -> e.getString("type")).toList();
    assertTrue(types.contains("transferred"), types::toString);
    var transferred =
        events.stream()
            .filter(e -> "transferred".equals(e.getString("type")))
            .findFirst()
            .orElseThrow();
    assertEquals(aliceId, transferred.getJsonObject("fromOperator").getLong("id"));
    assertEquals(benId, transferred.getJsonObject("toOperator").getLong("id"));
    var joined =
        events.stream().filter(e -> "joined".equals(e.getString("type"))).findFirst().orElseThrow();
    assertEquals("Ben Okafor", joined.getJsonObject("from").getString("name"));
    assertTrue(
        events.stream()
            .anyMatch(
                e ->
                    "notice".equals(e.getString("type"))
                        && "I'm transferring you to another librarian."
                            .equals(e.getString("text"))));
    assertTrue(
        events.stream()
            .anyMatch(e -> "Still there? written while waiting".equals(e.getString("text"))));
    assertFalse(events.toString().contains(CARD_SECRET), "the card never reaches the patron");
    assertSeqWithoutGaps(events);

    // After the transfer: the patron writes; the new owner hears it, the previous one does not.
    var benHears = listen("chat." + chatId, ben);
    patronSend(patronSocket, patronToken, chatId, "after the transfer");
    benHears.next("chat." + chatId, f -> "after the transfer".equals(f.getString("text")), 5000);
    var refused = operatorSend(aliceHears, alice, chatId, "may I still write?");
    assertEquals("not_participant", refused.getString("message"), refused::encode);
    // The end reaches every operator of the library who listens (a colleague's preview shows it):
    // a marker behind the message on the same address.
    assertEquals(
        200, gateway.post("/api/chats/" + chatId + "/end", new JsonObject(), ben).statusCode());
    aliceHears.next("chat." + chatId, f -> "ended".equals(f.getString("type")), 5000);
    assertNull(
        aliceHears.arrivedOn(
            "chat." + chatId, body -> "after the transfer".equals(body.getString("text"))),
        "the previous librarian stops hearing the chat");
    assertNull(
        aliceHears.arrivedOn("chat." + chatId, body -> "joined".equals(body.getString("type"))));
  }

  @Test
  @DisplayName("a sender who chooses to stay shares the chat afterwards and still hears it")
  void transferAndStay() {
    status(alice, "online");
    status(ben, "online");
    var chat = claimedChat(alice, "Kim", "A question for two");
    long chatId = chat.getLong("chatId");
    var aliceHears = listen("chat." + chatId, alice);
    var offered =
        transfer(alice, chatId, new JsonObject().put("toOperatorId", benId).put("stay", true));
    assertEquals(201, offered.statusCode(), offered::bodyAsString);
    assertEquals(
        200,
        gateway
            .post(
                "/api/handoffs/" + offered.bodyAsJsonObject().getLong("id") + "/accept",
                new JsonObject(),
                ben)
            .statusCode());
    var roles =
        gateway
            .get("/api/chats/" + chatId, alice)
            .bodyAsJsonObject()
            .getJsonArray("participants")
            .stream()
            .map(p -> (JsonObject) p)
            .collect(Collectors.toMap(p -> p.getLong("id"), p -> p.getString("role")));
    assertEquals(Map.of(benId, "owner", aliceId, "shared"), roles);
    var patron = chat.getString("token");
    var patronSocket = listen("chat." + chatId, patron);
    patronSend(patronSocket, patron, chatId, "heard by both");
    aliceHears.next("chat." + chatId, f -> "heard by both".equals(f.getString("text")), 5000);
    assertEquals(
        "rec", operatorSend(aliceHears, alice, chatId, "I am still here").getString("type"));
  }

  @Test
  @DisplayName(
      "only the chat's owner may transfer it; anyone else is refused and nothing is stored")
  void onlyTheOwnerTransfers() {
    status(ben, "online");
    status(alice, "online");
    long chatId = claimedChat(alice, "Lee", "Who may move me?").getLong("chatId");
    var byBen = transfer(ben, chatId, new JsonObject().put("toOperatorId", aliceId));
    assertEquals(403, byBen.statusCode(), byBen::bodyAsString);
    assertEquals("not_owner", code(byBen));
    var byRosa = transfer(rosa, chatId, new JsonObject().put("toOperatorId", aliceId));
    assertEquals(404, byRosa.statusCode(), "another library's operator does not know of the chat");
    var waiting = gateway.startChat("ask", "Max", "Nobody has me yet").getLong("chatId");
    var notClaimed = transfer(alice, waiting, new JsonObject().put("toOperatorId", benId));
    assertEquals(409, notClaimed.statusCode(), notClaimed::bodyAsString);
    assertEquals(0, handoffsOf(chatId) + handoffsOf(waiting));
  }

  @Test
  @DisplayName(
      "a transfer to an operator who is away or offline is refused with operator_unavailable, and the"
          + " patron hears nothing of it")
  void offlineOperatorRefused() {
    status(alice, "online");
    var chat = claimedChat(alice, "Ola", "Is anyone else there?");
    long chatId = chat.getLong("chatId");
    status(ben, "away");
    var away = transfer(alice, chatId, new JsonObject().put("toOperatorId", benId));
    assertEquals(409, away.statusCode(), away::bodyAsString);
    assertEquals("operator_unavailable", code(away));
    status(ben, "offline");
    assertEquals(
        "operator_unavailable",
        code(transfer(alice, chatId, new JsonObject().put("toOperatorId", benId))));
    assertEquals(0, handoffsOf(chatId));
    assertTrue(
        events(chatId, chat.getString("token")).stream()
            .noneMatch(e -> "notice".equals(e.getString("type"))));
    status(ben, "online");
  }

  @Test
  @DisplayName(
      "a transfer to a queue with nobody online says so (nobody_online); with someone online, those"
          + " watching the queue get the card, and whoever of them accepts first holds the chat")
  void transferToQueue() {
    status(alice, "online");
    long science = gateway.queueId("science");
    var chat = claimedChat(alice, "Ivo", "A chemistry question");
    long chatId = chat.getLong("chatId");
    status(ben, "away");
    status(admin, "away");
    var nobody = transfer(alice, chatId, new JsonObject().put("toQueueId", science));
    assertEquals(409, nobody.statusCode(), nobody::bodyAsString);
    assertEquals("nobody_online", code(nobody));
    assertEquals(0, handoffsOf(chatId));

    status(ben, "online");
    var watching = listen("queue." + science, ben);
    var offered = transfer(alice, chatId, new JsonObject().put("toQueueId", science));
    assertEquals(201, offered.statusCode(), offered::bodyAsString);
    var alert =
        watching.next("queue." + science, f -> "handoff-offered".equals(f.getString("type")), 5000);
    assertEquals(
        CARD_SECRET,
        alert
            .getJsonObject("body")
            .getJsonObject("handoff")
            .getJsonObject("card")
            .getString("needs"));
    assertTrue(
        events(chatId, chat.getString("token")).stream()
            .anyMatch(e -> "I'm transferring you to the Science Desk.".equals(e.getString("text"))),
        () -> events(chatId, chat.getString("token")).toString());

    var again = transfer(alice, chatId, new JsonObject().put("toQueueId", science));
    assertEquals("transfer_pending", code(again));

    var accepted =
        gateway.post(
            "/api/handoffs/" + offered.bodyAsJsonObject().getLong("id") + "/accept",
            new JsonObject(),
            ben);
    assertEquals(200, accepted.statusCode(), accepted::bodyAsString);
    var details = gateway.get("/api/chats/" + chatId, ben).bodyAsJsonObject();
    assertEquals(science, details.getLong("queueId"));
    assertEquals(benId, details.getJsonObject("owner").getLong("id"));
    var second =
        gateway.post(
            "/api/handoffs/" + offered.bodyAsJsonObject().getLong("id") + "/accept",
            new JsonObject(),
            admin);
    assertEquals(409, second.statusCode(), "one acceptor wins");
  }

  @Test
  @DisplayName(
      "only the operator a transfer names may accept it: another library's operator is told there is"
          + " no such hand-off, a colleague and the sender are refused")
  void whoMayAccept() {
    status(alice, "online");
    status(ben, "online");
    long chatId = claimedChat(alice, "Uma", "Who takes me?").getLong("chatId");
    var offered = transfer(alice, chatId, new JsonObject().put("toOperatorId", benId));
    long id = offered.bodyAsJsonObject().getLong("id");
    var byRosa = gateway.post("/api/handoffs/" + id + "/accept", new JsonObject(), rosa);
    assertEquals(404, byRosa.statusCode(), byRosa::bodyAsString);
    assertEquals(
        404,
        gateway
            .post("/api/handoffs/" + id + "/decline", new JsonObject().put("reason", "no"), rosa)
            .statusCode());
    assertEquals(
        403, gateway.post("/api/handoffs/" + id + "/accept", new JsonObject(), admin).statusCode());
    assertEquals(
        403, gateway.post("/api/handoffs/" + id + "/accept", new JsonObject(), alice).statusCode());
    assertEquals(
        0, gateway.get("/api/handoffs", rosa).bodyAsJsonObject().getJsonArray("incoming").size());
    var details = gateway.get("/api/chats/" + chatId, alice).bodyAsJsonObject();
    assertEquals(aliceId, details.getJsonObject("owner").getLong("id"));
    assertEquals(
        200, gateway.post("/api/handoffs/" + id + "/accept", new JsonObject(), ben).statusCode());
  }

  @Test
  @DisplayName(
      "a declined transfer comes back to its sender with the reason, and the sender keeps the chat")
  void declineWithReason() {
    status(alice, "online");
    status(ben, "online");
    var chat = claimedChat(alice, "Noa", "Can you pass me on?");
    long chatId = chat.getLong("chatId");
    var aliceInbox = listen("operator." + aliceId, alice);
    long id =
        transfer(alice, chatId, new JsonObject().put("toOperatorId", benId))
            .bodyAsJsonObject()
            .getLong("id");
    var noReason = gateway.post("/api/handoffs/" + id + "/decline", new JsonObject(), ben);
    assertEquals(400, noReason.statusCode(), noReason::bodyAsString);
    var declined =
        gateway.post(
            "/api/handoffs/" + id + "/decline",
            new JsonObject().put("reason", "Not my subject"),
            ben);
    assertEquals(200, declined.statusCode(), declined::bodyAsString);
    var answer =
        aliceInbox.next(
            "operator." + aliceId, f -> "handoff-answered".equals(f.getString("type")), 5000);
    var handoff = answer.getJsonObject("body").getJsonObject("handoff");
    assertEquals("declined", handoff.getString("state"));
    assertEquals("Not my subject", handoff.getString("reason"));
    assertEquals(
        aliceId,
        gateway
            .get("/api/chats/" + chatId, alice)
            .bodyAsJsonObject()
            .getJsonObject("owner")
            .getLong("id"));
    assertEquals(
        409, gateway.post("/api/handoffs/" + id + "/accept", new JsonObject(), ben).statusCode());
    var events = events(chatId, chat.getString("token"));
    assertFalse(events.toString().contains("Not my subject"), "the reason is for staff");
  }

  @Test
  @DisplayName("the card never reaches a patron's address, whatever passes on it")
  void cardNeverReachesThePatron() {
    status(alice, "online");
    status(ben, "online");
    var chat = claimedChat(alice, "Ray", "Private card?");
    long chatId = chat.getLong("chatId");
    var patron = chat.getString("token");
    var patronSocket = listen("chat." + chatId, patron);
    long id =
        transfer(alice, chatId, new JsonObject().put("toOperatorId", benId))
            .bodyAsJsonObject()
            .getLong("id");
    assertEquals(
        200, gateway.post("/api/handoffs/" + id + "/accept", new JsonObject(), ben).statusCode());
    var benHears = listen("chat." + chatId, ben);
    operatorSend(benHears, ben, chatId, "marker from Ben");
    patronSocket.next("chat." + chatId, f -> "marker from Ben".equals(f.getString("text")), 5000);
    assertNull(
        patronSocket.arrivedOn("chat." + chatId, body -> body.encode().contains(CARD_SECRET)));
    assertNotNull(
        patronSocket.arrivedOn("chat." + chatId, body -> "joined".equals(body.getString("type"))));
    // The operator's own address and the queue's refuse a patron outright.
    patronSocket.register("operator." + benId, patron);
    assertEquals("err", patronSocket.nextError(5000).getString("type"));
  }

  @Test
  @DisplayName("bad transfer requests are refused with 400/404 and store nothing")
  void badRequests() {
    status(alice, "online");
    status(ben, "online");
    long chatId = claimedChat(alice, "Eva", "Bad input").getLong("chatId");
    var both =
        new JsonObject()
            .put("toOperatorId", benId)
            .put("toQueueId", gateway.queueId("ask"))
            .put("card", card());
    assertEquals(400, gateway.post("/api/chats/" + chatId + "/transfer", both, alice).statusCode());
    var noCard = new JsonObject().put("toOperatorId", benId);
    assertEquals(
        400, gateway.post("/api/chats/" + chatId + "/transfer", noCard, alice).statusCode());
    var badLink =
        new JsonObject()
            .put("toOperatorId", benId)
            .put("card", card().put("links", new JsonArray().add("javascript:alert(1)")));
    assertEquals(
        400, gateway.post("/api/chats/" + chatId + "/transfer", badLink, alice).statusCode());
    assertEquals(
        400, transfer(alice, chatId, new JsonObject().put("toOperatorId", aliceId)).statusCode());
    var otherQueue =
        transfer(alice, chatId, new JsonObject().put("toQueueId", riverside.queueId()));
    assertEquals(404, otherQueue.statusCode());
    assertEquals("unknown_queue", code(otherQueue));
    assertEquals(
        404,
        transfer(alice, chatId, new JsonObject().put("toOperatorId", riverside.operatorId()))
            .statusCode());
    assertEquals(0, handoffsOf(chatId));
    var targets = gateway.get("/api/chats/" + chatId + "/transfer-targets", alice);
    assertEquals(200, targets.statusCode(), targets::bodyAsString);
    var names =
        targets.bodyAsJsonObject().getJsonArray("operators").stream()
            .map(o -> ((JsonObject) o).getLong("id"))
            .toList();
    assertTrue(names.contains(benId));
    assertFalse(names.contains(aliceId));
    assertFalse(names.contains(riverside.operatorId()));
  }

  @Test
  @DisplayName(
      "a colleague invited into a chat joins it and can write; ending is refused while they are in,"
          + " either may leave, and the patron sees who joined and who left")
  void sharedChat() {
    status(alice, "online");
    status(ben, "online");
    var chat = claimedChat(alice, "Joe", "Two librarians please");
    long chatId = chat.getLong("chatId");
    var patron = chat.getString("token");
    var benSocket = presenceSockets.get(ben);
    var notIn = operatorSend(benSocket, ben, chatId, "not in yet");
    assertEquals("not_participant", notIn.getString("message"), "a non-participant cannot send");
    var byRosa =
        gateway.post(
            "/api/chats/" + chatId + "/invite",
            new JsonObject().put("operatorId", riverside.operatorId()),
            alice);
    assertEquals(404, byRosa.statusCode());
    var byBen =
        gateway.post(
            "/api/chats/" + chatId + "/invite", new JsonObject().put("operatorId", aliceId), ben);
    assertEquals(403, byBen.statusCode(), "only a participant invites");

    var invited =
        gateway.post(
            "/api/chats/" + chatId + "/invite", new JsonObject().put("operatorId", benId), alice);
    assertEquals(201, invited.statusCode(), invited::bodyAsString);
    long id = invited.bodyAsJsonObject().getLong("id");
    assertEquals(
        404, gateway.post("/api/handoffs/" + id + "/accept", new JsonObject(), rosa).statusCode());
    assertEquals(
        200, gateway.post("/api/handoffs/" + id + "/accept", new JsonObject(), ben).statusCode());
    var benHears = listen("chat." + chatId, ben);
    assertEquals("rec", operatorSend(benHears, ben, chatId, "Ben here too").getString("type"));
    var aliceHears = listen("chat." + chatId, alice);

    var refused = gateway.post("/api/chats/" + chatId + "/end", new JsonObject(), alice);
    assertEquals(409, refused.statusCode(), refused::bodyAsString);
    assertEquals("colleague_in_chat", code(refused));

    var left = gateway.post("/api/chats/" + chatId + "/leave", new JsonObject(), ben);
    assertEquals(200, left.statusCode(), left::bodyAsString);
    aliceHears.next("chat." + chatId, body -> "left".equals(body.getString("type")), 5000);
    var lastOne = gateway.post("/api/chats/" + chatId + "/leave", new JsonObject(), alice);
    assertEquals(409, lastOne.statusCode(), "the last one in ends the chat instead");
    assertEquals(
        "not_participant", operatorSend(benHears, ben, chatId, "gone").getString("message"));
    var events = events(chatId, patron);
    assertTrue(
        events.stream()
            .anyMatch(
                e ->
                    "joined".equals(e.getString("type"))
                        && "Ben Okafor".equals(e.getJsonObject("from").getString("name"))));
    assertTrue(
        events.stream()
            .anyMatch(
                e ->
                    "left".equals(e.getString("type"))
                        && "Ben Okafor".equals(e.getJsonObject("from").getString("name"))));
    assertEquals(
        200, gateway.post("/api/chats/" + chatId + "/end", new JsonObject(), alice).statusCode());
  }

  @Test
  @DisplayName(
      "an owner who leaves a shared chat hands it to the colleague, who may then end it alone; an admin may end a shared chat")
  void ownerLeaves() {
    status(alice, "online");
    status(ben, "online");
    long chatId = claimedChat(alice, "Zoe", "Owner leaves").getLong("chatId");
    long id =
        gateway
            .post(
                "/api/chats/" + chatId + "/invite",
                new JsonObject().put("operatorId", benId),
                alice)
            .bodyAsJsonObject()
            .getLong("id");
    assertEquals(
        200, gateway.post("/api/handoffs/" + id + "/accept", new JsonObject(), ben).statusCode());
    var left = gateway.post("/api/chats/" + chatId + "/leave", new JsonObject(), alice);
    assertEquals(200, left.statusCode(), left::bodyAsString);
    assertEquals(benId, left.bodyAsJsonObject().getLong("ownerId"));
    assertEquals(
        1,
        gateway.count(
            "SELECT count(*) FROM chat_participants WHERE chat_id = $1 AND role = 'owner'",
            chatId));
    assertEquals(
        benId,
        gateway
            .get("/api/chats/" + chatId, ben)
            .bodyAsJsonObject()
            .getJsonObject("owner")
            .getLong("id"));
    assertEquals(
        200, gateway.post("/api/chats/" + chatId + "/end", new JsonObject(), ben).statusCode());

    long other = claimedChat(alice, "Ari", "Admin ends").getLong("chatId");
    long invite =
        gateway
            .post(
                "/api/chats/" + other + "/invite", new JsonObject().put("operatorId", benId), alice)
            .bodyAsJsonObject()
            .getLong("id");
    assertEquals(
        200,
        gateway.post("/api/handoffs/" + invite + "/accept", new JsonObject(), ben).statusCode());
    assertEquals(
        200, gateway.post("/api/chats/" + other + "/end", new JsonObject(), admin).statusCode());
  }

  // --- helpers

  private static io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> transfer(
      String token, long chatId, JsonObject target) {
    return gateway.post(
        "/api/chats/" + chatId + "/transfer", target.copy().put("card", card()), token);
  }

  private static JsonObject card() {
    return new JsonObject()
        .put("needs", CARD_SECRET)
        .put("tried", "the catalogue")
        .put("links", new JsonArray().add("https://example.org/maps"));
  }

  private static JsonObject claimedChat(String token, String name, String question) {
    var chat = gateway.startChat("ask", name, question);
    var claimed = gateway.post("/api/chats/" + chat.getLong("chatId") + "/claim", null, token);
    assertEquals(200, claimed.statusCode(), claimed::bodyAsString);
    return chat;
  }

  /** Sets the operator's presence over a socket of their own that stays open. */
  private static void status(String token, String status) {
    var socket =
        presenceSockets.computeIfAbsent(
            token, t -> BridgeClient.connect(gateway.vertx(), gateway.port()));
    var reply = socket.request("presence.set", new JsonObject().put("status", status), token);
    assertEquals("rec", reply.getString("type"), reply::encode);
  }

  private static BridgeClient listen(String address, String token) {
    var socket = gateway.listen(address, token);
    sockets.add(socket);
    return socket;
  }

  private static JsonObject patronSend(
      BridgeClient socket, String token, long chatId, String text) {
    return socket.request(
        "chat.send",
        new JsonObject()
            .put("chatId", chatId)
            .put("text", text)
            .put("clientMsgId", "c-" + UUID.randomUUID()),
        token);
  }

  private static JsonObject operatorSend(
      BridgeClient socket, String token, long chatId, String text) {
    return patronSend(socket, token, chatId, text);
  }

  private static List<JsonObject> events(long chatId, String token) {
    var response = gateway.get("/api/chats/" + chatId + "/events?after=0&limit=500", token);
    assertEquals(200, response.statusCode(), response::bodyAsString);
    return response.bodyAsJsonObject().getJsonArray("events").stream()
        .map(e -> (JsonObject) e)
        .toList();
  }

  private static void assertSeqWithoutGaps(List<JsonObject> events) {
    for (int i = 0; i < events.size(); i++) {
      assertEquals(i + 1, events.get(i).getInteger("seq"), "seq without gaps");
    }
  }

  private static long handoffsOf(long chatId) {
    return gateway.count("SELECT count(*) FROM chat_handoffs WHERE chat_id = $1", chatId);
  }

  private static String code(
      io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> response) {
    return response.bodyAsJsonObject().getJsonObject("error").getString("code");
  }

  private static long operatorId(String username) {
    return gateway
        .query("SELECT id FROM operators WHERE username = $1", username)
        .get(0)
        .getLong(0);
  }
}
