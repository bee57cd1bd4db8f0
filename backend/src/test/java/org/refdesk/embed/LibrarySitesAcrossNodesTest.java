package org.refdesk.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.TestGateway;
import org.refdesk.support.TwoNodes;

@DisplayName("A site a library adds or removes on one node counts on every node within seconds")
class LibrarySitesAcrossNodesTest {

  private static final Logger log = Logger.getLogger(LibrarySitesAcrossNodesTest.class.getName());

  private static TwoNodes nodes;
  private static WebClient nodeB;

  @BeforeAll
  static void start() {
    nodes = TwoNodes.start();
    nodeB =
        WebClient.create(
            nodes.nodeA().vertx(),
            new WebClientOptions()
                .setDefaultHost("127.0.0.1")
                .setDefaultPort(nodes.nodeB().config().httpPort())
                .setKeepAlive(false));
  }

  @AfterAll
  static void stop() {
    nodeB.close();
    nodes.close();
  }

  /** On every event loop of node B: four answers in a row, each on a new connection. */
  private static boolean embeddableOnB(String origin, boolean expected) {
    for (int i = 0; i < 4; i++) {
      var answer =
          TestGateway.await(nodeB.get("/api/widget/queues/ask").putHeader("Origin", origin).send());
      if (answer.bodyAsJsonObject().getBoolean("embeddable") != expected) {
        return false;
      }
    }
    return true;
  }

  @Test
  @DisplayName("added on node A, node B lets the site in; removed on node A, node B refuses it")
  void acrossNodes() {
    var gateway = nodes.nodeA();
    var admin = gateway.adminToken();
    var site = "https://branch.across-nodes.example";
    assertEquals(true, embeddableOnB(site, false));

    long addedAt = System.nanoTime();
    var added =
        gateway.post("/api/admin/widget/sites", new JsonObject().put("origin", site), admin);
    assertEquals(201, added.statusCode(), added::bodyAsString);
    gateway.eventually("node B allows the site", () -> embeddableOnB(site, true), 10_000);
    log.info(
        "Node B allowed the added site after " + (System.nanoTime() - addedAt) / 1_000_000 + " ms");

    long removedAt = System.nanoTime();
    var removed =
        TestGateway.await(
            gateway
                .client()
                .delete(
                    "/api/admin/widget/sites?origin="
                        + URLEncoder.encode(site, StandardCharsets.UTF_8))
                .bearerTokenAuthentication(admin)
                .send());
    assertEquals(204, removed.statusCode());
    gateway.eventually("node B refuses the site again", () -> embeddableOnB(site, false), 10_000);
    log.info(
        "Node B refused the removed site after "
            + (System.nanoTime() - removedAt) / 1_000_000
            + " ms");
  }
}
