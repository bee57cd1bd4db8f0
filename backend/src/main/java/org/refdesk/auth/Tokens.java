package org.refdesk.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.refdesk.platform.bus.Identity;
import org.refdesk.platform.cache.EventLoopCache;
import org.refdesk.platform.errors.ApiException;

/**
 * Issues and verifies the two kinds of token: an operator's (for the API and the bridge) and a
 * patron's (for one chat only). They differ by audience, so one can never pass for the other. One
 * instance per HTTP event loop: it remembers the operator tokens it has verified.
 */
public final class Tokens {

  public static final String ISSUER = "refdesk";
  public static final String OPERATOR_AUDIENCE = "refdesk-operator";
  public static final String PATRON_AUDIENCE = "refdesk-patron";
  private static final String ALGORITHM = "HS256";

  /**
   * The issue time in milliseconds: {@code iat} has whole seconds only, and a sign-off must tell
   * the token it voids from a sign-in a moment later.
   */
  private static final String ISSUED_MS = "iat_ms";

  /** Signed-in operators of a large installation, with a token or two each. */
  private static final int VERIFIED_CAPACITY = 10_000;

  /**
   * Only to let go of tokens nobody uses any more: each use checks the token's own expiry. It also
   * bounds how long a node that missed a sign-out's event keeps a token it had already verified.
   */
  private static final long VERIFIED_MINUTES = 10;

  private final JWTAuth operators;
  private final JWTAuth patrons;
  private final int operatorMinutes;
  private final int patronMinutes;
  private final RevokedTokens revoked;

  /**
   * Operator tokens already verified here. Checking the signature and parsing the claims cost more
   * than the rest of a contested claim, and a token that verified once stays valid until it expires
   * or is revoked: the key never changes while the gateway runs, a sign-out is heard as an event,
   * and disabled operators are refused after the token check, by the operator's own state.
   */
  private final EventLoopCache<String, VerifiedToken> verifiedOperators;

  public Tokens(
      Vertx vertx,
      String signingKey,
      int operatorMinutes,
      int patronMinutes,
      RevokedTokens revoked) {
    this.operators = JWTAuth.create(vertx, options(signingKey, OPERATOR_AUDIENCE));
    this.patrons = JWTAuth.create(vertx, options(signingKey, PATRON_AUDIENCE));
    this.operatorMinutes = operatorMinutes;
    this.patronMinutes = patronMinutes;
    this.revoked = revoked;
    this.verifiedOperators =
        new EventLoopCache<>(
            VERIFIED_CAPACITY,
            VERIFIED_MINUTES,
            TimeUnit.MINUTES,
            token ->
                verify(operators, token)
                    .map(user -> VerifiedToken.of(Identity.Kind.OPERATOR, user, idOf(token)))
                    .compose(
                        verified ->
                            revoked
                                .isRevoked(verified.tokenId())
                                .map(
                                    isRevoked ->
                                        isRevoked
                                            ? Optional.<VerifiedToken>empty()
                                            : Optional.of(verified))));
  }

