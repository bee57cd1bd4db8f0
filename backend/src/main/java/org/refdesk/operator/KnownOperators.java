package org.refdesk.operator;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.LocalMap;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.refdesk.platform.cache.EventLoopCache;

/**
 * What one HTTP event loop remembers about operators: who is enabled (so an authenticated request
 * or bridge frame does not ask Postgres who its operator is) and what operators are called (so the
 * losers of a claim learn who won without asking Postgres). Disabling is the only change an
 * operator's account goes through; every node forgets the operator as soon as the disable event
 * arrives, and the expiry only bounds the harm of an event the bus lost.
 */
public final class KnownOperators {

  /** Every operator of a large installation fits; an entry is a few hundred bytes. */
  static final int CAPACITY = 10_000;

  /** The longest a disabled operator keeps working on a node that never heard of the disable. */
  static final long TTL_SECONDS = 30;

  /** Node-wide: which operators were disabled, read before any event loop's memory. */
  private static final String DISABLED_ON_NODE = "refdesk.disabled-operators";

  private final EventLoopCache<Long, Operator> active;
  private final EventLoopCache<Long, String> names;
  private final LocalMap<Long, Boolean> disabled;

  public KnownOperators(OperatorRepository operators, Vertx vertx) {
    this.active =
        new EventLoopCache<>(CAPACITY, TTL_SECONDS, TimeUnit.SECONDS, operators::findActive);
    this.names =
        new EventLoopCache<>(CAPACITY, TTL_SECONDS, TimeUnit.SECONDS, operators::displayName);
    this.disabled = disabledOnNode(vertx);
  }

  /**
   * Marks the operator disabled for every event loop of this node at once, before the disable is
   * answered: the event that clears each loop's memory is a task behind requests already read, so a
   * request sent after the answer could otherwise still be let through. Accounts are never enabled
   * again, so the set only grows, by one entry per disabled operator.
   */
  public static void markDisabled(Vertx vertx, long operatorId) {
    disabledOnNode(vertx).put(operatorId, Boolean.TRUE);
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
}
