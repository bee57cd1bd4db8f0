package org.refdesk.platform.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.refdesk.platform.bus.Identity;

/**
 * Lets a request through only from a signed-in operator whose account is enabled, and records who
 * they are. The platform only names the gate; the feature that owns operator accounts provides it,
 * so a route table that needs no more than "which operator of which library" depends on no feature.
 */
public interface OperatorGate extends Handler<RoutingContext> {

  String CALLER = "refdesk.caller";

  /** The operator the gate let through; only for routes behind it. */
  static Identity caller(RoutingContext ctx) {
    return ctx.get(CALLER);
  }
}
