package org.refdesk.presence;

import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.refdesk.library.LibraryOperatorsOnly;
import org.refdesk.operator.OperatorFeature;
import org.refdesk.platform.bridge.BridgeRule;
import org.refdesk.platform.bus.Identity;
import org.refdesk.platform.config.RefdeskConfig;
import org.refdesk.platform.gateway.Feature;
import org.refdesk.platform.gateway.Wiring;
import org.refdesk.platform.metrics.RefdeskMetrics;
import org.refdesk.platform.web.OperatorGate;

/**
 * Operators' status (online, internal, away, offline): set and kept alive over the bridge, kept in
 * Redis.
 */
public final class PresenceFeature implements Feature {

  @Override
  public void mount(Router router, Wiring wiring) {
    new PresenceRoutes(state(wiring), OperatorFeature.repository(wiring))
        .mount(router, wiring.policy(OperatorGate.class));
    new OnlineRoutes(state(wiring), OperatorFeature.repository(wiring))
        .mount(router, OperatorFeature.auth(wiring));
  }

  @Override
  public List<BridgeRule> bridgeRules(Wiring wiring) {
    return List.of(
        new StatusCommands(), new LibraryOperatorsOnly(PresenceAddresses.PRESENCE_PREFIX));
  }

  @Override
  public List<Supplier<? extends Deployable>> verticles(
      RefdeskConfig config, RefdeskMetrics metrics) {
    return List.of(() -> new PresenceVerticle(config));
  }

  public static PresenceState state(Wiring wiring) {
    return wiring.once(PresenceState.class, () -> new PresenceState(wiring.redis(), wiring.keys()));
  }

  /**
   * {@code presence.set} and {@code presence.heartbeat}: operators only, with an object or no body.
   */
  static final class StatusCommands implements BridgeRule {

    private static final Pattern ADDRESSES =
        Pattern.compile(
            Pattern.quote(PresenceAddresses.PRESENCE_SET)
                + "|"
                + Pattern.quote(PresenceAddresses.PRESENCE_HEARTBEAT));

    @Override
    public Pattern addresses() {
      return ADDRESSES;
    }

    @Override
    public boolean inbound() {
      return true;
    }

    @Override
    public Future<Verdict> maySend(Identity who, String address, Object body, SocketMemory socket) {
      return Future.succeededFuture(
          who.isPatron()
              ? Verdict.REFUSED
              : body == null || body instanceof JsonObject ? Verdict.ALLOWED : Verdict.INVALID);
    }
  }
}
