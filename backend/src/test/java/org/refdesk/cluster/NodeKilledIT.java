package org.refdesk.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.BridgeClient;
import org.refdesk.support.TestGateway;

@DisplayName("A gateway node killed with kill -9 mid-conversation")
class NodeKilledIT {

  private static JsonObject message(long chatId, String text, String id) {
    return new JsonObject().put("chatId", chatId).put("text", text).put("clientMsgId", id);
  }

  @Test
  @DisplayName(
      "the patron's client moves to the other node, resumes by sequence, resends what was not acknowledged; nothing lost or doubled")
  void killNine() throws Exception {
    int hazelcastA = TestGateway.freePort();
    int hazelcastB = TestGateway.freePort();
    var members = "127.0.0.1:" + hazelcastA + ",127.0.0.1:" + hazelcastB;
    try (var nodeB =
        TestGateway.start(
            Map.of(
                "REFDESK_CLUSTER",
                "true",
                "REFDESK_CLUSTER_PORT",
                Integer.toString(hazelcastB),
                "REFDESK_CLUSTER_MEMBERS",
                members))) {
      int httpA = TestGateway.freePort();
      var nodeA = startProcess(nodeB, httpA, hazelcastA, members);
      try {
        var ben = nodeB.librarianToken("ben");
        var started = nodeB.startChat("ask", "Ira", "Will this survive a crash?");
        long chatId = started.getLong("chatId");
        var patronToken = started.getString("token");
        assertEquals(
            200, nodeB.post("/api/chats/" + chatId + "/claim", new JsonObject(), ben).statusCode());
        var acked = new ArrayList<Integer>();
        int lastSeenByPatron = 0;
        try (var librarian = BridgeClient.connect(nodeB.vertx(), nodeB.port())) {
          try (var patronOnA = BridgeClient.connect(nodeB.vertx(), httpA)) {
            patronOnA.register("chat." + chatId, patronToken);
            nodeB.awaitRegistered(patronOnA, "chat." + chatId);
            for (int i = 0; i < 10; i++) {
              var reply =
                  patronOnA.request(
                      "chat.send", message(chatId, "patron " + i, "pa-" + i), patronToken);
              acked.add(reply.getJsonObject("body").getInteger("seq"));
              acked.add(
                  librarian
                      .request("chat.send", message(chatId, "librarian " + i, "lb-" + i), ben)
                      .getJsonObject("body")
                      .getInteger("seq"));
            }
            lastSeenByPatron = acked.get(acked.size() - 1);
            // The last message goes out and the node dies before anyone can know whether it was
            // stored.
            patronOnA.frame(
                new JsonObject()
                    .put("type", "send")
                    .put("address", "chat.send")
                    .put("body", message(chatId, "sent as the node died", "pa-last"))
                    .put("headers", new JsonObject().put("token", patronToken))
                    .put("replyAddress", UUID.randomUUID().toString()));
            nodeA.destroyForcibly();
            assertTrue(nodeA.waitFor(30, TimeUnit.SECONDS));
          }
          for (int i = 10; i < 13; i++) {
            acked.add(
                librarian
                    .request("chat.send", message(chatId, "librarian " + i, "lb-" + i), ben)
                    .getJsonObject("body")
                    .getInteger("seq"));
          }
        }

        try (var patronOnB = BridgeClient.connect(nodeB.vertx(), nodeB.port())) {
          patronOnB.register("chat." + chatId, patronToken);
          nodeB.awaitRegistered(patronOnB, "chat." + chatId);
          var missed =
              nodeB
                  .get("/api/chats/" + chatId + "/events?after=" + lastSeenByPatron, patronToken)
                  .bodyAsJsonObject()
                  .getJsonArray("events");
          var missedLibrarian =
              missed.stream()
                  .map(e -> (JsonObject) e)
                  .filter(e -> "operator".equals(e.getJsonObject("from").getString("kind")))
                  .map(e -> e.getInteger("seq"))
                  .toList();
          assertEquals(
              acked.subList(acked.size() - 3, acked.size()),
              missedLibrarian,
              "every missed answer, in order");
          var resent =
              patronOnB.request(
                  "chat.send", message(chatId, "sent as the node died", "pa-last"), patronToken);
          assertEquals("rec", resent.getString("type"), resent::encode);
          acked.add(resent.getJsonObject("body").getInteger("seq"));
        }

        var stored =
            nodeB
                .query("SELECT seq FROM chat_events WHERE chat_id = $1 ORDER BY seq", chatId)
                .stream()
                .map(r -> r.getInteger(0))
                .toList();
        var expected = new ArrayList<Integer>();
        for (int seq = 1; seq <= stored.size(); seq++) {
          expected.add(seq);
        }
        long missing = acked.stream().filter(seq -> !stored.contains(seq)).count();
        long duplicates =
            nodeB.count(
                "SELECT count(*) - count(DISTINCT body) FROM chat_events WHERE chat_id = $1 AND client_msg_id IS NOT NULL",
                chatId);
        long lastOnce =
            nodeB.count(
                "SELECT count(*) FROM chat_events WHERE chat_id = $1 AND client_msg_id = 'pa-last'",
                chatId);
        System.out.printf(
            "kill -9 oracle: acked %d, acked-but-missing %d, duplicates %d, gaps %d, resent stored %d time(s)%n",
            acked.size(), missing, duplicates, expected.equals(stored) ? 0 : 1, lastOnce);
        assertEquals(expected, stored, "no gap");
        assertEquals(0, missing, "nothing acknowledged is missing");
        assertEquals(0, duplicates, "nothing stored twice");
        assertEquals(1, lastOnce, "the unacknowledged message, resent, is stored exactly once");
      } finally {
        nodeA.destroyForcibly();
      }
    }
  }

  private static Process startProcess(
      TestGateway other, int httpPort, int hazelcastPort, String members) throws Exception {
    var jar = Path.of(System.getProperty("refdesk.jar", "target/refdesk.jar")).toAbsolutePath();
    var builder =
        new ProcessBuilder("java", "-Xmx256m", "-jar", jar.toString())
            .directory(Files.createTempDirectory("refdesk-node-a").toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("REFDESK_"));
    builder
        .environment()
        .putAll(
            Map.of(
                "REFDESK_HTTP_PORT", Integer.toString(httpPort),
                "REFDESK_HTTP_HOST", "127.0.0.1",
                "REFDESK_PG_URL", other.pgUrl(),
                "REFDESK_REDIS_URL", other.refdesk().config().redisUrl().orElseThrow(),
                "REFDESK_REDIS_PREFIX", other.redisPrefix(),
                "REFDESK_CLUSTER", "true",
                "REFDESK_CLUSTER_PORT", Integer.toString(hazelcastPort),
                "REFDESK_CLUSTER_MEMBERS", members,
                "REFDESK_LOG_LEVEL", "WARN"));
    builder.redirectErrorStream(true);
    var process = builder.start();
    var up = new CompletableFuture<Void>();
    var output = new ArrayList<String>();
    var reader =
        new Thread(
            () -> {
              try (var lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  synchronized (output) {
                    output.add(line);
                  }
                  if (line.contains("Refdesk is running")) {
                    up.complete(null);
                  }
                }
                up.completeExceptionally(new IllegalStateException("node A exited: " + output));
              } catch (Exception e) {
                up.completeExceptionally(e);
              }
            });
    reader.setDaemon(true);
    reader.start();
    up.get(120, TimeUnit.SECONDS);
    return process;
  }
}
