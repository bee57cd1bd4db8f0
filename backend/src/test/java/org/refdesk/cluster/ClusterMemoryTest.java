package org.refdesk.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.Refdesk;
import org.refdesk.support.TestGateway;
import org.refdesk.support.TwoNodes;

@DisplayName("What each clustered node remembers follows changes made on the other")
class ClusterMemoryTest {

  private static TwoNodes nodes;
  private static TestGateway nodeA;
  private static Refdesk nodeB;
  private static WebClient toB;

  @BeforeAll
  static void start() {
    nodes = TwoNodes.start();
    nodeA = nodes.nodeA();
    nodeB = nodes.nodeB();
    // Several connections, so requests reach every HTTP event loop of node B.
    toB =
        WebClient.create(
            nodeA.vertx(),
            new WebClientOptions()
                .setDefaultHost("127.0.0.1")
                .setDefaultPort(nodeB.config().httpPort()),
            new PoolOptions().setHttp1MaxSize(8));
  }

  @AfterAll
  static void stop() {
    toB.close();
    nodes.close();
  }

  private static List<Integer> meOnB(String token) {
    var requests = new ArrayList<Future<HttpResponse<Buffer>>>();
    for (int i = 0; i < 16; i++) {
      requests.add(toB.get("/api/me").bearerTokenAuthentication(token).send());
    }
    TestGateway.await(Future.join(requests));
    return requests.stream().map(r -> r.result().statusCode()).distinct().toList();
  }

  @Test
  @DisplayName(
      "an operator disabled on node A is refused by node B, which remembered them, as soon as the event arrives")
  void disableReachesTheOtherNode() {
    var created =
        nodeA
            .post(
                "/api/admin/operators",
                new JsonObject()
                    .put("username", "hana")
                    .put("displayName", "Hana Sato")
                    .put("password", "a long enough password")
                    .put("role", "operator")
                    .put("queues", new JsonArray().add("ask")),
                nodeA.adminToken())
            .bodyAsJsonObject();
    var token = nodeA.login("hana", "a long enough password");
    assertEquals(List.of(200), meOnB(token));

    var disabled =
        nodeA.post(
            "/api/admin/operators/" + created.getLong("id") + "/disable",
            new JsonObject(),
            nodeA.adminToken());
    assertEquals(200, disabled.statusCode());

    // Well within the 30 seconds node B would otherwise trust what it remembers.
    nodeA.eventually(
        "node B refuses the disabled operator", () -> meOnB(token).equals(List.of(401)), 3000);
  }
}
