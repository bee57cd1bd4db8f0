package org.refdesk.rating;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.redis.client.Redis;
import org.refdesk.auth.Tokens;
import org.refdesk.chat.Chat;
import org.refdesk.chat.ChatVisibility;
import org.refdesk.operator.OperatorAuth;
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

/**
 * The patron rates their chat once it has ended (with the chat's own token, so it works from a
 * widget on any site); the library's operators read the rating beside the transcript.
 */
final class RatingRoutes {

  private static final int WINDOW_SECONDS = 3600;

  private final RatingRepository ratings;
  private final ChatVisibility chats;
  private final Tokens tokens;
  private final ClientAddress clientAddress;
  private final Redis redis;
  private final RedisKeys keys;

  RatingRoutes(
      RatingRepository ratings,
      ChatVisibility chats,
      Tokens tokens,
      ClientAddress clientAddress,
      Redis redis,
      RedisKeys keys) {
    this.ratings = ratings;
    this.chats = chats;
    this.tokens = tokens;
    this.clientAddress = clientAddress;
    this.redis = redis;
    this.keys = keys;
  }

  void mount(Router router, OperatorAuth operatorAuth) {
    router.post("/api/widget/chats/:id/rating").handler(this::patronRates);
    router.get("/api/chats/:id/rating").handler(operatorAuth).handler(this::ofChat);
  }

  private void patronRates(RoutingContext ctx) {
    long chatId = PathParams.id(ctx, "id");
    var input = JsonInput.body(ctx);
    int score = score(input.json().getValue("score"));
    var comment = input.optionalText("comment", RatingLimits.COMMENT_CHARS).orElse(null);
    var ip = clientAddress.of(ctx.request());
    tokens
        .verifyPatron(Bearer.of(ctx))
        .compose(
            patron -> chats.chatFor(Identity.patron(patron.chatId(), patron.libraryId()), chatId))
        .compose(
            chat -> Chat.ENDED.equals(chat.state()) ? count(ip) : Future.failedFuture(notEnded()))
        .compose(v -> ratings.rate(chatId, score, comment))
        .compose(
            rating ->
                rating.isPresent()
                    ? Future.succeededFuture(rating.get())
                    : Future.failedFuture(notEnded()))
        .onSuccess(rating -> Responses.ok(ctx, rating.toJson()))
        .onFailure(ctx::fail);
  }

  private void ofChat(RoutingContext ctx) {
    long chatId = PathParams.id(ctx, "id");
    chats
        .requireVisible(OperatorGate.caller(ctx), chatId)
        .compose(visible -> ratings.ofChat(chatId))
        .onSuccess(
            rating ->
                Responses.ok(
                    ctx,
                    new JsonObject()
                        .put("rating", rating.map(RatingRepository.Rating::toJson).orElse(null))))
        .onFailure(ctx::fail);
  }

  private static int score(Object value) {
    if (value instanceof Number n
        && n.doubleValue() == n.intValue()
        && n.intValue() >= 1
        && n.intValue() <= 5) {
      return n.intValue();
    }
    var message = "'score' must be a whole number from 1 to 5.";
    throw new ApiException(
        ErrorCode.INVALID,
        message,
        new JsonObject().put("fields", new JsonObject().put("score", message)));
  }

  private Future<Void> count(String ip) {
    return WindowLimit.count(
        redis,
        keys.ratings(ip),
        WINDOW_SECONDS,
        RatingLimits.RATINGS_PER_HOUR,
        () ->
            new ApiException(
                ErrorCode.RATE_LIMITED,
                "Too many ratings sent from this address; please try again later."));
  }

  private static ApiException notEnded() {
    return new ApiException(ErrorCode.CONFLICT, "The chat can be rated once it has ended.");
  }
}
