package org.refdesk.platform.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Headers that keep pages and answers from being misused: no sniffing, no framing (except the
 * widget, which library sites frame), and a content policy that runs only our own scripts.
 */
public final class SecurityHeaders {

  private static final Pattern INLINE_SCRIPT =
      Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", Pattern.DOTALL);

  private final String appPolicy;
  private final String widgetCommon;
  private final OriginCheck framers;

  /**
   * @param pages the HTML pages as they are sent, whose inline scripts (the import maps) the policy
   *     must allow
   * @param framers says which library sites may frame the widget of a queue
   */
  public SecurityHeaders(Collection<String> pages, OriginCheck framers) {
    // Vue compiles its template strings in the browser, which needs 'unsafe-eval'; inline scripts
    // are allowed only by the hash of the exact import maps we ship.
    var scripts =
        "'self' 'unsafe-eval'"
            + String.join("", inlineScriptHashes(pages).stream().map(h -> " '" + h + "'").toList());
    var common =
        "default-src 'self'; script-src "
            + scripts
            + "; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";
    this.appPolicy = common + "; frame-ancestors 'none'";
    this.widgetCommon = common + "; frame-ancestors 'self'";
    this.framers = framers;
  }

  /** For every answer: JSON and files alike. */
  public Handler<RoutingContext> everywhere() {
    return ctx -> {
      ctx.response()
          .headers()
          .set("X-Content-Type-Options", "nosniff")
          .set("Referrer-Policy", "strict-origin-when-cross-origin");
      ctx.next();
    };
  }

  /** API answers are personal and never cached. */
  public Handler<RoutingContext> api() {
    return ctx -> {
      ctx.response().headers().set(HttpHeaders.CACHE_CONTROL, "no-store");
      ctx.next();
    };
  }

  /**
   * Pages of the operator app, the demo site, the shared modules and everything under /eventbus:
   * never framed.
   */
  public Handler<RoutingContext> pages() {
    return ctx -> {
      ctx.response()
          .headers()
          .set("Content-Security-Policy", appPolicy)
          .set("X-Frame-Options", "DENY")
          .set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
      ctx.next();
    };
  }

  /**
   * The widget's pages: framed by the library sites that embed it, and nobody else. The queue in
   * the page's address names the library; its sites join the installation's list.
   */
  public Handler<RoutingContext> widget() {
    return ctx ->
        framers
            .framersOfQueue(ctx.request().getParam("queue"))
            .onComplete(
                found -> {
                  var sites = found.succeeded() ? found.result() : List.<String>of();
                  ctx.response()
                      .headers()
                      .set(
                          "Content-Security-Policy",
                          widgetCommon + String.join("", sites.stream().map(o -> " " + o).toList()))
                      .set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
                  ctx.next();
                });
  }

  /**
   * A page's policy, framing and permission rules mean something only on a document; a script or a
   * style sheet sent with them only costs bytes (about 400 on each of the twenty files the widget
   * loads). Registered after {@link #pages()} or {@link #widget()} on routes that serve files.
   */
  public static Handler<RoutingContext> onlyOnDocuments() {
    return ctx -> {
      ctx.addHeadersEndHandler(
          v -> {
            var type = ctx.response().headers().get(HttpHeaders.CONTENT_TYPE);
            if (type == null || !type.startsWith("text/html")) {
              ctx.response()
                  .headers()
                  .remove("Content-Security-Policy")
                  .remove("X-Frame-Options")
                  .remove("Permissions-Policy");
            }
          });
      ctx.next();
    };
  }

  static Set<String> inlineScriptHashes(Collection<String> pages) {
    // Sorted, so every node and every HTTP instance sends the same policy.
    var hashes = new TreeSet<String>();
    for (var page : pages) {
      var matcher = INLINE_SCRIPT.matcher(page);
      while (matcher.find()) {
        hashes.add("sha256-" + Base64.getEncoder().encodeToString(sha256(matcher.group(1))));
      }
    }
    return hashes;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
