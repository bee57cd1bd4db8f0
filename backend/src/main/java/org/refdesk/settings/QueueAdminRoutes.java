package org.refdesk.settings;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.refdesk.library.LibraryAddresses;
import org.refdesk.operator.OperatorAuth;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.web.JsonInput;
import org.refdesk.platform.web.PathParams;
import org.refdesk.platform.web.Responses;
import org.refdesk.queue.QueueAdminRepository;
import org.refdesk.queue.QueueAdminRepository.Removal;
import org.refdesk.queue.QueueLimits;
import org.refdesk.queue.QueueSettings;

/**
 * A library admin keeps the library's queues: departments and campuses a patron asks into, with
 * what the widget shows for each. Every change is announced so open apps and caches read it again.
 */
final class QueueAdminRoutes {

  private static final String SLUG_RULE =
      "must be 1 to 63 lower-case letters, digits or dashes, starting with a letter or digit";

  private final QueueAdminRepository queues;

  QueueAdminRoutes(QueueAdminRepository queues) {
    this.queues = queues;
  }

  void mount(Router router, OperatorAuth operatorAuth) {
    var admin = OperatorAuth.requireAdmin();
    router.get("/api/admin/queues").handler(operatorAuth).handler(admin).handler(this::list);
    router.post("/api/admin/queues").handler(operatorAuth).handler(admin).handler(this::create);
    router.put("/api/admin/queues/:id").handler(operatorAuth).handler(admin).handler(this::edit);
    router
        .delete("/api/admin/queues/:id")
        .handler(operatorAuth)
        .handler(admin)
        .handler(this::remove);
    router
        .post("/api/admin/queues/:id/restore")
        .handler(operatorAuth)
        .handler(admin)
        .handler(this::restore);
  }

  private void list(RoutingContext ctx) {
    queues
        .list(OperatorAuth.operator(ctx).libraryId())
        .onSuccess(
            all -> {
              var list = new JsonArray();
              all.forEach(q -> list.add(q.toJson()));
              Responses.ok(ctx, new JsonObject().put("queues", list));
            })
        .onFailure(ctx::fail);
  }

  /** {@code {slug, name, settings?}}. */
  private void create(RoutingContext ctx) {
    var admin = OperatorAuth.operator(ctx);
    var input = JsonInput.body(ctx);
    var slug = input.matching("slug", QueueLimits.SLUG, SLUG_RULE);
    var name = input.requiredText("name", QueueLimits.NAME_CHARS);
    var settings = QueueSettings.validated(input.json().getValue("settings"));
    queues
        .create(admin.libraryId(), slug, name, settings, admin.id())
        .onSuccess(
            created -> {
              announce(ctx, admin.libraryId());
              Responses.created(ctx, created.toJson());
            })
        .onFailure(ctx::fail);
  }

  /** Any of {@code slug}, {@code name}, {@code settings} (replaced whole). */
  private void edit(RoutingContext ctx) {
    var admin = OperatorAuth.operator(ctx);
    long id = PathParams.id(ctx, "id");
    var input = JsonInput.body(ctx);
    var json = input.json();
    var slug =
        json.containsKey("slug") ? input.matching("slug", QueueLimits.SLUG, SLUG_RULE) : null;
    var name = json.containsKey("name") ? input.requiredText("name", QueueLimits.NAME_CHARS) : null;
    var settings =
        json.containsKey("settings") ? QueueSettings.validated(json.getValue("settings")) : null;
    queues
        .update(admin.libraryId(), id, slug, name, settings, admin.id())
        .compose(found -> found.map(Future::succeededFuture).orElseGet(QueueAdminRoutes::missing))
        .onSuccess(
            updated -> {
              announce(ctx, admin.libraryId());
              Responses.ok(ctx, updated.toJson());
            })
        .onFailure(ctx::fail);
  }

  /** Deletes a queue with nothing recorded in it; archives one with chats (its history stays). */
  private void remove(RoutingContext ctx) {
    var admin = OperatorAuth.operator(ctx);
    long id = PathParams.id(ctx, "id");
    queues
        .remove(admin.libraryId(), id, admin.id())
        .compose(found -> found.map(Future::succeededFuture).orElseGet(QueueAdminRoutes::missing))
        .onSuccess(
            removal -> {
              announce(ctx, admin.libraryId());
              Responses.ok(
                  ctx,
                  new JsonObject()
                      .put("id", id)
                      .put("deleted", removal == Removal.DELETED)
                      .put("archived", removal == Removal.ARCHIVED));
            })
        .onFailure(ctx::fail);
  }

  private void restore(RoutingContext ctx) {
    var admin = OperatorAuth.operator(ctx);
    long id = PathParams.id(ctx, "id");
    queues
        .restore(admin.libraryId(), id, admin.id())
        .compose(found -> found.map(Future::succeededFuture).orElseGet(QueueAdminRoutes::missing))
        .onSuccess(
            restored -> {
              announce(ctx, admin.libraryId());
              Responses.ok(ctx, restored.toJson());
            })
        .onFailure(ctx::fail);
  }

  private static void announce(RoutingContext ctx, long libraryId) {
    LibraryAddresses.announceLibraryChange(ctx.vertx(), libraryId, LibraryAddresses.CHANGED_QUEUES);
  }

  private static <T> Future<T> missing() {
    return Future.failedFuture(ApiException.notFound("There is no such queue in your library."));
  }
}
