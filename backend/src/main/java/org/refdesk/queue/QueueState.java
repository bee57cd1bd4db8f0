package org.refdesk.queue;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.refdesk.platform.redis.LuaScript;
import org.refdesk.platform.redis.RedisKeys;

/**
 * The hot queue state in Redis: who waits in which order, and who holds which chat. All of it can
 * be rebuilt from Postgres, which stays the judge of every claim.
 */
public final class QueueState {

  /**
   * Long enough for Postgres to confirm a claim, short enough that a crashed node frees the chat.
   */
  static final long PENDING_CLAIM_MS = 10_000;

  private static final LuaScript CLAIM = LuaScript.load("claim", 2);
  private static final LuaScript RELEASE = LuaScript.load("release-claim", 2);

  private final Redis redis;
  private final RedisKeys keys;

  public QueueState(Redis redis, RedisKeys keys) {
    this.redis = redis;
    this.keys = keys;
  }

  public Future<Void> enqueue(long queueId, long chatId, long arrivalMs) {
    return redis
        .send(
            Request.cmd(Command.ZADD)
                .arg(keys.waiting(queueId))
                .arg("NX")
                .arg(arrivalMs)
                .arg(chatId))
        .mapEmpty();
  }

  /**
   * Takes a pending claim; answers the holder's id when anyone, the caller too, has the chat
   * already.
   */
  public Future<Optional<Long>> claim(long queueId, long chatId, long operatorId) {
    return CLAIM
        .run(
            redis,
            List.of(keys.claim(chatId), keys.waiting(queueId)),
            List.of(
                Long.toString(operatorId), Long.toString(chatId), Long.toString(PENDING_CLAIM_MS)))
        .map(
            reply ->
                "ok".equals(reply.toString()) ? Optional.empty() : Optional.of(reply.toLong()));
  }

  /** Postgres confirmed: the claim now lasts until the chat ends. */
  public Future<Void> confirmClaim(long chatId, long operatorId) {
    return redis.send(Request.cmd(Command.SET).arg(keys.claim(chatId)).arg(operatorId)).mapEmpty();
  }

  /** Postgres refused or failed: free the chat and put it back in its place. */
  public Future<Void> releaseClaim(long queueId, long chatId, long operatorId, long arrivalMs) {
    return RELEASE
        .run(
            redis,
            List.of(keys.claim(chatId), keys.waiting(queueId)),
            List.of(Long.toString(operatorId), Long.toString(chatId), Long.toString(arrivalMs)))
        .mapEmpty();
  }

  /** The chat left the queue for good (ended or abandoned). */
  public Future<Void> remove(long queueId, long chatId) {
    return redis
        .batch(
            List.of(
                Request.cmd(Command.ZREM).arg(keys.waiting(queueId)).arg(chatId),
                Request.cmd(Command.DEL).arg(keys.claim(chatId))))
        .mapEmpty();
  }

  /** A chat that was still listed but is not waiting in Postgres any more. */
  public Future<Void> forget(long queueId, List<Long> chatIds) {
    if (chatIds.isEmpty()) {
      return Future.succeededFuture();
    }
    var zrem = Request.cmd(Command.ZREM).arg(keys.waiting(queueId));
    chatIds.forEach(zrem::arg);
    return redis.send(zrem).mapEmpty();
  }

  public Future<List<Long>> waitingIds(long queueId) {
    return redis
        .send(Request.cmd(Command.ZRANGE).arg(keys.waiting(queueId)).arg(0).arg(-1))
        .map(
            reply -> {
              var ids = new ArrayList<Long>();
              reply.forEach(item -> ids.add(item.toLong()));
              return ids;
            });
  }

  public Future<Integer> waitingCount(long queueId) {
    return redis
        .send(Request.cmd(Command.ZCARD).arg(keys.waiting(queueId)))
        .map(Response::toInteger);
  }

  /** 1 for the next chat to be answered; empty when the chat is not waiting. */
  public Future<Optional<Integer>> position(long queueId, long chatId) {
    return redis
        .send(Request.cmd(Command.ZRANK).arg(keys.waiting(queueId)).arg(chatId))
        .map(rank -> rank == null ? Optional.empty() : Optional.of(rank.toInteger() + 1));
  }

  /** True while the state is known to be built from Postgres; false after Redis lost it. */
  public Future<Boolean> isBuilt() {
    return redis
        .send(Request.cmd(Command.EXISTS).arg(keys.rebuiltMarker()))
        .map(reply -> reply.toInteger() == 1);
  }

  /**
   * Puts every waiting chat back in its queue and every claim back on its chat, from Postgres. Safe
   * to run on several nodes at once: it only adds what Postgres says is true.
   */
  public Future<Integer> rebuild(QueueRepository queues) {
    var waiting = queues.allWaiting();
    var claimed = queues.allClaimed();
    return Future.all(waiting, claimed)
        .compose(
            both -> {
              var requests = new ArrayList<Request>();
              waiting
                  .result()
                  .forEach(
                      chat ->
                          requests.add(
                              Request.cmd(Command.ZADD)
                                  .arg(keys.waiting(chat.queueId()))
                                  .arg("NX")
                                  .arg(chat.arrivalMs())
                                  .arg(chat.chatId())));
              claimed
                  .result()
                  .forEach(
                      chat ->
                          requests.add(
                              Request.cmd(Command.SET)
                                  .arg(keys.claim(chat.chatId()))
                                  .arg(chat.operatorId())));
              requests.add(
                  Request.cmd(Command.SET)
                      .arg(keys.rebuiltMarker())
                      .arg(System.currentTimeMillis()));
              return redis.batch(requests).map(replies -> requests.size() - 1);
            });
  }
}
