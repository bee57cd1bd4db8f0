package org.refdesk.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import org.webjars.WebJarVersionLocator;

/**
 * The front end's files from the frontend jar: the operator app, the widget and its loader, the demo
 * page, the shared modules, and the webjars (addressed without their version, which only the pom names).
 */
public final class StaticRoutes {

  private static final String WEBROOT = "webroot";
  private static final String WEBJARS = "META-INF/resources/webjars";

  private final WebJarVersionLocator webjars = new WebJarVersionLocator();

  public void mount(Router router, SecurityHeaders headers) {
    // Our own files change with every release and their names do not: browsers must revalidate them.
    // Webjars carry their version in the path, so those are cached for a year.
    var files = StaticHandler.create(WEBROOT).setIndexPage("index.html").setDefaultContentEncoding("UTF-8")
        .setCachingEnabled(false);
    router.get("/").handler(ctx -> redirect(ctx, "/app/"));
    // Route paths ignore a trailing slash, so the bare folder names need a pattern of their own.
    router.getWithRegex("/(app|demo|widget)").handler(ctx -> redirect(ctx, ctx.request().path() + "/"));
    router.getWithRegex("/(app|demo|shared)/.*").handler(headers.pages()).handler(StaticRoutes::revalidate).handler(files);
    // Patterns, not paths: a StaticHandler on a path route serves files relative to that path.
    router.getWithRegex("/widget/.*").handler(headers.widget()).handler(StaticRoutes::revalidate).handler(files);
    router.getWithRegex("/widget\\.js").handler(ctx -> {
      // The loader runs inside library pages; it must always be fresh enough to follow our fixes.
      ctx.response().putHeader("Cache-Control", "public, max-age=300");
      ctx.next();
    }).handler(files);
    router.get("/webjars/:name/*").handler(this::pinVersion);
    router.get("/webjars/*").handler(StaticHandler.create(WEBJARS).setMaxAgeSeconds(365L * 24 * 3600));
  }

  /** Rewrites /webjars/vue/dist/x.js to /webjars/vue/3.5.26/dist/x.js; versioned paths pass through. */
  private void pinVersion(RoutingContext ctx) {
    var name = ctx.pathParam("name");
    var version = webjars.version(name);
    var rest = ctx.pathParam("*");
    if (version == null || rest == null || rest.startsWith(version + "/")) {
      ctx.next();
      return;
    }
    ctx.reroute("/webjars/" + name + "/" + version + "/" + rest);
  }

  private static void revalidate(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-cache");
    ctx.next();
  }

  private static void redirect(RoutingContext ctx, String location) {
    ctx.response().setStatusCode(302).putHeader("Location", location).end();
  }
}
