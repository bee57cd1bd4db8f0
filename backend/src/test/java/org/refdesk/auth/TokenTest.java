package org.refdesk.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.platform.config.RefdeskConfig;
import org.refdesk.support.TestGateway;
import org.refdesk.support.TestServices;

@DisplayName("Operator tokens")
class TokenTest {

  private static TestGateway gateway;
  private static long adminId;
  private static long libraryId;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    var admin =
        gateway.query("SELECT id, library_id FROM operators WHERE username = 'admin'").get(0);
    adminId = admin.getLong("id");
    libraryId = admin.getLong("library_id");
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  /**
   * Signs claims as the gateway would, or with another key, to build tokens the gateway must
   * refuse.
   */
  private static String sign(String key, JsonObject claims, JWTOptions options) {
    var auth =
        JWTAuth.create(
            gateway.vertx(),
            new JWTAuthOptions()
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(key)));
    return auth.generateToken(claims, options.setAlgorithm("HS256"));
  }

  private static JsonObject operatorClaims() {
    return new JsonObject().put("sub", Long.toString(adminId)).put("lib", libraryId);
  }

  private static JWTOptions valid() {
    return new JWTOptions()
        .setIssuer(Tokens.ISSUER)
        .setAudience(List.of(Tokens.OPERATOR_AUDIENCE))
        .setExpiresInMinutes(5);
  }

  private static void assertRefused(String token) {
    var response = gateway.get("/api/me", token);
    assertEquals(401, response.statusCode(), response::bodyAsString);
    assertEquals(
        "unauthorized", response.bodyAsJsonObject().getJsonObject("error").getString("code"));
  }

  @Test
  @DisplayName(
      "a token signed with the gateway's key and the right claims is accepted (the forgeries below differ in one thing)")
  void wellFormedTokenIsAccepted() {
    assertEquals(
        200,
        gateway
            .get("/api/me", sign(gateway.refdesk().signingKey(), operatorClaims(), valid()))
            .statusCode());
  }

  @Test
  @DisplayName("no token, or something that is not a token, gets 401")
  void missingToken() {
    assertRefused(null);
    assertRefused("not-a-jwt");
  }

  @Test
  @DisplayName("an expired token gets 401")
  void expiredToken() {
    long now = System.currentTimeMillis() / 1000;
    var claims = operatorClaims().put("iat", now - 7200).put("exp", now - 3600);
    var options =
        new JWTOptions()
            .setIssuer(Tokens.ISSUER)
            .setAudience(List.of(Tokens.OPERATOR_AUDIENCE))
            .setNoTimestamp(true);
    assertRefused(sign(gateway.refdesk().signingKey(), claims, options));
  }

  @Test
  @DisplayName("a token the gateway has verified and remembers is refused once it expires")
  void rememberedTokenExpires() {
    long now = System.currentTimeMillis() / 1000;
    var claims = operatorClaims().put("iat", now).put("exp", now + 3);
    var options =
        new JWTOptions()
            .setIssuer(Tokens.ISSUER)
            .setAudience(List.of(Tokens.OPERATOR_AUDIENCE))
            .setNoTimestamp(true);
    var token = sign(gateway.refdesk().signingKey(), claims, options);
    for (int i = 0; i < 4; i++) {
      assertEquals(
          200, gateway.get("/api/me", token).statusCode(), "every event loop verifies it once");
    }
    gateway.eventually(
        "the token is refused after its expiry",
        () -> gateway.get("/api/me", token).statusCode() == 401,
        6000);
    assertRefused(token);
  }

  @Test
  @DisplayName("a token signed with another key gets 401")
  void forgedSignature() {
    assertRefused(sign("some-other-key-that-is-long-enough-to-sign", operatorClaims(), valid()));
  }

  @Test
  @DisplayName("a token for another audience, such as a patron's chat token, gets 401")
  void wrongAudience() {
    var patronLike =
        new JWTOptions()
            .setIssuer(Tokens.ISSUER)
            .setAudience(List.of(Tokens.PATRON_AUDIENCE))
            .setExpiresInMinutes(5);
    assertRefused(sign(gateway.refdesk().signingKey(), operatorClaims(), patronLike));
    assertRefused(
        gateway.startChat("ask", "Pat", "Is a patron's token an operator's?").getString("token"));
  }

  @Test
  @DisplayName("a token from another issuer gets 401")
  void wrongIssuer() {
    var options =
        new JWTOptions()
            .setIssuer("someone-else")
            .setAudience(List.of(Tokens.OPERATOR_AUDIENCE))
            .setExpiresInMinutes(5);
    assertRefused(sign(gateway.refdesk().signingKey(), operatorClaims(), options));
  }

  @Test
  @DisplayName("a token that names an operator who does not exist gets 401")
  void unknownOperator() {
    assertRefused(
        sign(gateway.refdesk().signingKey(), operatorClaims().put("sub", "987654"), valid()));
  }

  @Test
  @DisplayName(
      "the signing key is kept: a restarted gateway on the same database accepts the old token")
  void keySurvivesRestart() {
    var token = gateway.adminToken();
    var key = gateway.refdesk().signingKey();
    var restarted =
        org.refdesk.Refdesk.start(
            RefdeskConfig.fromEnv(
                Map.of(
                    "REFDESK_HTTP_PORT",
                    Integer.toString(TestGateway.freePort()),
                    "REFDESK_HTTP_HOST",
                    "127.0.0.1",
                    "REFDESK_PG_URL",
                    gateway.pgUrl(),
                    "REFDESK_REDIS_URL",
                    TestServices.REDIS_URL,
                    "REFDESK_REDIS_PREFIX",
                    gateway.redisPrefix(),
                    "REFDESK_HTTP_INSTANCES",
                    "1")));
    var second = TestGateway.await(restarted);
    try {
      assertEquals(key, second.signingKey());
      var response =
          TestGateway.await(
              gateway
                  .client()
                  .get(second.config().httpPort(), "127.0.0.1", "/api/me")
                  .bearerTokenAuthentication(token)
                  .send());
      assertEquals(200, response.statusCode());
    } finally {
      TestGateway.await(second.stop());
    }
  }
}
