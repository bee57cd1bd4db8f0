package org.refdesk.platform.cluster;

import com.hazelcast.config.Config;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.refdesk.platform.config.RefdeskConfig;

/**
 * Builds Vert.x alone or as a member of a Hazelcast cluster. Members join over TCP/IP on the
 * configured addresses only: multicast and cloud discovery stay off, so nodes never find strangers
 * on the network.
 */
public final class Clustering {

  private static final String CLUSTER_NAME = "refdesk";

  private Clustering() {}

  public static Future<Vertx> build(
      VertxBuilder builder, VertxOptions options, RefdeskConfig.Cluster cluster) {
    if (!cluster.enabled()) {
      return Future.succeededFuture(builder.with(options).build());
    }
    options.setEventBusOptions(
        new EventBusOptions().setHost(cluster.host()).setPort(cluster.busPort()));
    return builder
        .with(options)
        .withClusterManager(new HazelcastClusterManager(hazelcast(cluster)))
        .buildClustered();
  }

  static Config hazelcast(RefdeskConfig.Cluster cluster) {
    // Vert.x's default file declares the maps and multimaps it needs; only the network is ours.
    var config = ConfigUtil.loadConfig();
    config.setClusterName(CLUSTER_NAME);
    config.setProperty("hazelcast.logging.type", "jdk");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    var network = config.getNetworkConfig();
    network.setPort(cluster.port()).setPortAutoIncrement(true);
    network.setPublicAddress(cluster.host() + ":" + cluster.port());
    network.getInterfaces().setEnabled(true).addInterface(cluster.host());
    var join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    var tcp = join.getTcpIpConfig().setEnabled(true);
    cluster.members().forEach(tcp::addMember);
    return config;
  }
}
