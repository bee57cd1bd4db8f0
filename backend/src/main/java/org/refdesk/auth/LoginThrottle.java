package org.refdesk.auth;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.List;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;
import org.refdesk.platform.redis.LuaScript;
import org.refdesk.platform.redis.RedisKeys;

/**
 * Slows password guessing: {@value #MAX_ATTEMPTS} sign-ins for one username from one address
 * without a success, then further attempts are refused until the window ends. Each attempt is
 * counted before its password is checked, in one atomic step, so guesses sent all at once cannot
 * slip past the count. Counted in Redis, so every node agrees.
 */
public final class LoginThrottle {

  static final int MAX_ATTEMPTS = 5;
  static final int WINDOW_SECONDS = 10 * 60;
  private static final LuaScript COUNT_ATTEMPT = LuaScript.load("count-in-window", 1);

  private final Redis redis;
  private final RedisKeys keys;

  public LoginThrottle(Redis redis, RedisKeys keys) {
    this.redis = redis;
    this.keys = keys;
  }

  /** Takes one attempt for this username and address; fails with 429 when none are left. */
  public Future<Void> reserve(String username, String ip) {
    var key = keys.loginAttempts(username, ip);
    return COUNT_ATTEMPT
        .run(redis, List.of(key), List.of(Integer.toString(WINDOW_SECONDS)))
        .compose(
            count -> {
              if (count.toInteger() <= MAX_ATTEMPTS) {
                return Future.succeededFuture();
              }
              return redis
                  .send(Request.cmd(Command.TTL).arg(key))
                  .compose(
                      ttl ->
                          Future.failedFuture(
                              new ApiException(
                                  ErrorCode.RATE_LIMITED,
                                  "Too many failed sign-ins. Try again in "
                                      + minutes(ttl == null ? WINDOW_SECONDS : ttl.toInteger())
                                      + ".")));
            });
  }

  /** A right password gives the attempts back. */
  public Future<Void> reset(String username, String ip) {
    return redis.send(Request.cmd(Command.DEL).arg(keys.loginAttempts(username, ip))).mapEmpty();
  }

  private static String minutes(int seconds) {
    int minutes = Math.max(1, (seconds + 59) / 60);
    return minutes == 1 ? "a minute" : minutes + " minutes";
  }
}
