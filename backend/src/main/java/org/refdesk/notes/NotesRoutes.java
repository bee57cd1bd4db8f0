package org.refdesk.notes;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.refdesk.notes.NotesRepository.NotesPolicy;
import org.refdesk.operator.OperatorAuth;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.web.JsonInput;
import org.refdesk.platform.web.OperatorGate;
import org.refdesk.platform.web.PathParams;
import org.refdesk.platform.web.Responses;

/**
 * Library notes: the library's admins keep them, its staleness age and its local-only topics; its
 * operators read them; whoever sees a chat reads the chat's home library card and may send a
 * local-only question home.
 */
final class NotesRoutes {

  private final NotesRepository notes;
  private final HomeCards cards;

  NotesRoutes(NotesRepository notes, HomeCards cards) {
    this.notes = notes;
    this.cards = cards;
  }

  void mount(Router router, OperatorAuth operatorAuth) {
    var admin = OperatorAuth.requireAdmin();
    router.get("/api/library-notes").handler(operatorAuth).handler(this::ours);
    router
        .put("/api/admin/library-notes/policy")
        .handler(operatorAuth)
        .handler(admin)
        .handler(this::setPolicy);
    router
        .post("/api/admin/library-notes")
        .handler(operatorAuth)
        .handler(admin)
        .handler(this::create);
    router
        .put("/api/admin/library-notes/:id")
        .handler(operatorAuth)
        .handler(admin)
        .handler(this::edit);
    router
        .delete("/api/admin/library-notes/:id")
        .handler(operatorAuth)
        .handler(admin)
        .handler(this::delete);
    router.get("/api/chats/:id/home-card").handler(operatorAuth).handler(this::homeCard);
    router.post("/api/chats/:id/send-home").handler(operatorAuth).handler(this::sendHome);
  }

  /** The caller's own library's notes and policy: what its card shows, and the admin's screen. */
  private void ours(RoutingContext ctx) {
    long libraryId = OperatorAuth.operator(ctx).libraryId();
    Future.all(notes.all(libraryId), notes.policy(libraryId))
        .onSuccess(both -> Responses.ok(ctx, ours(both.resultAt(0), both.resultAt(1))))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    var operator = OperatorAuth.operator(ctx);
    var fields = NotesInput.note(JsonInput.body(ctx));
    notes
        .create(operator.libraryId(), fields, operator.id())
        .compose(
            made ->
                made.isPresent()
                    ? withAge(operator.libraryId(), made.get())
                    : Future.failedFuture(
                        ApiException.invalid(
                            "The library keeps "
                                + NotesLimits.NOTES_PER_LIBRARY
                                + " notes already: delete one first.")))
        .onSuccess(note -> Responses.created(ctx, note))
        .onFailure(ctx::fail);
  }

  private void edit(RoutingContext ctx) {
    var operator = OperatorAuth.operator(ctx);
    long id = PathParams.id(ctx, "id");
    var fields = NotesInput.note(JsonInput.body(ctx));
    notes
        .update(operator.libraryId(), id, fields, operator.id())
        .compose(
            found ->
                found.isPresent()
                    ? withAge(operator.libraryId(), found.get())
                    : Future.failedFuture(notFound()))
        .onSuccess(note -> Responses.ok(ctx, note))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    notes
        .delete(OperatorAuth.operator(ctx).libraryId(), PathParams.id(ctx, "id"))
        .onSuccess(
            deleted -> {
              if (deleted) {
                Responses.noContent(ctx);
              } else {
                ctx.fail(notFound());
              }
            })
        .onFailure(ctx::fail);
  }

  /** Replaces the staleness age and the local-only topics; answers the library's notes view. */
  private void setPolicy(RoutingContext ctx) {
    var operator = OperatorAuth.operator(ctx);
    var policy = NotesInput.policy(JsonInput.body(ctx));
    notes
        .setPolicy(operator.libraryId(), policy, operator.id())
        .compose(saved -> notes.all(operator.libraryId()).map(all -> ours(all, saved)))
        .onSuccess(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void homeCard(RoutingContext ctx) {
    cards
        .card(OperatorAuth.operator(ctx), OperatorGate.caller(ctx), PathParams.id(ctx, "id"))
        .onSuccess(card -> Responses.ok(ctx, card))
        .onFailure(ctx::fail);
  }

  /**
   * {@code {topic, note}}: the local-only topic the question is on, and a note for the home staff.
   */
  private void sendHome(RoutingContext ctx) {
    long chatId = PathParams.id(ctx, "id");
    var input = JsonInput.body(ctx);
    var topic = NotesInput.topic(input);
    Optional<String> note = input.optionalText("note", NotesLimits.SEND_HOME_NOTE_CHARS);
    cards
        .sendHome(OperatorAuth.operator(ctx), OperatorGate.caller(ctx), chatId, topic, note)
        .onSuccess(sent -> Responses.ok(ctx, sent))
        .onFailure(ctx::fail);
  }

  private Future<JsonObject> withAge(long libraryId, LibraryNote note) {
    return notes
        .policy(libraryId)
        .map(policy -> note.toJson(OffsetDateTime.now(ZoneOffset.UTC), policy.staleAfterDays()));
  }

  private static JsonObject ours(List<LibraryNote> all, NotesPolicy policy) {
    var now = OffsetDateTime.now(ZoneOffset.UTC);
    var list = new JsonArray();
    all.forEach(note -> list.add(note.toJson(now, policy.staleAfterDays())));
    var local = new JsonArray();
    policy.localTopics().forEach(topic -> local.add(topic.toJson()));
    return new JsonObject()
        .put("topics", new JsonArray(NotesLimits.TOPICS))
        .put("limits", NotesLimits.forClients())
        .put("staleAfterDays", policy.staleAfterDays())
        .put("localOnly", local)
        .put("notes", list);
  }

  private static ApiException notFound() {
    return ApiException.notFound("There is no such note in your library.");
  }
}
