package org.refdesk.operator;

import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.refdesk.auth.AuthFeature;
import org.refdesk.library.LibraryFeature;
import org.refdesk.platform.bridge.BridgeRule;
import org.refdesk.platform.bus.Addresses;
import org.refdesk.platform.bus.Identity;
import org.refdesk.platform.config.RefdeskConfig;
import org.refdesk.platform.gateway.Feature;
import org.refdesk.platform.gateway.Wiring;
import org.refdesk.platform.metrics.RefdeskMetrics;
import org.refdesk.platform.web.ClientLimits;

/**
 * Operator accounts: sign-in and "who am I", the admin's operator list, the gate every operator
 * route stands behind, the identities of bridge sockets, and each operator's own address.
 */
public final class OperatorFeature implements Feature {

  @Override
  public void mount(Router router, Wiring wiring) {
    var gate = auth(wiring);
    new AuthRoutes(
            AuthFeature.tokens(wiring),
            AuthFeature.passwords(wiring),
            AuthFeature.throttle(wiring),
            repository(wiring),
            LibraryFeature.repository(wiring),
            wiring.clientAddress(),
            AuthFeature.revoked(wiring),
            clientLimits(wiring))
        .mount(router, gate);
    new AdminOperatorRoutes(repository(wiring), AuthFeature.passwords(wiring)).mount(router, gate);
    new OperatorAccountRoutes(repository(wiring)).mount(router, gate);
  }

  /** Every feature's limits on what operators type, in one object for the app. */
  private static JsonObject clientLimits(Wiring wiring) {
    var limits = new JsonObject();
    wiring.policies(ClientLimits.class).forEach(policy -> policy.limits().forEach(limits::put));
    return limits;
  }

  @Override
  public List<Object> policies(Wiring wiring) {
    return List.of(
        auth(wiring),
        wiring.once(
            OperatorSocketIdentities.class,
            () ->
                new OperatorSocketIdentities(
                    AuthFeature.tokens(wiring), known(wiring), wiring.vertx().eventBus())));
  }

  @Override
  public List<Supplier<? extends Deployable>> verticles(
      RefdeskConfig config, RefdeskMetrics metrics) {
    return List.of(() -> new SignOffVerticle(config));
  }

  @Override
  public List<BridgeRule> bridgeRules(Wiring wiring) {
    return List.of(new OwnAddress());
  }

  public static OperatorRepository repository(Wiring wiring) {
    return wiring.once(OperatorRepository.class, () -> new OperatorRepository(wiring.pool()));
  }

  /** This event loop's memory of enabled operators, which a disable anywhere clears. */
  public static KnownOperators known(Wiring wiring) {
    return wiring.once(
        KnownOperators.class,
        () -> {
          var known = new KnownOperators(repository(wiring), wiring.vertx());
          wiring.listenFirst(known.forgetWhenDisabled(wiring.vertx().eventBus()));
          wiring.listenFirst(known.followAccountChanges(wiring.vertx().eventBus()));
          return known;
        });
  }

  public static OperatorAuth auth(Wiring wiring) {
    return wiring.once(
        OperatorAuth.class, () -> new OperatorAuth(AuthFeature.tokens(wiring), known(wiring)));
  }

  public static OperatorSettingsRepository settings(Wiring wiring) {
    return wiring.once(
        OperatorSettingsRepository.class, () -> new OperatorSettingsRepository(wiring.pool()));
  }

  /** {@code operator.<id>}: transfers, internal chat and alerts for that operator alone. */
  static final class OwnAddress implements BridgeRule {

    private static final Pattern ADDRESSES =
        Pattern.compile(Pattern.quote(OperatorAddresses.OPERATOR_PREFIX) + "[0-9]+");

    @Override
    public Pattern addresses() {
      return ADDRESSES;
    }

    @Override
    public boolean inbound() {
      return false;
    }

    @Override
    public Future<Boolean> mayRegister(Identity who, String address) {
      return Future.succeededFuture(
          !who.isPatron()
              && Addresses.idOf(address, OperatorAddresses.OPERATOR_PREFIX) == who.id());
    }
  }
}
