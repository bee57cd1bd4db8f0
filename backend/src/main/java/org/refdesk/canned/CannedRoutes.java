package org.refdesk.canned;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.refdesk.canned.CannedRepository.Draft;
import org.refdesk.chat.ChatLimits;
import org.refdesk.chat.ChatVisibility;
import org.refdesk.library.Library;
import org.refdesk.library.LibraryRepository;
import org.refdesk.operator.Operator;
import org.refdesk.operator.OperatorAuth;
import org.refdesk.platform.bus.Identity;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.web.JsonInput;
import org.refdesk.platform.web.OperatorGate;
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
  private final ChatVisibility visibility;
  private final LibraryRepository libraries;

  public CannedRoutes(
      CannedRepository canned, ChatVisibility visibility, LibraryRepository libraries) {
    this.canned = canned;
    this.visibility = visibility;
    this.libraries = libraries;
  }

  public void mount(Router router, OperatorAuth operatorAuth) {
    router.get("/api/canned").handler(operatorAuth).handler(this::list);
    router.post("/api/canned").handler(operatorAuth).handler(this::create);
    router.put("/api/canned/:id").handler(operatorAuth).handler(this::update);
    router.delete("/api/canned/:id").handler(operatorAuth).handler(this::delete);
  }

  /**
   * The library's messages and the caller's own. With {@code chatId}, for a chat the caller may
   * see: when the chat is of another library (a co-op's chat), that library's own messages follow,
   * to read and use but not to change, each marked with the library's name.
   */
  private void list(RoutingContext ctx) {
    var operator = OperatorAuth.operator(ctx);
    var chatId = ctx.queryParams().get("chatId");
    var home =
        chatId == null
            ? Future.succeededFuture(new JsonArray())
            : homeMessages(operator, OperatorGate.caller(ctx), chatIdOf(chatId));
    home.compose(
            homeList ->
                canned
                    .visibleTo(operator.libraryId(), operator.id())
                    .map(
                        all -> {
                          var list = new JsonArray();
                          all.forEach(message -> list.add(message.toJson()));
                          homeList.forEach(list::add);
                          return new JsonObject().put("canned", list);
                        }))
        .onSuccess(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  /** The chat's library's own messages, when that is not the caller's library; none otherwise. */
  private Future<JsonArray> homeMessages(Operator operator, Identity caller, long chatId) {
    return visibility
        .chatFor(caller, chatId)
        .compose(
            chat -> {
              if (chat.libraryId() == operator.libraryId()) {
                return Future.succeededFuture(new JsonArray());
              }
              return Future.all(
                      libraries.find(chat.libraryId()), canned.libraryWide(chat.libraryId()))
                  .map(
                      both -> {
                        Optional<Library> library = both.resultAt(0);
                        List<CannedMessage> messages = both.resultAt(1);
                        var name = library.map(Library::name).orElse("");
                        var list = new JsonArray();
                        messages.forEach(
                            message ->
                                list.add(
                                    message
                                        .toJson()
                                        .put("scope", "home")
                                        .put("readOnly", true)
                                        .put("libraryId", chat.libraryId())
                                        .put("libraryName", name)));
                        return list;
                      });
            });
  }

  private static long chatIdOf(String raw) {
    try {
      long id = Long.parseLong(raw);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.invalid("'chatId' must be a chat's id.");
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
