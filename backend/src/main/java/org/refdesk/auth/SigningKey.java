package org.refdesk.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The key that signs tokens. A configured key wins; otherwise one is generated on the first start
 * and kept in Postgres, so a restart logs nobody out and every node of a cluster signs alike.
 */
public final class SigningKey {

  private static final String NAME = "jwt-signing-key";

  private static final String INSERT_IF_ABSENT =
      """
      INSERT INTO gateway_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING
      """;

  private static final String SELECT =
      """
      SELECT value FROM gateway_secrets WHERE name = $1
      """;

  private SigningKey() {}

  public static Future<String> load(Pool pool, Optional<String> configured) {
    if (configured.isPresent()) {
      if (configured.get().length() < 32) {
        return Future.failedFuture(
            new IllegalArgumentException("REFDESK_JWT_SECRET must be at least 32 characters"));
      }
      return Future.succeededFuture(configured.get());
    }
    var bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    var candidate = Base64.getEncoder().encodeToString(bytes);
    return pool.preparedQuery(INSERT_IF_ABSENT)
        .execute(Tuple.of(NAME, candidate))
        .compose(v -> pool.preparedQuery(SELECT).execute(Tuple.of(NAME)))
        .map(rows -> rows.iterator().next().getString("value"));
  }
}
