package org.refdesk.operator;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.refdesk.platform.bus.Addresses;
import org.refdesk.platform.cache.EventLoopCache;

/**
 * What one HTTP event loop remembers about operators: who is enabled (so an authenticated request or
 * bridge frame does not ask Postgres who its operator is) and what operators are called (so the losers of a claim learn
 * who won without asking Postgres). Disabling is the only change an operator's account goes through;
 * every node forgets the operator as soon as the disable event arrives, and the expiry only bounds the
 * harm of an event the bus lost.
 */
public final class KnownOperators {

  /** Every operator of a large installation fits; an entry is a few hundred bytes. */
  static final int CAPACITY = 10_000;
  /** The longest a disabled operator keeps working on a node that never heard of the disable. */
  static final long TTL_SECONDS = 30;

  private final EventLoopCache<Long, Operator> active;
  private final EventLoopCache<Long, String> names;

  public KnownOperators(OperatorRepository operators) {
    this.active = new EventLoopCache<>(CAPACITY, TTL_SECONDS, TimeUnit.SECONDS, operators::findActive);
    this.names = new EventLoopCache<>(CAPACITY, TTL_SECONDS, TimeUnit.SECONDS, operators::displayName);
  }

  /** The operator if the account exists and is not disabled. */
  public Future<Optional<Operator>> active(long operatorId) {
    return active.get(operatorId);
  }

  /** The operator's display name, disabled or not; empty for an unknown id. */
  public Future<Optional<String>> name(long operatorId) {
    return names.get(operatorId);
  }

  /** Listens, on the calling verticle's event loop, for operators disabled anywhere in the cluster. */
  public Future<Void> forgetWhenDisabled(EventBus bus) {
    return bus.<JsonObject>consumer(Addresses.OPERATOR_DISABLED, message -> {
      var operatorId = message.body().getLong("operatorId");
      if (operatorId != null) {
        active.forget(operatorId);
        names.forget(operatorId);
      }
    }).completion();
  }
}
