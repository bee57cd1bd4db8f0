package org.refdesk.staffchat;

import io.vertx.core.Deployable;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.refdesk.operator.OperatorFeature;
import org.refdesk.platform.bridge.BridgeRule;
import org.refdesk.platform.config.RefdeskConfig;
import org.refdesk.platform.gateway.Feature;
import org.refdesk.platform.gateway.Wiring;
import org.refdesk.platform.metrics.RefdeskMetrics;
import org.refdesk.platform.web.ClientLimits;

/**
 * Staff chat: the library's staff room and a direct room per pair of its operators, with numbered,
 * deduplicated, resumable messages and unread counts. Patrons never see any of it.
 */
public final class StaffChatFeature implements Feature {

  @Override
  public void mount(Router router, Wiring wiring) {
    new StaffChatRoutes(repository(wiring)).mount(router, OperatorFeature.auth(wiring));
  }

  @Override
  public List<Object> policies(Wiring wiring) {
    return List.of(
        (ClientLimits) () -> Map.of("internalSearchChars", StaffChatRoutes.SEARCH_CHARS));
  }

  @Override
  public List<BridgeRule> bridgeRules(Wiring wiring) {
    return List.of(
        new StaffChatBridgeRules.Commands(), new StaffChatBridgeRules.Events(repository(wiring)));
  }

  @Override
  public List<Supplier<? extends Deployable>> verticles(
      RefdeskConfig config, RefdeskMetrics metrics) {
    return List.of(() -> new StaffChatVerticle(config));
  }

  static StaffChatRepository repository(Wiring wiring) {
    return wiring.once(StaffChatRepository.class, () -> new StaffChatRepository(wiring.pool()));
  }
}
