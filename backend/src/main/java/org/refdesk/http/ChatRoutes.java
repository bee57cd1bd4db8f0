package org.refdesk.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.refdesk.auth.Tokens;
import org.refdesk.chat.ChatEvent.Sender;
import org.refdesk.chat.ChatClaims;
import org.refdesk.chat.ChatLifecycle;
import org.refdesk.chat.ChatRepository;
import org.refdesk.chat.Queue;
import org.refdesk.chat.ChatRepository.WaitingChat;
import org.refdesk.error.ApiException;
import org.refdesk.error.ErrorCode;
import org.refdesk.operator.Operator;
import org.refdesk.operator.OperatorRepository;
import org.refdesk.library.LibraryRepository;
import org.refdesk.presence.PresenceState;
import org.refdesk.tag.TagRepository;
import org.refdesk.queue.QueueState;

/** Operators' chat calls, and the event history that patrons and operators both resume from. */
public final class ChatRoutes {

  static final int DEFAULT_PAGE = 100;
  static final int MAX_PAGE = 500;

  private final ChatRepository chats;
  private final ChatLifecycle lifecycle;
  private final ChatClaims claims;
  private final QueueState queues;
  private final PresenceState presence;
  private final OperatorRepository operators;
  private final Tokens tokens;
  private final TagRepository tags;
  private final LibraryRepository libraries;

  public ChatRoutes(ChatRepository chats, ChatLifecycle lifecycle, ChatClaims claims, QueueState queues,
                    PresenceState presence, OperatorRepository operators, Tokens tokens, TagRepository tags,
                    LibraryRepository libraries) {
    this.tags = tags;
    this.libraries = libraries;
    this.chats = chats;
    this.lifecycle = lifecycle;
    this.claims = claims;
    this.queues = queues;
    this.presence = presence;
    this.operators = operators;
    this.tokens = tokens;
  }

  public void mount(Router router, OperatorAuth operatorAuth) {
    router.get("/api/chats/active").handler(operatorAuth).handler(this::active);
    router.get("/api/chats/recent").handler(operatorAuth).handler(this::recent);
    router.get("/api/chats/missed").handler(operatorAuth).handler(this::missed);
    router.get("/api/chats/:id/events").handler(ctx -> events(ctx, operatorAuth));
    router.get("/api/chats/:id").handler(operatorAuth).handler(this::chat);
    router.post("/api/chats/:id/claim").handler(operatorAuth).handler(this::claim);
    router.post("/api/chats/:id/end").handler(operatorAuth).handler(this::end);
    router.get("/api/chats/:id/history").handler(operatorAuth).handler(this::history);
    router.post("/api/chats/:id/email").handler(operatorAuth).handler(this::recordEmail);
    router.get("/api/queues/:id/waiting").handler(operatorAuth).handler(this::waiting);
    router.get("/api/presence").handler(operatorAuth).handler(this::presence);
  }

