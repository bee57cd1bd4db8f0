package org.refdesk.presence;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.refdesk.operator.OperatorAddresses;
import org.refdesk.operator.OperatorRepository;
import org.refdesk.platform.bus.BusFailures;
import org.refdesk.platform.bus.Identity;
import org.refdesk.platform.config.RefdeskConfig;
import org.refdesk.platform.db.Database;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.redis.RedisClients;
import org.refdesk.platform.redis.RedisKeys;

/**
 * Operators' statuses: set by them, kept alive by their heartbeats, and turned offline by a sweep
 * when the heartbeats stop. Every change is announced on {@code presence.<libraryId>}.
 */
public final class PresenceVerticle extends VerticleBase {

  private static final Logger log = Logger.getLogger(PresenceVerticle.class.getName());

  private final RefdeskConfig config;
  private Redis redis;
  private PresenceState presence;
  private OperatorRepository operators;

  public PresenceVerticle(RefdeskConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    redis = RedisClients.create(vertx, config);
    presence = new PresenceState(redis, new RedisKeys(config.redisPrefix()));
    operators = new OperatorRepository(Database.pool(vertx, config));
    long timeoutMs = config.presenceTimeoutSeconds() * 1000L;
    long pauseAfterMs = PresenceLimits.pauseAfterMs(config.presenceTimeoutSeconds());
    vertx.setPeriodic(Math.max(500, timeoutMs / 9), id -> sweep(pauseAfterMs, timeoutMs));
    var bus = vertx.eventBus();
    return Future.all(
        bus.<JsonObject>localConsumer(PresenceAddresses.PRESENCE_SET, this::set).completion(),
        bus.<JsonObject>localConsumer(PresenceAddresses.PRESENCE_HEARTBEAT, this::heartbeat)
            .completion(),
        bus.<JsonObject>consumer(OperatorAddresses.OPERATOR_SIGNED_OFF, this::signedOff)
            .completion());
  }

  @Override
  public Future<?> stop() {
    return redis.close();
  }

  private void set(Message<JsonObject> message) {
    var who = Identity.from(message.headers());
    var status = message.body() == null ? null : message.body().getValue("status");
    if (who == null || who.isPatron()) {
      fail(message, ApiException.forbidden("Only operators have a status."));
      return;
    }
    if (!(status instanceof String s) || !PresenceState.STATUSES.contains(s)) {
      fail(message, ApiException.invalid("'status' must be online, internal, away or offline."));
      return;
    }
    change(who, (String) status)
        .onComplete(
            done -> {
              if (done.succeeded()) {
                message.reply(new JsonObject().put("status", status));
              } else {
                fail(message, done.cause());
              }
            });
  }

  /**
   * A heartbeat keeps the status alive; one that carries a status also restores it after Redis lost
   * it.
   */
  private void heartbeat(Message<JsonObject> message) {
    var who = Identity.from(message.headers());
    if (who == null || who.isPatron()) {
      fail(message, ApiException.forbidden("Only operators send heartbeats."));
      return;
    }
    var claimed = message.body() == null ? null : message.body().getValue("status");
    presence
        .heartbeat(
            who.libraryId(),
            who.id(),
            claimed instanceof String s && PresenceState.STATUSES.contains(s) ? s : null,
            System.currentTimeMillis())
        .compose(
            beat ->
                (beat.before().equals(beat.status())
                        ? Future.<Void>succeededFuture()
                        : announce(who.libraryId(), who.id(), beat.status(), false))
                    .map(beat))
        .onSuccess(beat -> message.reply(beatReply(beat)))
        .onFailure(failure -> fail(message, failure));
  }

  /**
   * The status, and after a pause since when the page was silent, so the app can tell its operator
   * what colleagues saw meanwhile.
   */
  private static JsonObject beatReply(PresenceState.Beat beat) {
    var reply = new JsonObject().put("status", beat.status());
    if (beat.silentSinceMs() != null) {
      reply
          .put("pausedSince", Instant.ofEpochMilli(beat.silentSinceMs()).toString())
          .put("offlineMeanwhile", PresenceState.OFFLINE.equals(beat.before()));
    }
    return reply;
  }

  private Future<Void> change(Identity who, String status) {
    return presence
        .set(who.libraryId(), who.id(), status, System.currentTimeMillis())
        .compose(
            previous ->
                previous.equals(status)
                    ? Future.succeededFuture()
                    : announce(who.libraryId(), who.id(), status, false));
  }

  /**
   * A signed-off operator is offline at once, not when their heartbeats are missed; every node
   * hears it, and only the one that finds them still on announces it.
   */
  private void signedOff(Message<JsonObject> message) {
    var operatorId = message.body().getLong("operatorId");
    var libraryId = message.body().getLong("libraryId");
    if (operatorId != null && libraryId != null) {
      change(Identity.operator(operatorId, libraryId), PresenceState.OFFLINE)
          .onFailure(failure -> log.fine("Sign-off not set offline: " + failure.getMessage()));
    }
  }

  /**
   * Pages silent past the gap are shown away first, then those silent past the timeout go offline:
   * one sweep, in that order, so an operator is never offline before colleagues saw them away.
   */
  private void sweep(long pauseAfterMs, long timeoutMs) {
    long now = System.currentTimeMillis();
    var paused =
        pauseAfterMs < timeoutMs
            ? presence
                .pauseSilent(now - pauseAfterMs)
                .onSuccess(
                    silent ->
                        silent.forEach(
                            p -> announce(p.libraryId(), p.operatorId(), PresenceState.AWAY, true)))
            : Future.<List<PresenceState.Lapsed>>succeededFuture(List.of());
    paused
        .transform(done -> presence.sweep(now - timeoutMs))
        .onSuccess(
            lapsed ->
                lapsed.forEach(
                    l -> announce(l.libraryId(), l.operatorId(), PresenceState.OFFLINE, false)))
        .onFailure(failure -> log.fine("Presence sweep skipped: " + failure.getMessage()));
  }

  /** {@code paused}: the status is the gateway's, because the operator's page went quiet. */
  private Future<Void> announce(long libraryId, long operatorId, String status, boolean paused) {
    if (PresenceState.OFFLINE.equals(status)) {
      // The end of a shift, kept in Postgres so the next shift's missed chats start from it on any
      // device; a lost write only widens that list.
      operators
          .markOffline(operatorId)
          .onFailure(failure -> log.fine("Shift end not recorded: " + failure.getMessage()));
    }
    return operators
        .findActive(operatorId)
        .map(
            operator -> {
              vertx
                  .eventBus()
                  .publish(
                      PresenceAddresses.presence(libraryId),
                      new JsonObject()
                          .put("type", "presence")
                          .put("operatorId", operatorId)
                          .put("name", operator.map(o -> o.displayName()).orElse(null))
                          .put("status", status)
                          .put("paused", paused)
                          .put("at", Instant.now().toString()));
              return null;
            });
  }

  private static void fail(Message<?> message, Throwable failure) {
    BusFailures.fail(message, failure, log);
  }
}
