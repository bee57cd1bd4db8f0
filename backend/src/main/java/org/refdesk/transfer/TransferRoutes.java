package org.refdesk.transfer;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;
import org.refdesk.operator.OperatorAuth;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.web.JsonInput;
import org.refdesk.platform.web.PathParams;
import org.refdesk.platform.web.Responses;
import org.refdesk.transfer.TransferService.TransferRequest;

/** Transfers with a hand-off card, and shared chats: validate, call the service, respond. */
final class TransferRoutes {

  private static final Pattern LINK = Pattern.compile("https?://\\S+");

  private final TransferService service;

  TransferRoutes(TransferService service) {
    this.service = service;
  }

  void mount(Router router, OperatorAuth operatorAuth) {
    router.get("/api/chats/:id/transfer-targets").handler(operatorAuth).handler(this::targets);
    router.post("/api/chats/:id/transfer").handler(operatorAuth).handler(this::transfer);
    router.post("/api/chats/:id/invite").handler(operatorAuth).handler(this::invite);
    router.post("/api/chats/:id/leave").handler(operatorAuth).handler(this::leave);
    router.get("/api/handoffs").handler(operatorAuth).handler(this::list);
    router.post("/api/handoffs/:id/accept").handler(operatorAuth).handler(this::accept);
    router.post("/api/handoffs/:id/decline").handler(operatorAuth).handler(this::decline);
    router.post("/api/handoffs/:id/cancel").handler(operatorAuth).handler(this::cancel);
  }

  private void targets(RoutingContext ctx) {
    service
        .targets(OperatorAuth.operator(ctx), PathParams.id(ctx, "id"))
        .onSuccess(answer -> Responses.ok(ctx, answer))
        .onFailure(ctx::fail);
  }

  /** {toQueueId} or {toOperatorId}, one of them; a card {needs, tried?, links?}; stay?. */
  private void transfer(RoutingContext ctx) {
    long chatId = PathParams.id(ctx, "id");
    var input = JsonInput.body(ctx);
    var json = input.json();
    boolean toQueue = json.getValue("toQueueId") != null;
    boolean toOperator = json.getValue("toOperatorId") != null;
    if (toQueue == toOperator) {
      throw ApiException.invalid("Give either 'toQueueId' or 'toOperatorId'.");
    }
    Long queueId = toQueue ? input.requiredId("toQueueId") : null;
    Long operatorId = toOperator ? input.requiredId("toOperatorId") : null;
    if (!(json.getValue("card") instanceof JsonObject cardJson)) {
      throw ApiException.invalid("'card' must be an object {needs, tried, links}.");
    }
    var cardInput = JsonInput.of(cardJson);
    var needs = cardInput.requiredText("needs", TransferService.CARD_TEXT_CHARS);
    var tried = cardInput.optionalText("tried", TransferService.CARD_TEXT_CHARS).orElse("");
    var links = cardInput.textList("links", TransferService.CARD_LINKS, TransferService.LINK_CHARS);
    for (var link : links) {
      if (!LINK.matcher(link).matches()) {
        throw ApiException.invalid("'card.links' must hold http or https addresses.");
      }
    }
    var stay = json.getValue("stay");
    if (stay != null && !(stay instanceof Boolean)) {
      throw ApiException.invalid("'stay' must be true or false.");
    }
    var card =
        new JsonObject().put("needs", needs).put("tried", tried).put("links", new JsonArray(links));
    service
        .transfer(
            OperatorAuth.operator(ctx),
            chatId,
            new TransferRequest(queueId, operatorId, card, Boolean.TRUE.equals(stay)))
        .onSuccess(handoff -> Responses.created(ctx, handoff.toJson()))
        .onFailure(ctx::fail);
  }

  private void invite(RoutingContext ctx) {
    long chatId = PathParams.id(ctx, "id");
    long operatorId = JsonInput.body(ctx).requiredId("operatorId");
    service
        .invite(OperatorAuth.operator(ctx), chatId, operatorId)
        .onSuccess(handoff -> Responses.created(ctx, handoff.toJson()))
        .onFailure(ctx::fail);
  }

  private void leave(RoutingContext ctx) {
    service
        .leave(OperatorAuth.operator(ctx), PathParams.id(ctx, "id"))
        .onSuccess(answer -> Responses.ok(ctx, answer))
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    service
        .list(OperatorAuth.operator(ctx))
        .onSuccess(answer -> Responses.ok(ctx, answer))
        .onFailure(ctx::fail);
  }

  private void accept(RoutingContext ctx) {
    service
        .accept(OperatorAuth.operator(ctx), PathParams.id(ctx, "id"))
        .onSuccess(answer -> Responses.ok(ctx, answer))
        .onFailure(ctx::fail);
  }

  /** {reason}: the sender is told why. */
  private void decline(RoutingContext ctx) {
    long handoffId = PathParams.id(ctx, "id");
    var reason = JsonInput.body(ctx).requiredText("reason", TransferService.REASON_CHARS);
    service
        .decline(OperatorAuth.operator(ctx), handoffId, reason)
        .onSuccess(handoff -> Responses.ok(ctx, handoff.toJson()))
        .onFailure(ctx::fail);
  }

  private void cancel(RoutingContext ctx) {
    service
        .cancel(OperatorAuth.operator(ctx), PathParams.id(ctx, "id"))
        .onSuccess(handoff -> Responses.ok(ctx, handoff.toJson()))
        .onFailure(ctx::fail);
  }
}
