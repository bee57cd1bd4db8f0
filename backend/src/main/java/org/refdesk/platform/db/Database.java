package org.refdesk.platform.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.flywaydb.core.Flyway;
import org.refdesk.platform.config.RefdeskConfig;

/** Opens the Postgres pool and applies the Flyway migrations. */
public final class Database {

  private static final String SHARED_POOL = "refdesk-pg";

  private Database() {}

  /**
   * One pool per Vert.x instance, shared by every verticle. Small on purpose: commits are the
   * ceiling, and more connections only make each commit wait longer (see DESIGN.md).
   */
  public static Pool pool(Vertx vertx, String pgUrl, int maxSize) {
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(maxSize).setShared(true).setName(SHARED_POOL))
        .connectingTo(PgConnectOptions.fromUri(pgUrl))
        .using(vertx)
        .build();
  }

  /** The shared pool of the configured database, as every verticle opens it. */
  public static Pool pool(Vertx vertx, RefdeskConfig config) {
    return pool(vertx, config.pgUrl().orElseThrow(), config.pgPoolSize());
  }

  /** Flyway speaks JDBC and blocks, so it runs on a worker thread. */
  public static Future<Integer> migrate(Vertx vertx, String pgUrl) {
    return vertx.executeBlocking(
        () -> {
          var options = PgConnectOptions.fromUri(pgUrl);
          var jdbcUrl =
              "jdbc:postgresql://"
                  + options.getHost()
                  + ":"
                  + options.getPort()
                  + "/"
                  + options.getDatabase();
          var result =
              Flyway.configure()
                  .dataSource(jdbcUrl, options.getUser(), options.getPassword())
                  .locations("classpath:db/migration")
                  .load()
                  .migrate();
          return result.migrationsExecuted;
        },
        false);
  }
}
