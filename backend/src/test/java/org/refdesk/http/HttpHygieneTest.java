package org.refdesk.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.TestGateway;

@DisplayName("Every bad request gets a JSON error and the server keeps serving")
class HttpHygieneTest {

  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @AfterEach
  void stillServing() {
    assertEquals(200, gateway.get("/health", null).statusCode());
  }

  private static HttpResponse<Buffer> raw(
      HttpMethod method, String path, String contentType, Buffer body) {
    var request = gateway.client().request(method, path);
    if (contentType != null) {
      request.putHeader("Content-Type", contentType);
    }
    return TestGateway.await(body == null ? request.send() : request.sendBuffer(body));
  }

  private static void assertError(HttpResponse<Buffer> response, int status, String code) {
    assertEquals(status, response.statusCode(), response::bodyAsString);
    assertTrue(
        response.getHeader("Content-Type").startsWith("application/json"),
        response.getHeader("Content-Type"));
    var error = response.bodyAsJsonObject().getJsonObject("error");
    assertEquals(code, error.getString("code"));
    assertNotNull(error.getString("message"));
    assertFalse(response.bodyAsString().contains("Exception"), "no internals in an error");
  }

  @Test
  @DisplayName("malformed JSON is a 400 bad_json")
  void malformedJson() {
    assertError(
        raw(
            HttpMethod.POST,
            "/api/auth/login",
            "application/json",
            Buffer.buffer("{\"username\": ")),
        400,
        "bad_json");
    assertError(
        raw(HttpMethod.POST, "/api/auth/login", "application/json", Buffer.buffer("[1,2]")),
        400,
        "bad_json");
    assertError(raw(HttpMethod.POST, "/api/auth/login", "application/json", null), 400, "bad_json");
    assertError(
        raw(
            HttpMethod.POST,
            "/api/auth/login",
            "application/json",
            Buffer.buffer(new byte[] {(byte) 0xff, 0x00, 0x7b})),
        400,
        "bad_json");
  }

  @Test
  @DisplayName("a body over the limit is a 413")
  void oversizedBody() {
    var big = "{\"username\":\"" + "a".repeat(70_000) + "\",\"password\":\"x\"}";
    assertError(
        raw(HttpMethod.POST, "/api/auth/login", "application/json", Buffer.buffer(big)),
        413,
        "payload_too_large");
  }

  @Test
  @DisplayName("an unknown API path is a JSON 404, a known path with the wrong method a JSON 405")
  void unknownPathsAndMethods() {
    assertError(raw(HttpMethod.GET, "/api/no-such-thing", null, null), 404, "not_found");
    assertError(raw(HttpMethod.DELETE, "/api/me", null, null), 405, "method_not_allowed");
  }

  @Test
  @DisplayName("a browser page of another site may not call the API; the gateway's own pages may")
  void foreignOrigin() {
    var foreign =
        TestGateway.await(
            gateway
                .client()
                .post("/api/auth/login")
                .putHeader("Origin", "https://evil.example")
                .sendJsonObject(new JsonObject()));
    assertError(foreign, 403, "origin_not_allowed");
    var own =
        TestGateway.await(
            gateway
                .client()
                .post("/api/auth/login")
                .putHeader("Origin", "http://127.0.0.1:" + gateway.port())
                .sendJsonObject(
                    new JsonObject()
                        .put("username", "admin")
                        .put("password", TestGateway.ADMIN_PASSWORD)));
    assertEquals(200, own.statusCode());
  }

  @Test
  @DisplayName("API answers are never cached and never sniffed")
  void apiHeaders() {
    var response = raw(HttpMethod.GET, "/api/me", null, null);
    assertEquals("no-store", response.getHeader("Cache-Control"));
    assertEquals("nosniff", response.getHeader("X-Content-Type-Options"));
    assertEquals("Bearer realm=\"refdesk\"", response.getHeader("WWW-Authenticate"));
  }

  @Test
  @DisplayName(
      "the operator app is a real sign-in page with a strict content policy and no framing")
  void operatorAppPage() {
    var page = raw(HttpMethod.GET, "/app/", null, null);
    assertEquals(200, page.statusCode());
    assertTrue(page.bodyAsString().contains("<script type=\"module\" src=\"/app/main.js\">"));
    var policy = page.getHeader("Content-Security-Policy");
    assertTrue(policy.contains("frame-ancestors 'none'"), policy);
    assertTrue(
        policy.contains("script-src 'self' 'unsafe-eval' 'sha256-"),
        "the import map is allowed by its hash: " + policy);
    assertEquals("DENY", page.getHeader("X-Frame-Options"));
    assertEquals(
        "no-cache", page.getHeader("Cache-Control"), "a new release reaches browsers at once");

    var bare = TestGateway.await(gateway.client().get("/app").followRedirects(false).send());
    assertEquals(302, bare.statusCode());
    assertEquals("/app/", bare.getHeader("Location"));
    assertEquals(200, raw(HttpMethod.GET, "/app/session/LoginForm.js", null, null).statusCode());
    var vue = raw(HttpMethod.GET, "/webjars/vue/dist/vue.esm-browser.prod.js", null, null);
    assertEquals(200, vue.statusCode(), "webjars are served without their version in the path");
    assertTrue(vue.getHeader("Content-Type").contains("javascript"));
    assertTrue(
        vue.getHeader("Cache-Control").contains("max-age=31536000"),
        "versioned webjars are cached long");
  }

  @Test
  @DisplayName(
      "the widget's loader and its page are served, the page frameable only by the gateway and allowed sites")
  void widgetFiles() {
    var loader = raw(HttpMethod.GET, "/widget.js", null, null);
    assertEquals(200, loader.statusCode());
    assertTrue(loader.getHeader("Content-Type").contains("javascript"));
    assertTrue(loader.getHeader("Cache-Control").contains("max-age=300"));
    var page = raw(HttpMethod.GET, "/widget/", null, null);
    assertEquals(200, page.statusCode());
    assertTrue(page.getHeader("Content-Security-Policy").contains("frame-ancestors 'self'"));
    assertEquals(null, page.getHeader("X-Frame-Options"), "library sites frame the widget");
    assertEquals(200, raw(HttpMethod.GET, "/demo/", null, null).statusCode());
  }

  @Test
  @DisplayName("/health says the process is up and /ready that Postgres and Redis answer")
  void healthAndReady() {
    assertEquals("up", gateway.get("/health", null).bodyAsJsonObject().getString("status"));
    var ready = gateway.get("/ready", null);
    assertEquals(200, ready.statusCode());
    assertEquals("up", ready.bodyAsJsonObject().getString("postgres"));
    assertEquals("up", ready.bodyAsJsonObject().getString("redis"));
  }
}
