package org.refdesk.operator;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.LocalMap;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.refdesk.auth.Tokens;
import org.refdesk.platform.cache.EventLoopCache;

/**
 * What one HTTP event loop remembers about operators: who is enabled (so an authenticated request
 * or bridge frame does not ask Postgres who its operator is) and what operators are called (so the
 * losers of a claim learn who won without asking Postgres), and when each was last signed off (so a
 * token issued before is refused). Disabling, enabling and signing off are the changes an
 * operator's account goes through that matter here; every node acts on each as soon as its event
 * arrives, and the expiry only bounds the harm of an event the bus lost.
 */
public final class KnownOperators {

  /** Every operator of a large installation fits; an entry is a few hundred bytes. */
  static final int CAPACITY = 10_000;

  /** The longest a disabled operator keeps working on a node that never heard of the disable. */
  static final long TTL_SECONDS = 30;

  /** Node-wide: which operators were disabled, read before any event loop's memory. */
  private static final String DISABLED_ON_NODE = "refdesk.disabled-operators";

  /** Node-wide: when operators were signed off here or heard of, in epoch milliseconds. */
  private static final String SIGNED_OFF_ON_NODE = "refdesk.signed-off-operators";

  private final EventLoopCache<Long, Operator> active;
  private final EventLoopCache<Long, String> names;
  private final LocalMap<Long, Boolean> disabled;
  private final EventLoopCache<Long, Long> signedOff;
  private final LocalMap<Long, Long> signedOffOnNode;

  public KnownOperators(OperatorRepository operators, Vertx vertx) {
    this.active =
        new EventLoopCache<>(CAPACITY, TTL_SECONDS, TimeUnit.SECONDS, operators::findActive);
    this.names =
        new EventLoopCache<>(CAPACITY, TTL_SECONDS, TimeUnit.SECONDS, operators::displayName);
    this.disabled = disabledOnNode(vertx);
    this.signedOff =
        new EventLoopCache<>(CAPACITY, TTL_SECONDS, TimeUnit.SECONDS, operators::signedOffAt);
    this.signedOffOnNode = signedOffOnNode(vertx);
  }

  /**
   * Marks the operator disabled for every event loop of this node at once, before the disable is
   * answered: the event that clears each loop's memory is a task behind requests already read, so a
   * request sent after the answer could otherwise still be let through. Enabling the account again
   * takes the entry out.
   */
  public static void markDisabled(Vertx vertx, long operatorId) {
    disabledOnNode(vertx).put(operatorId, Boolean.TRUE);
  }

  /** As {@link #markDisabled}, the other way: the operator may sign in again on this node. */
  public static void markEnabled(Vertx vertx, long operatorId) {
    disabledOnNode(vertx).remove(operatorId);
  }

  /**
   * Refuses, on every event loop of this node at once, the operator's tokens issued up to that
   * moment; for the same reason as {@link #markDisabled}.
   */
  public static void markSignedOff(Vertx vertx, long operatorId, long atMs) {
    signedOffOnNode(vertx).merge(operatorId, atMs, Math::max);
  }

  private static LocalMap<Long, Long> signedOffOnNode(Vertx vertx) {
    return vertx.sharedData().getLocalMap(SIGNED_OFF_ON_NODE);
  }

  private static LocalMap<Long, Boolean> disabledOnNode(Vertx vertx) {
    return vertx.sharedData().getLocalMap(DISABLED_ON_NODE);
  }

  /** The operator if the account exists and is not disabled. */
  public Future<Optional<Operator>> active(long operatorId) {
    if (disabled.containsKey(operatorId)) {
      return Future.succeededFuture(Optional.empty());
    }
    return active.get(operatorId);
  }

  /**
   * The operator a verified token names, if the account is enabled and was not signed off since the
   * token was issued.
   */
  public Future<Optional<Operator>> activeFor(Tokens.VerifiedToken token) {
    long operatorId = token.subjectId();
    var heard = signedOffOnNode.get(operatorId);
    if (heard != null && !token.issuedAfter(heard)) {
      return Future.succeededFuture(Optional.empty());
    }
    return signedOff
        .get(operatorId)
        .compose(
            stored ->
                stored.isPresent() && !token.issuedAfter(stored.get())
                    ? Future.succeededFuture(Optional.<Operator>empty())
                    : active(operatorId));
  }

  /** The operator's display name, disabled or not; empty for an unknown id. */
  public Future<Optional<String>> name(long operatorId) {
    return names.get(operatorId);
  }

  /**
   * Listens, on the calling verticle's event loop, for operators disabled anywhere in the cluster.
   */
  public Future<Void> forgetWhenDisabled(EventBus bus) {
    return bus.<JsonObject>consumer(
            OperatorAddresses.OPERATOR_DISABLED,
            message -> {
              var operatorId = message.body().getLong("operatorId");
              if (operatorId != null) {
                disabled.put(operatorId, Boolean.TRUE);
                active.forget(operatorId);
                names.forget(operatorId);
              }
            })
        .completion();
  }

  /**
   * Listens, on the calling verticle's event loop, for operators enabled again or signed off
   * anywhere in the cluster.
   */
  public Future<Void> followAccountChanges(EventBus bus) {
    return Future.all(
            bus.<JsonObject>consumer(
                    OperatorAddresses.OPERATOR_ENABLED,
                    message -> {
                      var operatorId = message.body().getLong("operatorId");
                      if (operatorId != null) {
                        disabled.remove(operatorId);
                        active.forget(operatorId);
                      }
                    })
                .completion(),
            bus.<JsonObject>consumer(
                    OperatorAddresses.OPERATOR_SIGNED_OFF,
                    message -> {
                      var operatorId = message.body().getLong("operatorId");
                      var at = message.body().getLong("atMs");
                      if (operatorId != null && at != null) {
                        signedOffOnNode.merge(operatorId, at, Math::max);
                        signedOff.forget(operatorId);
                      }
                    })
                .completion())
        .mapEmpty();
  }
}
