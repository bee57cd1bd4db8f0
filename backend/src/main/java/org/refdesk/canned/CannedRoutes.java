package org.refdesk.canned;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;
import org.refdesk.canned.CannedRepository.Draft;
import org.refdesk.chat.ChatLimits;
import org.refdesk.operator.Operator;
import org.refdesk.operator.OperatorAuth;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.web.JsonInput;
import org.refdesk.platform.web.PathParams;
import org.refdesk.platform.web.Responses;

/**
 * Canned messages. Everyone reads the library's and their own; an admin edits the library's, each
 * operator edits only their own. Someone else's personal message is as unknown as a missing one.
 */
public final class CannedRoutes {

  static final int TITLE_CHARS = 80;
  static final int SHORTCUT_CHARS = 32;
  private static final Pattern SHORTCUT =
      Pattern.compile("[a-z0-9][a-z0-9-]{0," + (SHORTCUT_CHARS - 1) + "}");

  private final CannedRepository canned;

  public CannedRoutes(CannedRepository canned) {
    this.canned = canned;
  }

  public void mount(Router router, OperatorAuth operatorAuth) {
    router.get("/api/canned").handler(operatorAuth).handler(this::list);
    router.post("/api/canned").handler(operatorAuth).handler(this::create);
    router.put("/api/canned/:id").handler(operatorAuth).handler(this::update);
    router.delete("/api/canned/:id").handler(operatorAuth).handler(this::delete);
  }

  private void list(RoutingContext ctx) {
    var operator = OperatorAuth.operator(ctx);
    canned
        .visibleTo(operator.libraryId(), operator.id())
        .onSuccess(
            all ->
                Responses.ok(
                    ctx,
                    new JsonObject()
                        .put(
                            "canned",
                            new JsonArray(all.stream().map(CannedMessage::toJson).toList()))))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    var operator = OperatorAuth.operator(ctx);
    var input = JsonInput.body(ctx);
    var draft = draft(input);
    var scope = input.optionalText("scope", 20).orElse("personal");
    if (!scope.equals("personal") && !scope.equals("library")) {
      throw ApiException.invalid("'scope' must be personal or library.");
    }
    if (scope.equals("library") && !operator.isAdmin()) {
      throw ApiException.forbidden("Only an admin may change the library's canned messages.");
    }
    canned
        .create(operator.libraryId(), scope.equals("library") ? null : operator.id(), draft)
        .onSuccess(created -> Responses.created(ctx, created.toJson()))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    var operator = OperatorAuth.operator(ctx);
    long id = PathParams.id(ctx, "id");
    var draft = draft(JsonInput.body(ctx));
    editable(id, operator)
        .compose(owned -> canned.update(id, draft))
        .onSuccess(updated -> Responses.ok(ctx, updated.toJson()))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    var operator = OperatorAuth.operator(ctx);
    long id = PathParams.id(ctx, "id");
    editable(id, operator)
        .compose(owned -> canned.delete(id))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  /** The message if this operator may change it: their own, or the library's for an admin. */
  private Future<CannedMessage> editable(long id, Operator operator) {
    return canned
        .find(id)
        .compose(
            found -> {
              if (found.isEmpty() || found.get().libraryId() != operator.libraryId()) {
                return Future.failedFuture(
                    ApiException.notFound("There is no such canned message."));
              }
              var message = found.get().message();
              if (message.ownerId() == null) {
                return operator.isAdmin()
                    ? Future.succeededFuture(message)
                    : Future.failedFuture(
                        ApiException.forbidden(
                            "Only an admin may change the library's canned messages."));
              }
              return message.ownerId() == operator.id()
                  ? Future.succeededFuture(message)
                  : Future.failedFuture(ApiException.notFound("There is no such canned message."));
            });
  }

  private static Draft draft(JsonInput input) {
    return new Draft(
        input.requiredText("title", TITLE_CHARS),
        input.requiredText("body", ChatLimits.MESSAGE_CHARS),
        input.matching(
            "shortcut",
            SHORTCUT,
            "must be 1 to " + SHORTCUT_CHARS + " lower-case letters, digits or dashes"));
  }
}
