package org.refdesk.support;

import java.util.Map;
import org.refdesk.Refdesk;

/**
 * Two clustered gateway nodes on loopback sharing one database and Redis prefix: node A is a {@link
 * TestGateway} (with its helpers), node B a second node of the same cluster.
 */
public final class TwoNodes implements AutoCloseable {

  private final TestGateway nodeA;
  private final Refdesk nodeB;

  private TwoNodes(TestGateway nodeA, Refdesk nodeB) {
    this.nodeA = nodeA;
    this.nodeB = nodeB;
  }

  public static TwoNodes start() {
    int portA = TestGateway.freePort();
    int portB = TestGateway.freePort();
    var members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB;
    var nodeA = TestGateway.start(clusterEnv(portA, members));
    try {
      return new TwoNodes(nodeA, nodeA.startNode(clusterEnv(portB, members)));
    } catch (RuntimeException e) {
      nodeA.close();
      throw e;
    }
  }

  private static Map<String, String> clusterEnv(int clusterPort, String members) {
    return Map.of(
        "REFDESK_CLUSTER",
        "true",
        "REFDESK_CLUSTER_PORT",
        Integer.toString(clusterPort),
        "REFDESK_CLUSTER_MEMBERS",
        members);
  }

  public TestGateway nodeA() {
    return nodeA;
  }

  public Refdesk nodeB() {
    return nodeB;
  }

  /** Stops node B (a test may have stopped it already; stopping twice is harmless), then node A. */
  @Override
  public void close() {
    try {
      TestGateway.await(nodeB.stop());
    } finally {
      nodeA.close();
    }
  }
}
