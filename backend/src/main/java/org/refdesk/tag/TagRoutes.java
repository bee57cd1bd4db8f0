package org.refdesk.tag;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.refdesk.chat.ChatVisibility;
import org.refdesk.library.LibraryAddresses;
import org.refdesk.operator.OperatorAuth;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.web.JsonInput;
import org.refdesk.platform.web.OperatorGate;
import org.refdesk.platform.web.PathParams;
import org.refdesk.platform.web.Responses;
import org.refdesk.tag.TagRepository.Tag;

/** Admins keep the library's list of tags; operators put them on the library's chats. */
final class TagRoutes {

  static final int NAME_CHARS = 60;

  private final TagRepository tags;
  private final ChatVisibility visibility;

  TagRoutes(TagRepository tags, ChatVisibility visibility) {
    this.tags = tags;
    this.visibility = visibility;
  }

  void mount(Router router, OperatorAuth operatorAuth) {
    var admin = OperatorAuth.requireAdmin();
    router.get("/api/tags").handler(operatorAuth).handler(this::list);
    router.post("/api/tags").handler(operatorAuth).handler(admin).handler(this::create);
    router.delete("/api/tags/:tagId").handler(operatorAuth).handler(admin).handler(this::delete);
    router.get("/api/chats/:id/tags").handler(operatorAuth).handler(this::ofChat);
    router.post("/api/chats/:id/tags").handler(operatorAuth).handler(this::tagChat);
    router.delete("/api/chats/:id/tags/:tagId").handler(operatorAuth).handler(this::untagChat);
  }

  private void list(RoutingContext ctx) {
    tags.inLibrary(OperatorAuth.operator(ctx).libraryId())
        .onSuccess(all -> Responses.ok(ctx, new JsonObject().put("tags", Tag.asArray(all))))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    var name = JsonInput.body(ctx).requiredText("name", NAME_CHARS);
    long libraryId = OperatorAuth.operator(ctx).libraryId();
    tags.create(libraryId, name)
        .onSuccess(
            tag -> {
              LibraryAddresses.announceLibraryChange(
                  ctx.vertx(), libraryId, LibraryAddresses.CHANGED_TAGS);
              Responses.created(ctx, tag.toJson());
            })
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    long libraryId = OperatorAuth.operator(ctx).libraryId();
    tags.delete(libraryId, PathParams.id(ctx, "tagId"))
        .onSuccess(
            deleted -> {
              if (deleted) {
                LibraryAddresses.announceLibraryChange(
                    ctx.vertx(), libraryId, LibraryAddresses.CHANGED_TAGS);
                ctx.response().setStatusCode(204).end();
              } else {
                ctx.fail(ApiException.notFound("There is no such tag in your library."));
              }
            })
        .onFailure(ctx::fail);
  }

  /**
   * The chat's tags; for a chat of another library (a co-op librarian answering its patron), also
   * the tags it may be given, which are its library's, not the caller's. The caller's own library's
   * list comes from {@code /api/tags}, kept current by the library's change events.
   */
  private void ofChat(RoutingContext ctx) {
    long chatId = PathParams.id(ctx, "id");
    var caller = OperatorGate.caller(ctx);
    visibility
        .chatFor(caller, chatId)
        .compose(
            chat ->
                chat.libraryId() == caller.libraryId()
                    ? tags.ofChat(chatId)
                        .map(list -> new JsonObject().put("tags", Tag.asArray(list)))
                    : Future.all(tags.ofChat(chatId), tags.inLibrary(chat.libraryId()))
                        .map(
                            both ->
                                new JsonObject()
                                    .put("tags", Tag.asArray(both.resultAt(0)))
                                    .put("choices", Tag.asArray(both.resultAt(1)))))
        .onSuccess(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void tagChat(RoutingContext ctx) {
    long chatId = PathParams.id(ctx, "id");
    var operator = OperatorAuth.operator(ctx);
    var tagValue = JsonInput.body(ctx);
    long tagId = tagValue.requiredId("tagId");
    visibility
        .chatFor(OperatorGate.caller(ctx), chatId)
        // The chat's library's tags: a co-op librarian tags a patron's chat as its home library
        // counts.
        .compose(chat -> tags.tag(chatId, tagId, operator.id(), chat.libraryId()))
        .compose(v -> tags.ofChat(chatId))
        .onSuccess(list -> Responses.ok(ctx, new JsonObject().put("tags", Tag.asArray(list))))
        .onFailure(ctx::fail);
  }

  private void untagChat(RoutingContext ctx) {
    long chatId = PathParams.id(ctx, "id");
    long tagId = PathParams.id(ctx, "tagId");
    visibility
        .chatFor(OperatorGate.caller(ctx), chatId)
        .compose(chat -> tags.untag(chatId, tagId))
        .compose(v -> tags.ofChat(chatId))
        .onSuccess(list -> Responses.ok(ctx, new JsonObject().put("tags", Tag.asArray(list))))
        .onFailure(ctx::fail);
  }
}
