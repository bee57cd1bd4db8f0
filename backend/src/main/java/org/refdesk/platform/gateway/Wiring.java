package org.refdesk.platform.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.refdesk.platform.bus.Identity;
import org.refdesk.platform.config.RefdeskConfig;
import org.refdesk.platform.metrics.RefdeskMetrics;
import org.refdesk.platform.redis.RedisKeys;
import org.refdesk.platform.web.ClientAddress;
import org.refdesk.platform.web.OriginCheck;

/**
 * What the features of one HTTP instance are built from: the clients of its event loop, the node's
 * configuration, and one object of each kind, built the first time a feature asks for it. Used on
 * its event loop only, while the instance starts.
 */
public final class Wiring {

  private final Vertx vertx;
  private final RefdeskConfig config;
  private final RefdeskMetrics metrics;
  private final String signingKey;
  private final Pool pool;
  private final Redis redis;
  private final RedisKeys keys;
  private final ClientAddress clientAddress;
  private final OriginCheck originCheck;
  private final List<Feature> features;
  private final ConcurrentMap<Class<?>, Object> nodeShared;
  private final Map<Class<?>, Object> built = new HashMap<>();
  private final List<Future<?>> listening = new ArrayList<>();
  private Supplier<Collection<Identity>> openSockets = List::of;

  /** {@code nodeShared} is one map for all HTTP instances of the node. */
  public Wiring(
      Vertx vertx,
      RefdeskConfig config,
      RefdeskMetrics metrics,
      String signingKey,
      Pool pool,
      Redis redis,
      ClientAddress clientAddress,
      OriginCheck originCheck,
      List<Feature> features,
      ConcurrentMap<Class<?>, Object> nodeShared) {
    this.vertx = vertx;
    this.config = config;
    this.metrics = metrics;
    this.signingKey = signingKey;
    this.pool = pool;
    this.redis = redis;
    this.keys = new RedisKeys(config.redisPrefix());
    this.clientAddress = clientAddress;
    this.originCheck = originCheck;
    this.features = features;
    this.nodeShared = nodeShared;
  }

  /** The one object of this type on this event loop, built by {@code make} the first time. */
  public <T> T once(Class<T> type, Supplier<T> make) {
    var existing = built.get(type);
    if (existing != null) {
      return type.cast(existing);
    }
    var made = make.get();
    built.put(type, made);
    return made;
  }

  /**
   * The one object of this type on this node, shared by its HTTP instances: it must be safe across
   * threads.
   */
  public <T> T onNode(Class<T> type, Supplier<T> make) {
    return type.cast(nodeShared.computeIfAbsent(type, t -> make.get()));
  }

  /** Every policy of this type that the features implement, in registry order. */
  public <T> List<T> policies(Class<T> type) {
    var found = new ArrayList<T>();
    for (var feature : features) {
      feature.policies(this).stream().filter(type::isInstance).map(type::cast).forEach(found::add);
    }
    return found;
  }

  /** The single policy of this type; a registry without exactly one is a wiring mistake. */
  public <T> T policy(Class<T> type) {
    var found = policies(type);
    if (found.size() != 1) {
      throw new IllegalStateException(
          found.size() + " features implement " + type.getSimpleName() + "; exactly one must");
    }
    return found.get(0);
  }

  /**
   * A consumer that must be listening before the first request, such as one that keeps a cache
   * current.
   */
  public void listenFirst(Future<?> registered) {
    listening.add(registered);
  }

  /** Completes once every consumer named by {@link #listenFirst} is listening. */
  public Future<Void> allListening() {
    return Future.all(List.copyOf(listening)).mapEmpty();
  }

  /** The identities this event loop's bridge sockets have proved; read on this event loop only. */
  public Collection<Identity> openSockets() {
    return openSockets.get();
  }

  public void openSocketsFrom(Supplier<Collection<Identity>> sockets) {
    this.openSockets = sockets;
  }

  public Vertx vertx() {
    return vertx;
  }

  public RefdeskConfig config() {
    return config;
  }

  public RefdeskMetrics metrics() {
    return metrics;
  }

  public String signingKey() {
    return signingKey;
  }

  public Pool pool() {
    return pool;
  }

  public Redis redis() {
    return redis;
  }

  public RedisKeys keys() {
    return keys;
  }

  public ClientAddress clientAddress() {
    return clientAddress;
  }

  public OriginCheck originCheck() {
    return originCheck;
  }
}
