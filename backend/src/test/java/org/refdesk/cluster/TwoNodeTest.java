package org.refdesk.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.Refdesk;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.Probes;
import org.refdesk.support.TestGateway;
import org.refdesk.support.TwoNodes;

@DisplayName("Two clustered gateway nodes")
class TwoNodeTest {

  private static TwoNodes nodes;
  private static TestGateway nodeA;
  private static Refdesk nodeB;

  @BeforeAll
  static void start() {
    nodes = TwoNodes.start();
    nodeA = nodes.nodeA();
    nodeB = nodes.nodeB();
  }

  @AfterAll
  static void stop() {
    nodes.close();
  }

  private static JsonObject message(long chatId, String text, String id) {
    return new JsonObject().put("chatId", chatId).put("text", text).put("clientMsgId", id);
  }

  @Test
  @DisplayName(
      "a patron on node A and a librarian on node B chat; when A goes, the patron resumes on B and nothing is lost")
  void chatAcrossNodes() {
    int portB = nodeB.config().httpPort();
    long ask = nodeA.queueId("ask");
    var benToken = nodeA.librarianToken("ben");
    var acked = new ArrayList<Integer>();
    try (var ben = BridgeClient.connect(nodeA.vertx(), portB)) {
      ben.register("queue." + ask, benToken);
      awaitRegistered(ben, "queue." + ask);

      var started = nodeA.startChat("ask", "Noor", "Across the cluster?");
      long chatId = started.getLong("chatId");
      var patronToken = started.getString("token");
      assertEquals(
          chatId,
          ben.next("queue." + ask, 10_000).getJsonObject("body").getLong("chatId"),
          "the queue event published on A reaches the librarian's socket on B");
      var claim =
          TestGateway.await(
              nodeA
                  .client()
                  .post(portB, "127.0.0.1", "/api/chats/" + chatId + "/claim")
                  .bearerTokenAuthentication(benToken)
                  .send());
      assertEquals(200, claim.statusCode(), claim::bodyAsString);
      ben.register("chat." + chatId, benToken);
      awaitRegistered(ben, "chat." + chatId);

      int lastSeenByPatron;
      try (var patronOnA = BridgeClient.connect(nodeA.vertx(), nodeA.port())) {
        patronOnA.register("chat." + chatId, patronToken);
        nodeA.awaitRegistered(patronOnA, "chat." + chatId);
        for (int i = 0; i < 5; i++) {
          acked.add(
              patronOnA
                  .request("chat.send", message(chatId, "from A " + i, "pa-" + i), patronToken)
                  .getJsonObject("body")
                  .getInteger("seq"));
          acked.add(
              ben.request("chat.send", message(chatId, "from B " + i, "ob-" + i), benToken)
                  .getJsonObject("body")
                  .getInteger("seq"));
        }
        var heardOnB = new ArrayList<Integer>();
        while (heardOnB.size() < 5) {
          var event =
              ben.next(
                      "chat." + chatId,
                      b ->
                          "message".equals(b.getString("type"))
                              && "patron".equals(b.getJsonObject("from").getString("kind")),
                      10_000)
                  .getJsonObject("body");
          heardOnB.add(event.getInteger("seq"));
        }
        lastSeenByPatron = acked.get(acked.size() - 1);
      }

      // Node A goes away mid-conversation; the librarian keeps writing on B.
      TestGateway.await(nodeA.refdesk().stop());
      for (int i = 5; i < 8; i++) {
        acked.add(
            ben.request("chat.send", message(chatId, "from B " + i, "ob-" + i), benToken)
                .getJsonObject("body")
                .getInteger("seq"));
      }

      // The patron's client reconnects to B, resumes after what it saw, and goes on.
      try (var patronOnB = BridgeClient.connect(nodeA.vertx(), portB)) {
        patronOnB.register("chat." + chatId, patronToken);
        awaitRegistered(patronOnB, "chat." + chatId);
        var missed =
            TestGateway.await(
                    nodeA
                        .client()
                        .get(
                            portB,
                            "127.0.0.1",
                            "/api/chats/" + chatId + "/events?after=" + lastSeenByPatron)
                        .bearerTokenAuthentication(patronToken)
                        .send())
                .bodyAsJsonObject()
                .getJsonArray("events");
        var missedSeqs = missed.stream().map(e -> ((JsonObject) e).getInteger("seq")).toList();
        assertEquals(
            acked.subList(acked.size() - 3, acked.size()),
            missedSeqs,
            "exactly what was missed, in order");
        acked.add(
            patronOnB
                .request("chat.send", message(chatId, "back on B", "pb-1"), patronToken)
                .getJsonObject("body")
                .getInteger("seq"));
      }

      // The oracle: every acknowledged message is stored once, numbers run without a gap.
      var stored =
          nodeA
              .query("SELECT seq FROM chat_events WHERE chat_id = $1 ORDER BY seq", chatId)
              .stream()
              .map(r -> r.getInteger(0))
              .toList();
      var expected = new ArrayList<Integer>();
      for (int seq = 1; seq <= stored.size(); seq++) {
        expected.add(seq);
      }
      assertEquals(expected, stored, "no gap, no duplicate");
      assertEquals(
          List.copyOf(acked), acked.stream().distinct().toList(), "no seq acknowledged twice");
      acked.forEach(seq -> assertEquals(true, stored.contains(seq), "acked but missing: " + seq));
      assertEquals(
          acked.size(),
          nodeA.count(
              "SELECT count(*) FROM chat_events WHERE chat_id = $1 AND client_msg_id IS NOT NULL",
              chatId));
    }
  }

  /** Registration on node B, probed through node B's own bus. */
  private static void awaitRegistered(BridgeClient client, String address) {
    Probes.awaitRegistered(nodeB.vertx().eventBus(), client, address, 10_000);
  }
}
