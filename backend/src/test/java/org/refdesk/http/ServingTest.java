package org.refdesk.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.RawHttp;
import org.refdesk.support.TestGateway;
import org.webjars.WebJarVersionLocator;

@DisplayName(
    "Files are served safely and cheaply: own redirects, revalidation, versioned libraries")
class ServingTest {

  private static final WebJarVersionLocator WEBJARS = new WebJarVersionLocator();
  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  /**
   * Each request on its own connection, sent exactly as written: each answer is read as it came,
   * never behind another on a reused connection and never normalised by a client.
   */
  private static RawHttp.Answer get(String uri, String... headerPairs) {
    return RawHttp.get(gateway.port(), uri, headerPairs);
  }

  @Test
  @DisplayName("a redirect never leads to another site, whatever the path says")
  void redirectsStayHome() {
    for (var uri :
        new String[] {
          "//evil.example/%2e%2e/app",
          "//evil.example/%2e%2e/widget",
          "/%2e%2e//evil.example/../demo",
          "//evil.example/..//app",
          "///evil.example/%2E%2E/app"
        }) {
      var answer = get(uri);
      if (answer.status() / 100 == 3) {
        var location = answer.header("Location");
        assertTrue(
            Pattern.matches("/(app|demo|widget)/", location), uri + " redirected to " + location);
      }
    }
    assertEquals("/app/", get("/app").header("Location"));
    assertEquals("/widget/", get("/widget").header("Location"));
    assertEquals("/demo/", get("/demo").header("Location"));
    assertEquals("/app/", get("/").header("Location"));
  }

  @Test
  @DisplayName(
      "the SockJS pages run no script from elsewhere: no iframe page, no script transports, and the pages' policy")
  void eventbusPagesAreLockedDown() {
    for (var uri :
        new String[] {
          "/eventbus/iframe.html", "/eventbus/iframe-1.6.1.html", "/eventbus/iframe-x.html?t=1"
        }) {
      var answer = get(uri);
      assertEquals(404, answer.status(), uri + ": " + answer.body());
      assertFalse(answer.body().contains("<script"), uri);
    }
    for (var transport : new String[] {"htmlfile?c=x", "jsonp?c=x", "eventsource"}) {
      var uri = "/eventbus/000/" + transport.replaceAll("\\W", "") + "session/" + transport;
      assertEquals(404, get(uri).status(), uri + " is not offered");
    }
    var info = get("/eventbus/info");
    assertEquals(200, info.status(), info.body());
    assertTrue(info.body().contains("\"websocket\":true"), info.body());
    var policy = info.header("Content-Security-Policy");
    assertNotNull(policy, "every answer under /eventbus carries the pages' policy");
    assertTrue(policy.contains("frame-ancestors 'none'"), policy);
    assertTrue(policy.contains("script-src 'self'"), policy);
    assertEquals("DENY", info.header("X-Frame-Options"));
    assertEquals("DENY", get("/eventbus/iframe.html").header("X-Frame-Options"));
  }

  @Test
  @DisplayName("our own files carry a validator: a browser that has them gets 304 and no body")
  void ownFilesRevalidate() {
    for (var uri :
        new String[] {
          "/widget.js",
          "/widget/widget.js",
          "/widget/widget.css",
          "/shared/connector.js",
          "/shared/vendor/vertx-eventbus.js",
          "/app/",
          "/widget/?queue=ask",
          "/demo/",
          "/app/main.js"
        }) {
      var first = get(uri, "Accept-Encoding", "gzip");
      assertEquals(200, first.status(), uri);
      var etag = first.header("ETag");
      assertNotNull(etag, uri + " has an ETag");
      assertTrue(
          first.header("Cache-Control").contains("max-age=300")
              || first.header("Cache-Control").contains("no-cache"),
          uri + ": " + first.header("Cache-Control"));
      var again = get(uri, "If-None-Match", etag, "Accept-Encoding", "gzip");
      assertEquals(304, again.status(), uri + " revalidates");
      assertEquals("", again.body());
      assertEquals(etag, again.header("ETag"));
      assertEquals(
          200,
          get(uri, "If-None-Match", "\"something-else\"").status(),
          uri + " with a stale validator");
    }
  }

  @Test
  @DisplayName(
      "a page's policy and framing rules come with the page, not with each script and style sheet it loads")
  void policyOnDocumentsOnly() {
    for (var uri : new String[] {"/app/", "/widget/?queue=ask", "/demo/"}) {
      assertNotNull(get(uri).header("Content-Security-Policy"), uri);
    }
    assertEquals("DENY", get("/app/").header("X-Frame-Options"));
    for (var uri :
        new String[] {
          "/widget/widget.js", "/widget/widget.css", "/shared/connector.js", "/app/main.js"
        }) {
      var file = get(uri);
      assertEquals(200, file.status(), uri);
      assertEquals(null, file.header("Content-Security-Policy"), uri);
      assertEquals(null, file.header("Permissions-Policy"), uri);
      assertEquals("nosniff", file.header("X-Content-Type-Options"), uri);
    }
  }

  @Test
  @DisplayName(
      "libraries are cached for a year only under their versioned address; the bare one redirects there, briefly")
  void webjarsAreVersioned() {
    var vue = WEBJARS.version("vue");
    var sockjs = WEBJARS.version("sockjs-client");
    var bare = get("/webjars/vue/dist/vue.esm-browser.prod.js");
    assertEquals(302, bare.status());
    assertEquals("/webjars/vue/" + vue + "/dist/vue.esm-browser.prod.js", bare.header("Location"));
    assertFalse(
        bare.header("Cache-Control").contains("31536000"),
        "an upgrade must reach returning browsers");
    var versioned = get(bare.header("Location"));
    assertEquals(200, versioned.status());
    assertTrue(versioned.header("Cache-Control").contains("max-age=31536000"));
    assertTrue(versioned.header("Cache-Control").contains("immutable"));
    assertEquals(
        404,
        get("/webjars/vue/0.0.1/dist/vue.esm-browser.prod.js").status(),
        "only the version we ship");

    var app = get("/app/");
    assertTrue(
        app.body().contains("\"/webjars/vue/" + vue + "/dist/vue.esm-browser.prod.js\""),
        "the import map names the version");
    assertTrue(
        app.body().contains("/webjars/sockjs-client/" + sockjs + "/dist/sockjs.min.js"),
        app.body());
    assertFalse(app.body().contains("/webjars/vue/dist/"), app.body());
    assertInlineScriptsAllowed(app);
    var widget = get("/widget/?queue=ask");
    assertFalse(widget.body().contains("/webjars/sockjs-client/dist/"), widget.body());
    assertInlineScriptsAllowed(widget);
  }

  private static void assertInlineScriptsAllowed(RawHttp.Answer page) {
    var policy = page.header("Content-Security-Policy");
    var inline =
        Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", Pattern.DOTALL)
            .matcher(page.body());
    while (inline.find()) {
      var hash = "'sha256-" + Base64.getEncoder().encodeToString(sha256(inline.group(1))) + "'";
      assertTrue(
          policy.contains(hash), "the served import map is the one the policy allows: " + policy);
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
