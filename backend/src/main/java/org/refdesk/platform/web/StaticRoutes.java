package org.refdesk.platform.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The front end's files from the frontend jar: the operator app, the widget and its loader, the
 * demo page, the patron's ticket reply page, the libraries' public FAQ pages, the shared modules
 * and the webjars.
 *
 * <p>Our own files keep their names across releases, so browsers revalidate them (ETag, 304) rather
 * than keep them. Webjars are cached for a year under their versioned address only; a bare address
 * redirects to it, and the redirect is cached briefly, so an upgrade reaches returning browsers.
 */
public final class StaticRoutes {

  private static final String WEBJARS = "META-INF/resources/webjars";
  private static final long YEAR_SECONDS = 365L * 24 * 3600;

  /**
   * How long the loader, and a bare webjar address's redirect, may be used without asking again.
   */
  private static final String SHORT_CACHE = "public, max-age=300";

  private static final String REVALIDATE = "no-cache";

  private final OwnFiles ownFiles;
  private final WebjarVersions webjars;

  public StaticRoutes(OwnFiles ownFiles, WebjarVersions webjars) {
    this.ownFiles = ownFiles;
    this.webjars = webjars;
  }

  public void mount(Router router, SecurityHeaders headers) {
    var files =
        StaticHandler.create(OwnFiles.WEBROOT)
            .setIndexPage("index.html")
            .setDefaultContentEncoding("UTF-8")
            .setCachingEnabled(false);
    // Redirects lead to fixed addresses of our own, never to one built from the request's path:
    // "//evil.example/%2e%2e/app" normalises to "/app", and its raw path would be another site.
    router.get("/").handler(ctx -> redirect(ctx, "/app/"));
    // Route paths ignore a trailing slash, so the bare folder names need patterns of their own.
    for (var folder : new String[] {"app", "demo", "widget", "reply", "faq"}) {
      router.getWithRegex("/" + folder).handler(ctx -> redirect(ctx, "/" + folder + "/"));
    }
    router
        .getWithRegex("/(app|demo|shared|reply|faq)/.*")
        .handler(headers.pages())
        .handler(SecurityHeaders.onlyOnDocuments())
        .handler(cache(REVALIDATE))
        .handler(ownFiles.serve())
        .handler(files);
    // Patterns, not paths: a StaticHandler on a path route serves files relative to that path.
    router
        .getWithRegex("/widget/.*")
        .handler(headers.widget())
        .handler(SecurityHeaders.onlyOnDocuments())
        .handler(cache(REVALIDATE))
        .handler(ownFiles.serve())
        .handler(files);
    // The loader runs inside library pages: fresh within minutes, then a 304 on the next page view.
    router
        .getWithRegex("/widget\\.js")
        .handler(cache(SHORT_CACHE))
        .handler(ownFiles.serve())
        .handler(files);
    router.get("/webjars/:name/*").handler(this::versionedOnly);
    router.get("/webjars/*").handler(StaticHandler.create(WEBJARS).setMaxAgeSeconds(YEAR_SECONDS));
  }

  /**
   * /webjars/vue/dist/x.js redirects to /webjars/vue/3.5.26/dist/x.js; the version we ship passes
   * through; another version is a 404 rather than a file a year old or one we never tested.
   */
  private void versionedOnly(RoutingContext ctx) {
    var name = ctx.pathParam("name");
    var version = webjars.version(name);
    var rest = ctx.pathParam("*");
    if (version == null || rest == null || rest.startsWith(version + "/")) {
      ctx.next();
    } else if (WebjarVersions.looksLikeVersion(rest)) {
      ctx.response()
          .setStatusCode(404)
          .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
          .end("Not found");
    } else {
      ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, SHORT_CACHE);
      redirect(ctx, "/webjars/" + name + "/" + version + "/" + rest);
    }
  }

  private static Handler<RoutingContext> cache(String policy) {
    return ctx -> {
      ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, policy);
      ctx.next();
    };
  }

  private static void redirect(RoutingContext ctx, String location) {
    ctx.response().setStatusCode(302).putHeader(HttpHeaders.LOCATION, location).end();
  }
}
