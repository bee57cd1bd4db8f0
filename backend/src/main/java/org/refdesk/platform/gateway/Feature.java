package org.refdesk.platform.gateway;

import io.vertx.core.Deployable;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Supplier;
import org.refdesk.platform.bridge.BridgeRule;
import org.refdesk.platform.config.RefdeskConfig;
import org.refdesk.platform.metrics.RefdeskMetrics;

/**
 * What one feature contributes to a gateway node. The gateway knows features only through this: the
 * HTTP verticle mounts their routes, the bridge guard asks their rules, the node deploys their
 * verticles, and a feature that needs another's rule asks for a policy by its type.
 */
public interface Feature {

  /**
   * Routes that answer before the API's origin check and body limit: public calls with rules of
   * their own.
   */
  default void mountPublic(Router router, Wiring wiring) {}

  /**
   * The feature's route table, behind the API's origin check and body limit; once per HTTP
   * instance.
   */
  default void mount(Router router, Wiring wiring) {}

  /** The rules of the bridge addresses the feature owns; once per HTTP instance. */
  default List<BridgeRule> bridgeRules(Wiring wiring) {
    return List.of();
  }

  /**
   * Policies the feature implements for other features (an end-of-chat check, the operator gate).
   */
  default List<Object> policies(Wiring wiring) {
    return List.of();
  }

  /** Verticles deployed once per node, before the HTTP server opens. */
  default List<Supplier<? extends Deployable>> verticles(
      RefdeskConfig config, RefdeskMetrics metrics) {
    return List.of();
  }
}
