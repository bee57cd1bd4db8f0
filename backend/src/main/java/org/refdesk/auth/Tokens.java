package org.refdesk.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.refdesk.cache.EventLoopCache;
import org.refdesk.error.ApiException;

/**
 * Issues and verifies the two kinds of token: an operator's (for the API and the bridge) and a
 * patron's (for one chat only). They differ by audience, so one can never pass for the other.
 * One instance per HTTP event loop: it remembers the operator tokens it has verified.
 */
public final class Tokens {

  public static final String ISSUER = "refdesk";
  public static final String OPERATOR_AUDIENCE = "refdesk-operator";
  public static final String PATRON_AUDIENCE = "refdesk-patron";
  private static final String ALGORITHM = "HS256";
  /** Signed-in operators of a large installation, with a token or two each. */
  private static final int VERIFIED_CAPACITY = 10_000;
  /** Only to let go of tokens nobody uses any more: each use checks the token's own expiry. */
  private static final long VERIFIED_MINUTES = 10;

  private final JWTAuth operators;
  private final JWTAuth patrons;
  private final int operatorMinutes;
  private final int patronMinutes;
  /**
   * Operator tokens already verified here. Checking the signature and parsing the claims cost more
   * than the rest of a contested claim, and a token that verified once stays valid until it expires:
   * the key never changes while the gateway runs, and disabled operators are refused after the token
   * check, by the operator's own state.
   */
  private final EventLoopCache<String, VerifiedOperator> verifiedOperators;

  public Tokens(Vertx vertx, String signingKey, int operatorMinutes, int patronMinutes) {
    this.operators = JWTAuth.create(vertx, options(signingKey, OPERATOR_AUDIENCE));
    this.patrons = JWTAuth.create(vertx, options(signingKey, PATRON_AUDIENCE));
    this.operatorMinutes = operatorMinutes;
    this.patronMinutes = patronMinutes;
    this.verifiedOperators = new EventLoopCache<>(VERIFIED_CAPACITY, VERIFIED_MINUTES, TimeUnit.MINUTES,
        token -> verify(operators, token).map(user -> Optional.of(VerifiedOperator.of(user))));
  }

  private static JWTAuthOptions options(String signingKey, String audience) {
    return new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(signingKey))
        .setJWTOptions(new JWTOptions().setIssuer(ISSUER).setAudience(List.of(audience)));
  }

  public String issueOperator(long operatorId, long libraryId) {
    var claims = new JsonObject().put("sub", Long.toString(operatorId)).put("lib", libraryId);
    return operators.generateToken(claims, issueOptions(OPERATOR_AUDIENCE, operatorMinutes));
  }

  public String issuePatron(long chatId, long libraryId) {
    var claims = new JsonObject().put("sub", "chat:" + chatId).put("chat", chatId).put("lib", libraryId);
    return patrons.generateToken(claims, issueOptions(PATRON_AUDIENCE, patronMinutes));
  }

  private static JWTOptions issueOptions(String audience, int minutes) {
    return new JWTOptions()
        .setAlgorithm(ALGORITHM)
        .setIssuer(ISSUER)
        .setAudience(List.of(audience))
        .setExpiresInMinutes(minutes);
  }

  /** The operator id a valid operator token names; fails with 401 otherwise. */
  public Future<Long> verifyOperator(String token) {
    if (token == null || token.isBlank()) {
      return Future.failedFuture(ApiException.unauthorized());
    }
    return verifiedOperators.get(token).compose(verified -> verified.isPresent()
        && verified.get().expiresAtMs() > System.currentTimeMillis()
        ? Future.succeededFuture(verified.get().operatorId())
        : Future.failedFuture(ApiException.unauthorized()));
  }

  /** The chat a valid patron token is scoped to; fails with 401 otherwise. */
  public Future<PatronClaims> verifyPatron(String token) {
    return verify(patrons, token).map(user -> new PatronClaims(
        user.principal().getLong("chat"), user.principal().getLong("lib")));
  }

  private static Future<User> verify(JWTAuth auth, String token) {
    if (token == null || token.isBlank()) {
      return Future.failedFuture(ApiException.unauthorized());
    }
    return auth.authenticate(new TokenCredentials(token))
        .recover(e -> Future.failedFuture(ApiException.unauthorized()))
        .compose(user -> hasNumericSubject(user) ? Future.succeededFuture(user)
            : Future.failedFuture(ApiException.unauthorized()));
  }

  private static boolean hasNumericSubject(User user) {
    var principal = user.principal();
    var sub = principal.getValue("sub");
    if (!(sub instanceof String s)) {
      return false;
    }
    var id = s.startsWith("chat:") ? s.substring(5) : s;
    return !id.isEmpty() && id.chars().allMatch(Character::isDigit) && id.length() < 19
        && principal.getValue("lib") instanceof Number;
  }

  public record PatronClaims(long chatId, long libraryId) {
  }

  private record VerifiedOperator(long operatorId, long expiresAtMs) {

    static VerifiedOperator of(User user) {
      // The provider keeps the standard time claims among the user's attributes, not in the principal.
      var exp = user.attributes().getLong("exp", user.principal().getLong("exp"));
      return new VerifiedOperator(Long.parseLong(user.principal().getString("sub")),
          exp == null ? Long.MAX_VALUE : exp * 1000);
    }
  }
}