  private static JWTAuthOptions options(String signingKey, String audience) {
    return new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(signingKey))
        .setJWTOptions(new JWTOptions().setIssuer(ISSUER).setAudience(List.of(audience)));
  }

  public String issueOperator(long operatorId, long libraryId) {
    // A token id of its own: two sign-ins in the same second must not be one token that one
    // sign-out revokes.
    var claims =
        new JsonObject()
            .put("sub", Long.toString(operatorId))
            .put("lib", libraryId)
            .put("jti", UUID.randomUUID().toString())
            .put(ISSUED_MS, System.currentTimeMillis());
    return operators.generateToken(claims, issueOptions(OPERATOR_AUDIENCE, operatorMinutes));
  }

  public String issuePatron(long chatId, long libraryId) {
    var claims =
        new JsonObject().put("sub", "chat:" + chatId).put("chat", chatId).put("lib", libraryId);
    return patrons.generateToken(claims, issueOptions(PATRON_AUDIENCE, patronMinutes));
  }

  private static JWTOptions issueOptions(String audience, int minutes) {
    return new JWTOptions()
        .setAlgorithm(ALGORITHM)
        .setIssuer(ISSUER)
        .setAudience(List.of(audience))
        .setExpiresInMinutes(minutes);
  }

  /**
   * Either kind of token, checked once against the audience it names: a patron's frame does not
   * first fail an operator check. The audience read here only picks the verifier; the verifier
   * checks it again.
   */
  public Future<VerifiedToken> verify(String token) {
    var audience = claimedAudience(token);
    if (audience.contains(OPERATOR_AUDIENCE)) {
      return verifiedOperator(token);
    }
    if (audience.contains(PATRON_AUDIENCE)) {
      return verifiedPatron(token);
    }
    return Future.failedFuture(ApiException.unauthorized());
  }

  /** A valid, unrevoked operator token; fails with 401 otherwise. */
  public Future<VerifiedToken> verifiedOperator(String token) {
    if (token == null || token.isBlank()) {
      return Future.failedFuture(ApiException.unauthorized());
    }
    return verifiedOperators
        .get(token)
        .compose(
            verified ->
                verified.isPresent()
                        && verified.get().isCurrent()
                        && !revoked.isKnownRevoked(verified.get().tokenId())
                    ? Future.succeededFuture(verified.get())
                    : Future.failedFuture(ApiException.unauthorized()));
  }

  /** The operator id a valid operator token names; fails with 401 otherwise. */
  public Future<Long> verifyOperator(String token) {
    return verifiedOperator(token).map(VerifiedToken::subjectId);
  }

  /** The chat a valid patron token is scoped to; fails with 401 otherwise. */
  public Future<PatronClaims> verifyPatron(String token) {
    return verifiedPatron(token)
        .map(verified -> new PatronClaims(verified.chatId(), verified.libraryId()));
  }

  private Future<VerifiedToken> verifiedPatron(String token) {
    return verify(patrons, token)
        .map(user -> VerifiedToken.of(Identity.Kind.PATRON, user, idOf(token)));
  }

  private static Future<User> verify(JWTAuth auth, String token) {
    if (token == null || token.isBlank()) {
      return Future.failedFuture(ApiException.unauthorized());
    }
    return auth.authenticate(new TokenCredentials(token))
        .recover(e -> Future.failedFuture(ApiException.unauthorized()))
        .compose(
            user ->
                hasNumericSubject(user)
                    ? Future.succeededFuture(user)
                    : Future.failedFuture(ApiException.unauthorized()));
  }

  private static boolean hasNumericSubject(User user) {
    var principal = user.principal();
    var sub = principal.getValue("sub");
    if (!(sub instanceof String s)) {
      return false;
    }
    var id = s.startsWith("chat:") ? s.substring(5) : s;
    return !id.isEmpty()
        && id.chars().allMatch(Character::isDigit)
        && id.length() < 19
        && principal.getValue("lib") instanceof Number;
  }

  /** The audiences a token's payload names, unverified; empty for anything that is not a JWT. */
  private static List<String> claimedAudience(String token) {
    if (token == null) {
      return List.of();
    }
    int first = token.indexOf('.');
    int second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (second < 0) {
      return List.of();
    }
    try {
      var payload =
          new JsonObject(
              new String(
                  Base64.getUrlDecoder().decode(token.substring(first + 1, second)),
                  StandardCharsets.UTF_8));
      var aud = payload.getValue("aud");
      if (aud instanceof String one) {
        return List.of(one);
      }
      return aud instanceof JsonArray many
          ? many.stream().filter(String.class::isInstance).map(String.class::cast).toList()
          : List.of();
    } catch (RuntimeException notAJwt) {
      return List.of();
    }
  }

  /**
   * The name a token is revoked by: a digest, so the deny-list and the sign-out event never hold a
   * token that could be used.
   */
  static String idOf(String token) {
    try {
      var digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  public record PatronClaims(long chatId, long libraryId) {}

  /** What a verified token says: whose it is, until when, and the id a sign-out revokes it by. */
  public record VerifiedToken(
      Identity.Kind kind,
      long subjectId,
      long libraryId,
      long chatId,
      long expiresAtMs,
      String tokenId,
      long issuedAtMs) {

    static VerifiedToken of(Identity.Kind kind, User user, String tokenId) {
      var principal = user.principal();
      // The provider keeps the standard time claims among the user's attributes, not in the
      // principal.
      var exp = user.attributes().getLong("exp", principal.getLong("exp"));
      var iat = user.attributes().getLong("iat", principal.getLong("iat"));
      var issuedMs = principal.getValue(ISSUED_MS) instanceof Number ms ? ms.longValue() : null;
      var sub = principal.getString("sub");
      long subject = Long.parseLong(sub.startsWith("chat:") ? sub.substring(5) : sub);
      return new VerifiedToken(
          kind,
          subject,
          principal.getLong("lib"),
          kind == Identity.Kind.PATRON ? subject : 0,
          exp == null ? Long.MAX_VALUE : exp * 1000,
          tokenId,
          issuedMs != null ? issuedMs : iat == null ? 0 : iat * 1000);
    }

    /** Whether the token was issued after a sign-off at that moment, both by the nodes' clocks. */
    public boolean issuedAfter(long signedOffAtMs) {
      return issuedAtMs > signedOffAtMs;
    }

    public boolean isCurrent() {
      return expiresAtMs > System.currentTimeMillis();
    }

    /**
     * The identity the bus carries; an operator's library comes from the account, not the token.
     */
    public Identity identity(long operatorLibraryId) {
      return kind == Identity.Kind.PATRON
          ? Identity.patron(chatId, libraryId)
          : Identity.operator(subjectId, operatorLibraryId);
    }
  }
}
