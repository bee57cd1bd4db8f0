package org.refdesk.chat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.refdesk.auth.Tokens;
import org.refdesk.chat.ChatEvent.Sender;
import org.refdesk.chat.ChatRepository.ActiveChat;
import org.refdesk.chat.ChatRepository.EarlierChat;
import org.refdesk.chat.ChatRepository.EndedChat;
import org.refdesk.chat.ChatRepository.MissedChat;
import org.refdesk.operator.Operator;
import org.refdesk.operator.OperatorAuth;
import org.refdesk.platform.bus.Identity;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;
import org.refdesk.platform.web.Bearer;
import org.refdesk.platform.web.JsonInput;
import org.refdesk.platform.web.OperatorGate;
import org.refdesk.platform.web.PathParams;
import org.refdesk.platform.web.QueryParams;
import org.refdesk.platform.web.Responses;

/** Operators' chat calls, and the event history that patrons and operators both resume from. */
final class ChatRoutes {

  private final ChatRepository chats;
  private final ChatLifecycle lifecycle;
  private final ChatClaims claims;
  private final ChatVisibility visibility;
  private final Tokens tokens;
  private final List<EndOfChatCheck> endChecks;
  private final ChatDismissals dismissals;

  /**
   * {@code endChecks}: what other features require before an operator ends a chat, asked in order.
   */
  ChatRoutes(
      ChatRepository chats,
      ChatLifecycle lifecycle,
      ChatClaims claims,
      ChatVisibility visibility,
      Tokens tokens,
      List<EndOfChatCheck> endChecks,
      ChatDismissals dismissals) {
    this.chats = chats;
    this.lifecycle = lifecycle;
    this.claims = claims;
    this.visibility = visibility;
    this.tokens = tokens;
    this.endChecks = List.copyOf(endChecks);
    this.dismissals = dismissals;
  }

  void mount(Router router, OperatorAuth operatorAuth) {
    router.get("/api/chats/active").handler(operatorAuth).handler(this::active);
    router.get("/api/chats/recent").handler(operatorAuth).handler(this::recent);
    router.get("/api/chats/missed").handler(operatorAuth).handler(this::missed);
    router.get("/api/chats/dismissals/counts").handler(operatorAuth).handler(this::dismissalCounts);
    router.post("/api/chats/:id/dismiss").handler(operatorAuth).handler(this::dismiss);
    router.get("/api/chats/:id/events").handler(ctx -> events(ctx, operatorAuth));
    router.get("/api/chats/:id").handler(operatorAuth).handler(this::chat);
    router.post("/api/chats/:id/claim").handler(operatorAuth).handler(this::claim);
    router.post("/api/chats/:id/end").handler(operatorAuth).handler(this::end);
    router.get("/api/chats/:id/history").handler(operatorAuth).handler(this::history);
    router.post("/api/chats/:id/email").handler(operatorAuth).handler(this::recordEmail);
  }

  /**
   * Patron or operator, whichever the token is for, as far as {@link ChatVisibility} lets them see
   * the chat. Every client calls this after each reconnect, so who the operator is and where the
   * chat belongs come from this event loop's memory; only the events themselves are read from
   * Postgres.
   */
  private void events(RoutingContext ctx, OperatorAuth operatorAuth) {
    long chatId = PathParams.id(ctx, "id");
    int after = QueryParams.intParam(ctx, "after", 0, 0, Integer.MAX_VALUE);
    int limit =
        QueryParams.intParam(ctx, "limit", ChatLimits.EVENTS_PAGE, 1, ChatLimits.EVENTS_MAX_PAGE);
    var token = Bearer.of(ctx);
    var allowed =
        operatorAuth
            .operatorOf(token)
            .map(operator -> Identity.operator(operator.id(), operator.libraryId()))
            .recover(
                notOperator ->
                    tokens
                        .verifyPatron(token)
                        .map(patron -> Identity.patron(patron.chatId(), patron.libraryId())))
            .compose(who -> visibility.requireVisible(who, chatId));
    allowed
        // One more than asked tells whether another page follows.
        .compose(ok -> chats.eventsAfter(chatId, after, limit + 1))
        .onSuccess(
            events -> {
              boolean more = events.size() > limit;
              var page = more ? events.subList(0, limit) : events;
              Responses.ok(
                  ctx,
                  new JsonObject()
                      .put("events", new JsonArray(page))
                      .put("more", more)
                      .put(
                          "lastSeq",
                          page.isEmpty() ? after : page.get(page.size() - 1).getInteger("seq")));
            })
        .onFailure(ctx::fail);
  }

