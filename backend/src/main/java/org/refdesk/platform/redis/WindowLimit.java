package org.refdesk.platform.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import java.util.List;
import java.util.function.Supplier;
import org.refdesk.platform.errors.ApiException;

/**
 * How many times a key was counted in a window of seconds, in Redis, and a refusal past a limit. A
 * guard, not a gate: when Redis is away nothing is refused, so a patron is never turned away for
 * it.
 */
public final class WindowLimit {

  private static final LuaScript COUNT_IN_WINDOW = LuaScript.load("count-in-window", 1);

  private WindowLimit() {}

  /**
   * Counts one more for {@code key}; fails with {@code refusal} once the window holds more than
   * {@code limit}.
   */
  public static Future<Void> count(
      Redis redis, String key, int windowSeconds, int limit, Supplier<ApiException> refusal) {
    return COUNT_IN_WINDOW
        .run(redis, List.of(key), List.of(Integer.toString(windowSeconds)))
        .compose(
            count ->
                count.toInteger() > limit
                    ? Future.failedFuture(refusal.get())
                    : Future.<Void>succeededFuture(),
            redisDown -> Future.succeededFuture());
  }
}