  /**
   * Patron (own chat only) or operator (chats of their library): whichever the token is for. Every
   * client calls this after each reconnect, so who the operator is and where the chat belongs come
   * from this event loop's memory; only the events themselves are read from Postgres.
   */
  private void events(RoutingContext ctx, OperatorAuth operatorAuth) {
    long chatId = PathParams.id(ctx, "id");
    int after = intParam(ctx, "after", 0, 0, Integer.MAX_VALUE);
    int limit = intParam(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
    var token = OperatorAuth.bearer(ctx);
    var allowed = operatorAuth.operatorOf(token)
        .compose(operator -> claims.requireInLibrary(chatId, operator.libraryId()), notOperator -> tokens.verifyPatron(token)
            .compose(patron -> patron.chatId() == chatId ? Future.succeededFuture()
                : Future.failedFuture(ApiException.forbidden("This token is for another chat."))));
    allowed
        // One more than asked tells whether another page follows.
        .compose(ok -> chats.eventsAfter(chatId, after, limit + 1))
        .onSuccess(events -> {
          boolean more = events.size() > limit;
          var page = more ? events.subList(0, limit) : events;
          Responses.ok(ctx, new JsonObject()
              .put("events", new JsonArray(page))
              .put("more", more)
              .put("lastSeq", page.isEmpty() ? after : page.get(page.size() - 1).getInteger("seq")));
        })
        .onFailure(ctx::fail);
  }

  private void active(RoutingContext ctx) {
    chats.activeIn(OperatorAuth.operator(ctx).libraryId())
        .onSuccess(list -> Responses.ok(ctx, new JsonObject().put("chats", new JsonArray(list))))
        .onFailure(ctx::fail);
  }

  private void recent(RoutingContext ctx) {
    chats.recentlyEndedFor(OperatorAuth.operator(ctx).id())
        .onSuccess(list -> Responses.ok(ctx, new JsonObject().put("chats", new JsonArray(list))))
        .onFailure(ctx::fail);
  }

  /** The library's chats whose patron left while waiting, for review at the start of a shift. */
  private void missed(RoutingContext ctx) {
    chats.missedIn(OperatorAuth.operator(ctx).libraryId())
        .onSuccess(list -> Responses.ok(ctx, new JsonObject().put("chats", new JsonArray(list))))
        .onFailure(ctx::fail);
  }

  private void chat(RoutingContext ctx) {
    lifecycle.visibleChat(PathParams.id(ctx, "id"), OperatorAuth.operator(ctx).libraryId())
        .onSuccess(chat -> Responses.ok(ctx, chat.toJson()))
        .onFailure(ctx::fail);
  }

  private void claim(RoutingContext ctx) {
    claims.claim(PathParams.id(ctx, "id"), OperatorAuth.operator(ctx))
        .onSuccess(answer -> Responses.ok(ctx, answer))
        .onFailure(ctx::fail);
  }

  /** The chat's operators end it; so may an admin of its library, to close a chat left behind. */
  private void end(RoutingContext ctx) {
    long chatId = PathParams.id(ctx, "id");
    var operator = OperatorAuth.operator(ctx);
    lifecycle.visibleChat(chatId, operator.libraryId())
        .compose(chat -> !chat.isOpen() ? Future.failedFuture(new ApiException(ErrorCode.CHAT_ENDED, "This chat has ended."))
            : operator.isAdmin() ? Future.succeededFuture(true) : chats.isParticipant(chatId, operator.id()))
        .compose(mayEnd -> mayEnd ? tagRequirementMet(chatId, operator.libraryId())
            : Future.failedFuture(new ApiException(ErrorCode.NOT_PARTICIPANT, "Only a librarian in the chat can end it.")))
        .compose(v -> lifecycle.end(chatId, new Sender(Sender.OPERATOR, operator.id(), operator.displayName())))
        .onSuccess(answer -> Responses.ok(ctx, answer))
        .onFailure(ctx::fail);
  }

  /** A library that asks for a tag on every chat gets one before an operator closes the chat off. */
  private Future<Void> tagRequirementMet(long chatId, long libraryId) {
    return libraries.settings(libraryId).compose(settings -> !settings.getBoolean("requireTag")
        ? Future.succeededFuture()
        : tags.countOn(chatId).compose(count -> count > 0 ? Future.<Void>succeededFuture()
            : Future.failedFuture(new ApiException(ErrorCode.TAG_REQUIRED, "Add at least one tag before ending the chat."))));
  }

  /** The patron's earlier chats in this library, found by the e-mail they gave. */
  private void history(RoutingContext ctx) {
    long chatId = PathParams.id(ctx, "id");
    lifecycle.visibleChat(chatId, OperatorAuth.operator(ctx).libraryId())
        .compose(chat -> chats.earlierChatsOfPatron(chatId))
        .onSuccess(list -> Responses.ok(ctx, new JsonObject().put("chats", new JsonArray(list))))
        .onFailure(ctx::fail);
  }

  /** An e-mail the patron typed in the chat, recorded on it so the answer can follow if the chat breaks. */
  private void recordEmail(RoutingContext ctx) {
    long chatId = PathParams.id(ctx, "id");
    var email = JsonInput.body(ctx).requiredText("email", 254);
    if (!WidgetRoutes.EMAIL.matcher(email).matches()) {
      throw ApiException.invalid("'email' does not look like an e-mail address.");
    }
    lifecycle.visibleChat(chatId, OperatorAuth.operator(ctx).libraryId())
        .compose(chat -> chats.recordEmail(chatId, email))
        .compose(v -> lifecycle.visibleChat(chatId, OperatorAuth.operator(ctx).libraryId()))
        .onSuccess(chat -> Responses.ok(ctx, chat.toJson()))
        .onFailure(ctx::fail);
  }

  /**
   * The queue's waiting chats, oldest first, in Redis's order with Postgres's details. A chat Redis
   * still lists but Postgres no longer calls waiting is dropped here and from Redis. Postgres alone
   * answers only when Redis cannot: a refusal is never turned into an answer.
   */
  private void waiting(RoutingContext ctx) {
    long queueId = PathParams.id(ctx, "id");
    monitoredQueue(OperatorAuth.operator(ctx), queueId)
        .compose(queue -> queues.waitingIds(queueId).transform(read -> read.failed() || read.result().isEmpty()
            ? chats.waitingIn(queue)
            : inRedisOrder(queue, read.result())))
        .onSuccess(list -> {
          var array = new JsonArray();
          for (int i = 0; i < list.size(); i++) {
            array.add(list.get(i).toJson(i + 1));
          }
          Responses.ok(ctx, new JsonObject().put("queueId", queueId).put("chats", array));
        })
        .onFailure(ctx::fail);
  }

  /** A queue of another library is answered as if it did not exist; one of this library, by whether it is monitored. */
  private Future<Queue> monitoredQueue(Operator operator, long queueId) {
    return chats.queueById(queueId)
        .compose(found -> found.isEmpty() || found.get().libraryId() != operator.libraryId()
            ? Future.failedFuture(new ApiException(ErrorCode.UNKNOWN_QUEUE, "There is no such queue."))
            : chats.monitors(operator.id(), queueId).compose(monitors -> monitors ? Future.succeededFuture(found.get())
                : Future.failedFuture(ApiException.forbidden("You do not monitor this queue."))));
  }

  private Future<List<WaitingChat>> inRedisOrder(Queue queue, List<Long> ids) {
    return chats.waitingByIds(queue, ids).compose(found -> {
      var byId = found.stream().collect(Collectors.toMap(WaitingChat::chatId, w -> w));
      var stale = ids.stream().filter(id -> !byId.containsKey(id)).toList();
      var ordered = ids.stream().filter(byId::containsKey).map(byId::get).toList();
      return queues.forget(queue.id(), stale).otherwiseEmpty().map(ordered);
    });
  }

  private void presence(RoutingContext ctx) {
    long libraryId = OperatorAuth.operator(ctx).libraryId();
    var statuses = presence.statuses(libraryId).otherwise(Map.of());
    var everyone = operators.listInLibrary(libraryId);
    Future.all(statuses, everyone)
        .onSuccess(done -> {
          var list = new JsonArray();
          everyone.result().stream().filter(o -> !o.operator().disabled()).forEach(o -> list.add(new JsonObject()
              .put("id", o.operator().id())
              .put("name", o.operator().displayName())
              .put("status", statuses.result().getOrDefault(o.operator().id(), PresenceState.OFFLINE))));
          Responses.ok(ctx, new JsonObject().put("operators", list));
        })
        .onFailure(ctx::fail);
  }

  private static int intParam(RoutingContext ctx, String name, int fallback, int min, int max) {
    var raw = ctx.queryParams().get(name);
    if (raw == null || raw.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below, like an out-of-range value
    }
    throw ApiException.invalid("'" + name + "' must be a whole number from " + min + " to " + max + ".");
  }
}
