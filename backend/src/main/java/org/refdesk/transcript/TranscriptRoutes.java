package org.refdesk.transcript;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.redis.client.Redis;
import org.refdesk.auth.Tokens;
import org.refdesk.chat.Chat;
import org.refdesk.chat.ChatLimits;
import org.refdesk.chat.ChatVisibility;
import org.refdesk.platform.bus.Identity;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;
import org.refdesk.platform.redis.RedisKeys;
import org.refdesk.platform.redis.WindowLimit;
import org.refdesk.platform.web.Bearer;
import org.refdesk.platform.web.ClientAddress;
import org.refdesk.platform.web.JsonInput;
import org.refdesk.platform.web.OperatorGate;
import org.refdesk.platform.web.PathParams;
import org.refdesk.platform.web.Responses;
import org.refdesk.transcript.TranscriptRepository.Outcome;

/**
 * Asking for a chat's transcript by e-mail: the patron from the widget (at any time, to the address
 * given or the one the chat has), an operator when ending the chat (to the patron's address). The
 * mail goes once the chat has ended, once per chat and address however often it is asked for.
 */
final class TranscriptRoutes {

  /** Requests from one address per hour (patrons only; operators are signed in). */
  static final int REQUESTS_PER_HOUR = 10;

  /** Addresses one chat's transcript may go to, so a chat cannot be used to mail many people. */
  static final int ADDRESSES_PER_CHAT = 3;

  private static final int WINDOW_SECONDS = 3600;

  private final ChatVisibility chats;
  private final TranscriptRepository requests;
  private final Tokens tokens;
  private final ClientAddress clientAddress;
  private final Redis redis;
  private final RedisKeys keys;

  TranscriptRoutes(
      ChatVisibility chats,
      TranscriptRepository requests,
      Tokens tokens,
      ClientAddress clientAddress,
      Redis redis,
      RedisKeys keys) {
    this.chats = chats;
    this.requests = requests;
    this.tokens = tokens;
    this.clientAddress = clientAddress;
    this.redis = redis;
    this.keys = keys;
  }

  void mount(Router router, Handler<RoutingContext> operatorGate) {
    router.post("/api/widget/chats/:id/transcript").handler(this::patronAsks);
    router.post("/api/chats/:id/transcript").handler(operatorGate).handler(this::operatorAsks);
  }

  private void patronAsks(RoutingContext ctx) {
    long chatId = PathParams.id(ctx, "id");
    var given = givenEmail(ctx);
    var ip = clientAddress.of(ctx.request());
    tokens
        .verifyPatron(Bearer.of(ctx))
        .compose(
            patron -> chats.chatFor(Identity.patron(patron.chatId(), patron.libraryId()), chatId))
        .compose(chat -> count(ip).map(chat))
        .compose(chat -> ask(chat, given, "patron"))
        .onSuccess(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void operatorAsks(RoutingContext ctx) {
    long chatId = PathParams.id(ctx, "id");
    var given = givenEmail(ctx);
    chats
        .chatFor(OperatorGate.caller(ctx), chatId)
        .compose(chat -> ask(chat, given, "operator"))
        .onSuccess(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  /** The address in the body, if any; checked before anything else is done. */
  private static String givenEmail(RoutingContext ctx) {
    var body = ctx.body().buffer();
    if (body == null || body.length() == 0) {
      return null;
    }
    var email = JsonInput.body(ctx).optionalText("email", ChatLimits.EMAIL_CHARS).orElse(null);
    if (email != null && !Chat.EMAIL.matcher(email).matches()) {
      throw invalidEmail("'email' does not look like an e-mail address.");
    }
    return email;
  }

  private Future<JsonObject> ask(Chat chat, String given, String by) {
    var email = given != null ? given : chat.patronEmail();
    if (email == null) {
      return Future.failedFuture(
          invalidEmail("'email' is required: the chat has no e-mail address to send it to."));
    }
    return requests
        .request(chat.id(), chat.libraryId(), email, by, ADDRESSES_PER_CHAT)
        .compose(
            outcome ->
                outcome == Outcome.TOO_MANY_ADDRESSES
                    ? Future.failedFuture(
                        new ApiException(
                            ErrorCode.RATE_LIMITED,
                            "This chat's transcript is already going to "
                                + ADDRESSES_PER_CHAT
                                + " addresses, the most it may."))
                    : Future.succeededFuture(
                        new JsonObject()
                            .put("email", email)
                            .put("when", Chat.ENDED.equals(chat.state()) ? "now" : "atEnd")
                            .put("repeated", outcome != Outcome.REQUESTED)));
  }

  private Future<Void> count(String ip) {
    return WindowLimit.count(
        redis,
        keys.transcriptRequests(ip),
        WINDOW_SECONDS,
        REQUESTS_PER_HOUR,
        () ->
            new ApiException(
                ErrorCode.RATE_LIMITED,
                "Too many transcripts asked for from this address; please try again later."));
  }

  private static ApiException invalidEmail(String message) {
    return new ApiException(
        ErrorCode.INVALID,
        message,
        new JsonObject().put("fields", new JsonObject().put("email", message)));
  }
}
