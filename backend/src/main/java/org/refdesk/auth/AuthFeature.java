package org.refdesk.auth;

import org.refdesk.platform.gateway.Feature;
import org.refdesk.platform.gateway.Wiring;

/**
 * Credentials: tokens, passwords, sign-in throttling and revocation. It mounts nothing itself; the
 * features that sign people in and check them take these from here.
 */
public final class AuthFeature implements Feature {

  public static Tokens tokens(Wiring wiring) {
    return wiring.once(
        Tokens.class,
        () ->
            new Tokens(
                wiring.vertx(),
                wiring.signingKey(),
                wiring.config().operatorTokenMinutes(),
                wiring.config().patronTokenMinutes(),
                revoked(wiring)));
  }

  public static SignedLinks links(Wiring wiring) {
    return wiring.once(SignedLinks.class, () -> new SignedLinks(wiring.signingKey()));
  }

  public static RevokedTokens revoked(Wiring wiring) {
    return wiring.once(
        RevokedTokens.class,
        () -> {
          var revoked = new RevokedTokens(wiring.pool());
          wiring.listenFirst(revoked.listen(wiring.vertx().eventBus()));
          return revoked;
        });
  }

  public static Passwords passwords(Wiring wiring) {
    return wiring.once(Passwords.class, () -> new Passwords(wiring.vertx()));
  }

  public static LoginThrottle throttle(Wiring wiring) {
    return wiring.once(LoginThrottle.class, () -> new LoginThrottle(wiring.redis(), wiring.keys()));
  }
}
