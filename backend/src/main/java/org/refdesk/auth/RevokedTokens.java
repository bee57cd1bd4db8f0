package org.refdesk.auth;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Operator tokens revoked by signing out, until they would expire anyway. Postgres holds the list,
 * so a restarted node and a restarted Redis forget nothing; each event loop also remembers what it
 * heard on the bus, so a token it had already verified is refused from the next request on without
 * a query.
 */
public final class RevokedTokens {

  private final Pool pool;

  /** Token id to its expiry in epoch milliseconds; confined to the owning event loop. */
  private final Map<String, Long> heard = new HashMap<>();

  public RevokedTokens(Pool pool) {
    this.pool = pool;
  }

  /** Revokes the token everywhere: the row first, then the event every node acts on. */
  public Future<Void> revoke(EventBus bus, Tokens.VerifiedToken token) {
    var expires =
        OffsetDateTime.ofInstant(Instant.ofEpochMilli(token.expiresAtMs()), ZoneOffset.UTC);
    return pool.preparedQuery(RevokedTokensSql.INSERT)
        .execute(Tuple.of(token.tokenId(), token.subjectId(), expires))
        .compose(inserted -> pool.query(RevokedTokensSql.DELETE_EXPIRED).execute())
        .onSuccess(
            v ->
                bus.publish(
                    AuthAddresses.TOKEN_REVOKED,
                    new JsonObject()
                        .put("tokenId", token.tokenId())
                        .put("expiresAt", token.expiresAtMs())))
        .mapEmpty();
  }

  /** Asked once per token and event loop, when the token is first verified here. */
  Future<Boolean> isRevoked(String tokenId) {
    if (isKnownRevoked(tokenId)) {
      return Future.succeededFuture(true);
    }
    return pool.preparedQuery(RevokedTokensSql.EXISTS)
        .execute(Tuple.of(tokenId))
        .map(rows -> rows.iterator().next().getBoolean("revoked"));
  }

  /** From memory only: what this event loop heard since it started. */
  public boolean isKnownRevoked(String tokenId) {
    return !heard.isEmpty() && heard.containsKey(tokenId);
  }

  /** Listens, on the calling verticle's event loop, for sign-outs anywhere in the cluster. */
  public Future<Void> listen(EventBus bus) {
    return bus.<JsonObject>consumer(
            AuthAddresses.TOKEN_REVOKED,
            message -> {
              var tokenId = message.body().getString("tokenId");
              var expiresAt = message.body().getLong("expiresAt");
              if (tokenId != null && expiresAt != null) {
                long now = System.currentTimeMillis();
                heard.values().removeIf(expiry -> expiry < now);
                heard.put(tokenId, expiresAt);
              }
            })
        .completion();
  }
}
