package org.refdesk.embed;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.regex.Pattern;
import org.refdesk.operator.OperatorAuth;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.web.JsonInput;
import org.refdesk.platform.web.Responses;
import org.refdesk.queue.QueueRepository;

/**
 * A library admin's sites that may embed the widget, the snippets for each queue and placement, and
 * the direct link's address, which anyone may follow.
 */
final class EmbedRoutes {

  private static final Pattern QUEUE_SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  private final LibrarySiteRepository sites;
  private final QueueRepository queues;
  private final String publicUrl;

  EmbedRoutes(LibrarySiteRepository sites, QueueRepository queues, String publicUrl) {
    this.sites = sites;
    this.queues = queues;
    this.publicUrl = publicUrl;
  }

  /** The direct link is a page, not an API call: it answers before the API's checks. */
  void mountPublic(Router router) {
    router.getWithRegex("/chat/?").handler(this::directLink);
  }

  void mount(Router router, OperatorAuth operatorAuth) {
    var admin = OperatorAuth.requireAdmin();
    router.get("/api/admin/widget/sites").handler(operatorAuth).handler(admin).handler(this::list);
    router.post("/api/admin/widget/sites").handler(operatorAuth).handler(admin).handler(this::add);
    router
        .delete("/api/admin/widget/sites")
        .handler(operatorAuth)
        .handler(admin)
        .handler(this::remove);
    router
        .get("/api/admin/widget/snippets")
        .handler(operatorAuth)
        .handler(admin)
        .handler(this::snippets);
  }

  private void list(RoutingContext ctx) {
    long libraryId = OperatorAuth.operator(ctx).libraryId();
    sites.of(libraryId).onSuccess(found -> Responses.ok(ctx, listed(found))).onFailure(ctx::fail);
  }

  private void add(RoutingContext ctx) {
    var origin =
        SiteOrigin.normalise(JsonInput.body(ctx).requiredText("origin", EmbedLimits.ORIGIN_CHARS));
    var operator = OperatorAuth.operator(ctx);
    sites
        .add(operator.libraryId(), origin, operator.id())
        .onSuccess(
            added -> {
              SiteDirectory.announceChange(ctx.vertx(), operator.libraryId());
              var body = new JsonObject().put("origin", origin);
              if (added == LibrarySiteRepository.Added.ADDED) {
                Responses.created(ctx, body);
              } else {
                Responses.ok(ctx, body);
              }
            })
        .onFailure(ctx::fail);
  }

  private void remove(RoutingContext ctx) {
    var origin = SiteOrigin.normalise(ctx.queryParams().get("origin"));
    var operator = OperatorAuth.operator(ctx);
    sites
        .remove(operator.libraryId(), origin, operator.id())
        .onSuccess(
            removed -> {
              if (!removed) {
                ctx.fail(ApiException.notFound("The library does not list " + origin + "."));
                return;
              }
              SiteDirectory.announceChange(ctx.vertx(), operator.libraryId());
              Responses.noContent(ctx);
            })
        .onFailure(ctx::fail);
  }

  private void snippets(RoutingContext ctx) {
    long libraryId = OperatorAuth.operator(ctx).libraryId();
    queues
        .all()
        .onSuccess(
            all -> {
              var list = new JsonArray();
              all.stream()
                  .filter(queue -> queue.libraryId() == libraryId)
                  .sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
                  .forEach(queue -> list.add(Snippets.forQueue(publicUrl, queue)));
              Responses.ok(
                  ctx,
                  new JsonObject()
                      .put("publicUrl", publicUrl)
                      .put("placements", new JsonArray(Snippets.PLACEMENTS))
                      .put("queues", list));
            })
        .onFailure(ctx::fail);
  }

  /**
   * The full-page chat of a queue: the widget's own page, opened on its own, where its storage is
   * first-party. An address with no usable queue still opens the page, which says so.
   */
  private void directLink(RoutingContext ctx) {
    var slug = ctx.request().getParam("queue");
    var target =
        slug != null && QUEUE_SLUG.matcher(slug).matches() ? "/widget/?queue=" + slug : "/widget/";
    ctx.response().setStatusCode(302).putHeader("Location", target).end();
  }

  private static JsonObject listed(List<LibrarySite> found) {
    var list = new JsonArray();
    found.forEach(site -> list.add(site.toJson()));
    return new JsonObject().put("sites", list).put("limit", EmbedLimits.SITES_PER_LIBRARY);
  }
}
