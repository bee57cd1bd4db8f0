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
import org.refdesk.error.ApiException;

/**
 * Issues and verifies the two kinds of token: an operator's (for the API and the bridge) and a
 * patron's (for one chat only). They differ by audience, so one can never pass for the other.
 */
public final class Tokens {

  public static final String ISSUER = "refdesk";
  public static final String OPERATOR_AUDIENCE = "refdesk-operator";
  public static final String PATRON_AUDIENCE = "refdesk-patron";
  private static final String ALGORITHM = "HS256";

  private final JWTAuth operators;
  private final JWTAuth patrons;
  private final int operatorMinutes;
  private final int patronMinutes;

  public Tokens(Vertx vertx, String signingKey, int operatorMinutes, int patronMinutes) {
    this.operators = JWTAuth.create(vertx, options(signingKey, OPERATOR_AUDIENCE));
    this.patrons = JWTAuth.create(vertx, options(signingKey, PATRON_AUDIENCE));
    this.operatorMinutes = operatorMinutes;
    this.patronMinutes = patronMinutes;
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
    return verify(operators, token).map(user -> Long.parseLong(user.principal().getString("sub")));
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
}