  private void active(RoutingContext ctx) {
    chats
        .activeIn(OperatorAuth.operator(ctx).libraryId())
        .onSuccess(
            list ->
                Responses.ok(ctx, new JsonObject().put("chats", asArray(list, ActiveChat::toJson))))
        .onFailure(ctx::fail);
  }

  private void recent(RoutingContext ctx) {
    chats
        .recentlyEndedFor(OperatorAuth.operator(ctx).id())
        .onSuccess(
            list ->
                Responses.ok(ctx, new JsonObject().put("chats", asArray(list, EndedChat::toJson))))
        .onFailure(ctx::fail);
  }

  /**
   * The library's chats whose patron left while waiting, for review at the start of a shift: with
   * {@code since=shift}, only those missed after the caller's last shift ended.
   */
  private void missed(RoutingContext ctx) {
    var operator = OperatorAuth.operator(ctx);
    var since = ctx.queryParams().get("since");
    if (since != null && !since.equals("shift")) {
      throw ApiException.invalid("'since' must be shift, or left out for the whole week.");
    }
    var list =
        since == null
            ? chats.missedIn(operator.libraryId())
            : chats.missedSinceShift(operator.libraryId(), operator.id());
    Future.all(list, chats.lastShiftEnd(operator.id()))
        .onSuccess(
            both -> {
              List<MissedChat> missed = both.resultAt(0);
              Optional<OffsetDateTime> shiftEnd = both.resultAt(1);
              Responses.ok(
                  ctx,
                  new JsonObject()
                      .put("chats", asArray(missed, MissedChat::toJson))
                      .put("lastShiftEnd", shiftEnd.map(ChatEvent::iso).orElse(null)));
            })
        .onFailure(ctx::fail);
  }

  /** A waiting (spam) or missed chat put aside with a reason; it ends. */
  private void dismiss(RoutingContext ctx) {
    long chatId = PathParams.id(ctx, "id");
    var input = JsonInput.body(ctx);
    var reason = input.oneOf("reason", Set.copyOf(ChatDismissals.REASONS));
    var note = input.optionalText("note", ChatDismissals.NOTE_CHARS).orElse(null);
    dismissals
        .dismiss(OperatorAuth.operator(ctx), chatId, reason, note)
        .onSuccess(answer -> Responses.ok(ctx, answer))
        .onFailure(ctx::fail);
  }

  private void dismissalCounts(RoutingContext ctx) {
    int days =
        QueryParams.intParam(
            ctx, "days", ChatDismissals.COUNT_DAYS_DEFAULT, 1, ChatDismissals.COUNT_DAYS_MAX);
    dismissals
        .counts(OperatorAuth.operator(ctx).libraryId(), days)
        .onSuccess(answer -> Responses.ok(ctx, answer))
        .onFailure(ctx::fail);
  }

  private void chat(RoutingContext ctx) {
    visibility
        .chatFor(OperatorGate.caller(ctx), PathParams.id(ctx, "id"))
        .onSuccess(chat -> Responses.ok(ctx, chat.toJson()))
        .onFailure(ctx::fail);
  }

  private void claim(RoutingContext ctx) {
    claims
        .claim(PathParams.id(ctx, "id"), OperatorAuth.operator(ctx))
        .onSuccess(answer -> Responses.ok(ctx, answer))
        .onFailure(ctx::fail);
  }

