package org.refdesk.surge;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.List;
import java.util.Optional;
import org.refdesk.platform.redis.LuaScript;
import org.refdesk.platform.redis.RedisKeys;

/** The library's last calls for help and its recent arrivals, in Redis. */
final class SurgeState {

  private static final LuaScript COUNT_ARRIVALS = LuaScript.load("count-arrivals", 2);

  private final Redis redis;
  private final RedisKeys keys;

  SurgeState(Redis redis, RedisKeys keys) {
    this.redis = redis;
    this.keys = keys;
  }

  /**
   * Takes the library's turn to call for help: one {@code SET NX} decides between callers on any
   * node. Answers empty when it was taken, else when the earlier call went out (epoch ms).
   */
  Future<Optional<Long>> takeTurn(long libraryId, long nowMs) {
    var key = keys.surgePaged(libraryId);
    return redis
        .batch(
            List.of(
                Request.cmd(Command.SET)
                    .arg(key)
                    .arg(nowMs)
                    .arg("NX")
                    .arg("EX")
                    .arg(SurgeLimits.PAGE_PAUSE_SECONDS),
                Request.cmd(Command.GET).arg(key)))
        .map(
            replies -> {
              if (replies.get(0) != null) {
                return Optional.<Long>empty();
              }
              var earlier = replies.get(1);
              return Optional.of(earlier == null ? nowMs : earlier.toLong());
            });
  }

  /**
   * Counts one arrival; answers how many arrived in the window when this arrival is the one that
   * calls for help (at most once per window per library, whichever node runs first), else 0.
   */
  Future<Integer> arrived(
      long libraryId,
      long chatId,
      long arrivalMs,
      long windowSeconds,
      long threshold,
      boolean shortOfHands,
      long nowMs) {
    return COUNT_ARRIVALS
        .run(
            redis,
            List.of(keys.surgeArrivals(libraryId), keys.surgeAutomatic(libraryId)),
            List.of(
                Long.toString(chatId),
                Long.toString(arrivalMs),
                Long.toString(windowSeconds),
                Long.toString(threshold),
                shortOfHands ? "1" : "0",
                Long.toString(nowMs)))
        .map(reply -> reply.toInteger());
  }
}
