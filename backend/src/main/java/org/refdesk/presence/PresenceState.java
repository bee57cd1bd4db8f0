package org.refdesk.presence;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.refdesk.platform.redis.LuaScript;
import org.refdesk.platform.redis.RedisKeys;

/**
 * Operators' statuses in Redis. Presence is never stored in Postgres: after Redis loses it, each
 * operator's next heartbeat brings it back.
 */
public final class PresenceState {

  public static final String ONLINE = "online";
  public static final String INTERNAL = "internal";
  public static final String AWAY = "away";
  public static final String OFFLINE = "offline";
  public static final Set<String> STATUSES = Set.of(ONLINE, INTERNAL, AWAY, OFFLINE);

  private static final LuaScript LAPSE = LuaScript.load("lapse-presence", 2);
  private static final LuaScript PAUSE = LuaScript.load("pause-presence", 3);
  private static final LuaScript HEARTBEAT = LuaScript.load("heartbeat", 3);

  private final Redis redis;
  private final RedisKeys keys;

  public PresenceState(Redis redis, RedisKeys keys) {
    this.redis = redis;
    this.keys = keys;
  }

  /** Sets the status and answers the one before it (offline when there was none). */
  public Future<String> set(long libraryId, long operatorId, String status, long nowMs) {
    var member = libraryId + ":" + operatorId;
    var previous = Request.cmd(Command.HGET).arg(keys.presence(libraryId)).arg(operatorId);
    // A status chosen now replaces the one a pause kept aside.
    var unpause = Request.cmd(Command.DEL).arg(keys.presencePaused(libraryId, operatorId));
    var change =
        OFFLINE.equals(status)
            ? List.of(
                previous,
                Request.cmd(Command.HDEL).arg(keys.presence(libraryId)).arg(operatorId),
                Request.cmd(Command.ZREM).arg(keys.presenceSeen()).arg(member),
                unpause)
            : List.of(
                previous,
                Request.cmd(Command.HSET).arg(keys.presence(libraryId)).arg(operatorId).arg(status),
                Request.cmd(Command.ZADD).arg(keys.presenceSeen()).arg(nowMs).arg(member),
                unpause);
    return redis
        .batch(change)
        .map(replies -> replies.get(0) == null ? OFFLINE : replies.get(0).toString());
  }

  /**
   * Refreshes the heartbeat. After a pause it gives back the status the operator had chosen; when
   * Redis does not know the operator it restores the chosen status, or else {@code claimed} (null
   * for none), as after Redis lost its data.
   */
  public Future<Beat> heartbeat(long libraryId, long operatorId, String claimed, long nowMs) {
    return HEARTBEAT
        .run(
            redis,
            List.of(
                keys.presenceSeen(),
                keys.presence(libraryId),
                keys.presencePaused(libraryId, operatorId)),
            List.of(
                libraryId + ":" + operatorId,
                Long.toString(nowMs),
                Long.toString(operatorId),
                claimed == null ? "" : claimed))
        .map(
            reply -> {
              var since = reply.get(2).toString();
              return new Beat(
                  reply.get(0).toString(),
                  reply.get(1).toString(),
                  since.isEmpty() ? null : Long.parseLong(since));
            });
  }

  public Future<Map<Long, String>> statuses(long libraryId) {
    return redis
        .send(Request.cmd(Command.HGETALL).arg(keys.presence(libraryId)))
        .map(
            reply -> {
              var statuses = new HashMap<Long, String>();
              if (reply != null) {
                for (var key : reply.getKeys()) {
                  statuses.put(Long.parseLong(key), reply.get(key).toString());
                }
              }
              return statuses;
            });
  }

  /** When each of these operators' apps last said they were open, in epoch ms; null: not on. */
  public Future<List<Long>> lastSeen(long libraryId, List<Long> operatorIds) {
    if (operatorIds.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    var request = Request.cmd(Command.ZMSCORE).arg(keys.presenceSeen());
    operatorIds.forEach(id -> request.arg(libraryId + ":" + id));
    return redis
        .send(request)
        .map(
            reply -> {
              var seen = new ArrayList<Long>();
              for (int i = 0; i < operatorIds.size(); i++) {
                var score = reply == null ? null : reply.get(i);
                seen.add(score == null ? null : (long) Double.parseDouble(score.toString()));
              }
              return seen;
            });
  }

  /**
   * Operators whose last heartbeat is older than the gap's cut-off and who are not paused yet, each
   * shown as away by a script that checks again, so a pause is announced once however many nodes
   * sweep. Answers those whose colleagues now see them away.
   */
  public Future<List<Lapsed>> pauseSilent(long cutoffMs) {
    return silentSince(cutoffMs)
        .compose(
            candidates -> {
              var pauses =
                  candidates.stream()
                      .map(
                          c ->
                              PAUSE
                                  .run(
                                      redis,
                                      List.of(
                                          keys.presenceSeen(),
                                          keys.presence(c.libraryId()),
                                          keys.presencePaused(c.libraryId(), c.operatorId())),
                                      List.of(
                                          c.libraryId() + ":" + c.operatorId(),
                                          Long.toString(cutoffMs),
                                          Long.toString(c.operatorId()),
                                          Long.toString(PresenceLimits.PAUSE_REMEMBERED_SECONDS)))
                                  .map(reply -> reply.toInteger() == 1))
                      .toList();
              return Future.all(pauses).map(done -> kept(candidates, pauses));
            });
  }

  private Future<List<Lapsed>> silentSince(long cutoffMs) {
    return redis
        .send(
            Request.cmd(Command.ZRANGEBYSCORE)
                .arg(keys.presenceSeen())
                .arg("-inf")
                .arg(cutoffMs)
                .arg("LIMIT")
                .arg(0)
                .arg(500))
        .map(
            reply -> {
              var candidates = new ArrayList<Lapsed>();
              reply.forEach(
                  member -> {
                    var parts = member.toString().split(":");
                    candidates.add(new Lapsed(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
                  });
              return candidates;
            });
  }

  private static List<Lapsed> kept(List<Lapsed> candidates, List<Future<Boolean>> verdicts) {
    var kept = new ArrayList<Lapsed>();
    for (int i = 0; i < candidates.size(); i++) {
      if (verdicts.get(i).result()) {
        kept.add(candidates.get(i));
      }
    }
    return kept;
  }

  /**
   * Operators whose last heartbeat is older than the cut-off, each removed by a script that checks
   * the heartbeat again, so a lapse is announced once however many nodes sweep.
   */
  public Future<List<Lapsed>> sweep(long cutoffMs) {
    return silentSince(cutoffMs)
        .compose(
            candidates -> {
              var removals = candidates.stream().map(c -> removeIfStill(c, cutoffMs)).toList();
              return Future.all(removals).map(done -> kept(candidates, removals));
            });
  }

  private Future<Boolean> removeIfStill(Lapsed lapsed, long cutoffMs) {
    return LAPSE
        .run(
            redis,
            List.of(keys.presenceSeen(), keys.presence(lapsed.libraryId())),
            List.of(
                lapsed.libraryId() + ":" + lapsed.operatorId(),
                Long.toString(cutoffMs),
                Long.toString(lapsed.operatorId())))
        .map(reply -> reply.toInteger() == 1);
  }

  public record Lapsed(long libraryId, long operatorId) {}

  /**
   * A heartbeat's outcome: the status now and before it, and, when the page had been silent long
   * enough to be paused, since when (epoch ms; null otherwise).
   */
  public record Beat(String status, String before, Long silentSinceMs) {}
}