  /**
   * The chat's operators end it (the last one in, when it is shared); so may an admin of its
   * library, to close a chat left behind.
   */
  private void end(RoutingContext ctx) {
    long chatId = PathParams.id(ctx, "id");
    var operator = OperatorAuth.operator(ctx);
    visibility
        .chatFor(OperatorGate.caller(ctx), chatId)
        .compose(
            chat ->
                !chat.isOpen()
                    ? Future.failedFuture(
                        new ApiException(ErrorCode.CHAT_ENDED, "This chat has ended."))
                    : adminOf(operator, chat)
                        ? Future.succeededFuture(chat)
                        : chats
                            .isParticipant(chatId, operator.id())
                            .map(taking -> taking ? chat : null))
        .compose(
            chat ->
                chat != null
                    // The home library's checks: its chat, its required tag.
                    ? aloneOrAdmin(chat, operator)
                        .compose(v -> endChecksPass(chatId, chat.libraryId()))
                    : Future.failedFuture(
                        new ApiException(
                            ErrorCode.NOT_PARTICIPANT, "Only a librarian in the chat can end it.")))
        .compose(
            v ->
                lifecycle.end(
                    chatId, new Sender(Sender.OPERATOR, operator.id(), operator.displayName())))
        .onSuccess(answer -> Responses.ok(ctx, answer))
        .onFailure(ctx::fail);
  }

  /**
   * A chat shared with a colleague is not ended by one of them alone: the others are in it too. The
   * last one in ends it, and so may an admin (the library's supervisor).
   */
  private Future<Void> aloneOrAdmin(Chat chat, Operator operator) {
    if (adminOf(operator, chat)) {
      return Future.succeededFuture();
    }
    return chats
        .othersTakingPart(chat.id(), operator.id())
        .compose(
            others ->
                others == 0
                    ? Future.<Void>succeededFuture()
                    : Future.failedFuture(
                        new ApiException(
                            ErrorCode.COLLEAGUE_IN_CHAT,
                            "A colleague is still in this chat: leave it, or ask them to leave"
                                + " before ending it.")));
  }

  /**
   * An admin of the chat's own library; an admin of a co-op member library answering it is a
   * librarian in it like any other.
   */
  private static boolean adminOf(Operator operator, Chat chat) {
    return operator.isAdmin() && operator.libraryId() == chat.libraryId();
  }

  /** Every end-of-chat check, one after the other; the first to refuse says why. */
  private Future<Void> endChecksPass(long chatId, long libraryId) {
    var passed = Future.<Void>succeededFuture();
    for (var check : endChecks) {
      passed = passed.compose(v -> check.mayEnd(chatId, libraryId));
    }
    return passed;
  }

  /** The patron's earlier chats in this library, found by the e-mail they gave. */
  private void history(RoutingContext ctx) {
    long chatId = PathParams.id(ctx, "id");
    visibility
        .chatFor(OperatorGate.caller(ctx), chatId)
        .compose(chat -> chats.earlierChatsOfPatron(chatId, OperatorAuth.operator(ctx).libraryId()))
        .onSuccess(
            list ->
                Responses.ok(
                    ctx, new JsonObject().put("chats", asArray(list, EarlierChat::toJson))))
        .onFailure(ctx::fail);
  }

  /**
   * An e-mail the patron typed in the chat, recorded on it so the answer can follow if the chat
   * breaks.
   */
  private void recordEmail(RoutingContext ctx) {
    long chatId = PathParams.id(ctx, "id");
    var email = JsonInput.body(ctx).requiredText("email", ChatLimits.EMAIL_CHARS);
    if (!Chat.EMAIL.matcher(email).matches()) {
      throw ApiException.invalid("'email' does not look like an e-mail address.");
    }
    visibility
        .chatFor(OperatorGate.caller(ctx), chatId)
        .compose(chat -> chats.recordEmail(chatId, email))
        .compose(v -> visibility.chatFor(OperatorGate.caller(ctx), chatId))
        .onSuccess(chat -> Responses.ok(ctx, chat.toJson()))
        .onFailure(ctx::fail);
  }

  private static <T> JsonArray asArray(List<T> list, Function<T, JsonObject> toJson) {
    var array = new JsonArray();
    list.forEach(item -> array.add(toJson.apply(item)));
    return array;
  }
}
