package org.refdesk.auth;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.List;
import org.refdesk.error.ApiException;
import org.refdesk.error.ErrorCode;
import org.refdesk.redis.LuaScript;
import org.refdesk.redis.RedisKeys;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} failed logins for one username from one address,
 * further attempts are refused until the window ends. Counted in Redis, so every node agrees.
 */
public final class LoginThrottle {

  static final int MAX_FAILURES = 5;
  static final int WINDOW_SECONDS = 10 * 60;
  private static final LuaScript COUNT_FAILURE = LuaScript.load("count-in-window", 1);

  private final Redis redis;
  private final RedisKeys keys;

  public LoginThrottle(Redis redis, RedisKeys keys) {
    this.redis = redis;
    this.keys = keys;
  }

  /** Fails with 429 when this username and address have used up their attempts. */
  public Future<Void> check(String username, String ip) {
    var key = keys.loginFailures(username, ip);
    return redis.send(Request.cmd(Command.GET).arg(key)).compose(count -> {
      if (count != null && count.toInteger() >= MAX_FAILURES) {
        return redis.send(Request.cmd(Command.TTL).arg(key)).compose(ttl -> Future.failedFuture(new ApiException(
            ErrorCode.RATE_LIMITED,
            "Too many failed sign-ins. Try again in " + minutes(ttl == null ? WINDOW_SECONDS : ttl.toInteger()) + ".")));
      }
      return Future.succeededFuture();
    });
  }

  public Future<Void> recordFailure(String username, String ip) {
    return COUNT_FAILURE.run(redis, List.of(keys.loginFailures(username, ip)), List.of(Integer.toString(WINDOW_SECONDS)))
        .mapEmpty();
  }

  public Future<Void> reset(String username, String ip) {
    return redis.send(Request.cmd(Command.DEL).arg(keys.loginFailures(username, ip))).mapEmpty();
  }

  private static String minutes(int seconds) {
    int minutes = Math.max(1, (seconds + 59) / 60);
    return minutes == 1 ? "a minute" : minutes + " minutes";
  }
}
