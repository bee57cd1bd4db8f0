package org.refdesk;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.sqlclient.Pool;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.refdesk.auth.Passwords;
import org.refdesk.auth.SigningKey;
import org.refdesk.platform.cluster.Clustering;
import org.refdesk.platform.config.RefdeskConfig;
import org.refdesk.platform.db.Database;
import org.refdesk.platform.gateway.HttpVerticle;
import org.refdesk.platform.metrics.RefdeskMetrics;
import org.refdesk.platform.web.OwnFiles;
import org.refdesk.seed.DemoLibrary;
import org.refdesk.seed.DemoLibrary.Seeded;

/**
 * A running gateway: migrates the schema, seeds a first-run library, loads the signing key and
 * deploys the verticles. {@link Main} uses it as the product; tests start one per test class.
 */
public final class Refdesk {

  private final Vertx vertx;
  private final RefdeskConfig config;
  private final String signingKey;
  private final Optional<Seeded> seeded;

  private Refdesk(Vertx vertx, RefdeskConfig config, String signingKey, Optional<Seeded> seeded) {
    this.vertx = vertx;
    this.config = config;
    this.signingKey = signingKey;
    this.seeded = seeded;
  }

  /** Starts on a new Vert.x instance; the config must name Postgres and Redis. */
  public static Future<Refdesk> start(RefdeskConfig config) {
    var metrics = new RefdeskMetrics();
    var builder = Vertx.builder().withMetrics(metrics.vertxMetricsFactory());
    var options = new VertxOptions().setMetricsOptions(RefdeskMetrics.vertxMetricsOptions());
    return Clustering.build(builder, options, config.cluster())
        .compose(vertx -> start(vertx, config, metrics));
  }

  private static Future<Refdesk> start(Vertx vertx, RefdeskConfig config, RefdeskMetrics metrics) {
    var pgUrl = config.pgUrl().orElseThrow(() -> new IllegalArgumentException("no Postgres URL"));
    Pool pool = Database.pool(vertx, pgUrl, config.pgPoolSize());
    return Database.migrate(vertx, pgUrl)
        .compose(migrated -> SigningKey.load(pool, config.jwtSecret()))
        .compose(
            key ->
                new DemoLibrary(pool, new Passwords(vertx))
                    .seedIfEmpty(config.adminPassword())
                    .compose(
                        seeded ->
                            deploy(vertx, config, key, metrics)
                                .map(v -> new Refdesk(vertx, config, key, seeded))))
        .eventually(pool::close)
        // Closing Vert.x ends the event loops this future would report on, so report first.
        .onFailure(failure -> vertx.close());
  }

  /**
   * The features' verticles first, so that the HTTP server opens only when everything behind it
   * answers.
   */
  private static Future<Void> deploy(
      Vertx vertx, RefdeskConfig config, String signingKey, RefdeskMetrics metrics) {
    var features = Features.all();
    var services =
        features.stream()
            .flatMap(feature -> feature.verticles(config, metrics).stream())
            .map(verticle -> vertx.deployVerticle(verticle, new DeploymentOptions()))
            .toList();
    // The front end is read once per node, not once per HTTP instance.
    var ownFiles = OwnFiles.load(vertx);
    var nodeShared = new ConcurrentHashMap<Class<?>, Object>();
    return Future.all(services)
        .compose(deployed -> ownFiles)
        .compose(
            files ->
                vertx.deployVerticle(
                    () ->
                        new HttpVerticle(config, signingKey, metrics, files, features, nodeShared),
                    new DeploymentOptions().setInstances(config.httpInstances())))
        .mapEmpty();
  }

  public RefdeskConfig config() {
    return config;
  }

  public Vertx vertx() {
    return vertx;
  }

  /** The key tokens are signed with; tests use it to forge expired and foreign tokens. */
  public String signingKey() {
    return signingKey;
  }

  /** What a first run created, with generated passwords; empty on later runs. */
  public Optional<Seeded> seeded() {
    return seeded;
  }

  /** Undeploys everything; the HTTP server lets requests in flight finish first. */
  public Future<Void> stop() {
    return vertx.close();
  }
}
