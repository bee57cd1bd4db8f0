package org.refdesk.chat;

import io.vertx.core.Deployable;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Supplier;
import org.refdesk.auth.AuthFeature;
import org.refdesk.operator.OperatorFeature;
import org.refdesk.platform.bridge.BridgeRule;
import org.refdesk.platform.config.RefdeskConfig;
import org.refdesk.platform.gateway.Feature;
import org.refdesk.platform.gateway.Wiring;
import org.refdesk.platform.metrics.RefdeskMetrics;
import org.refdesk.queue.QueueFeature;

/**
 * Chats: their life (start, claim, end, missed), their numbered events, the messages written in
 * them over the bridge, their timers, and whether the patron is still there.
 */
public final class ChatFeature implements Feature {

  /** Idle chats' send allowances are let go this often. */
  private static final long FLOOD_SWEEP_MS = 60_000;

  @Override
  public void mount(Router router, Wiring wiring) {
    new ChatRoutes(
            repository(wiring),
            lifecycle(wiring),
            claims(wiring),
            visibility(wiring),
            AuthFeature.tokens(wiring),
            wiring.policies(EndOfChatCheck.class),
            dismissals(wiring))
        .mount(router, OperatorFeature.auth(wiring));
    new PatronPresence(wiring.vertx(), lifecycle(wiring), wiring.config().timerTickMillis())
        .follow(wiring::openSockets);
  }

  @Override
  public List<Object> policies(Wiring wiring) {
    return List.of(new ChatLimits());
  }

  @Override
  public List<BridgeRule> bridgeRules(Wiring wiring) {
    var flood = flood(wiring);
    wiring.vertx().setPeriodic(FLOOD_SWEEP_MS, id -> flood.forgetIdle());
    return List.of(
        new ChatBridgeRules.Commands(flood, visibility(wiring), wiring.metrics()),
        new ChatBridgeRules.Events(visibility(wiring)));
  }

  @Override
  public List<Supplier<? extends Deployable>> verticles(
      RefdeskConfig config, RefdeskMetrics metrics) {
    return List.of(() -> new ChatVerticle(config, metrics), () -> new ChatTimerVerticle(config));
  }

  public static ChatRepository repository(Wiring wiring) {
    return wiring.once(ChatRepository.class, () -> new ChatRepository(wiring.pool()));
  }

  public static ChatLifecycle lifecycle(Wiring wiring) {
    return wiring.once(
        ChatLifecycle.class,
        () -> new ChatLifecycle(wiring.vertx(), repository(wiring), QueueFeature.state(wiring)));
  }

  public static ChatClaims claims(Wiring wiring) {
    return wiring.once(
        ChatClaims.class,
        () ->
            new ChatClaims(
                wiring.vertx(),
                repository(wiring),
                directory(wiring),
                visibility(wiring),
                QueueFeature.state(wiring),
                OperatorFeature.known(wiring),
                OperatorFeature.repository(wiring),
                wiring.metrics()));
  }

  public static ChatDismissals dismissals(Wiring wiring) {
    return wiring.once(
        ChatDismissals.class,
        () -> new ChatDismissals(repository(wiring), visibility(wiring), lifecycle(wiring)));
  }

  /** This event loop's chat facts, kept current by the chats' events from every node. */
  public static ChatDirectory directory(Wiring wiring) {
    return wiring.once(
        ChatDirectory.class,
        () -> {
          var directory = new ChatDirectory(repository(wiring), QueueFeature.state(wiring));
          wiring.listenFirst(directory.follow(wiring.vertx().eventBus()));
          return directory;
        });
  }

  /** Who may see a chat now: for routes, the bridge, and any feature that shows a chat. */
  public static ChatVisibility visibility(Wiring wiring) {
    return wiring.once(
        ChatVisibility.class,
        () -> new ChatVisibility(directory(wiring), repository(wiring), coops(wiring)));
  }

  /** The co-op feature's memberships, or none in an installation without it. */
  private static LibraryCoops coops(Wiring wiring) {
    var found = wiring.policies(LibraryCoops.class);
    return found.isEmpty() ? LibraryCoops.NONE : found.get(0);
  }

  /** Shared by the node's HTTP instances: a chat's sockets may sit on different event loops. */
  static FloodControl flood(Wiring wiring) {
    return wiring.onNode(
        FloodControl.class, () -> new FloodControl(wiring.config().patronMessagesPerMinute()));
  }
}
