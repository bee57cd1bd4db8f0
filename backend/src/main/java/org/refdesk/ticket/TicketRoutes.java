package org.refdesk.ticket;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.Set;
import org.refdesk.chat.Chat;
import org.refdesk.chat.ChatLimits;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.web.JsonInput;
import org.refdesk.platform.web.OperatorGate;
import org.refdesk.platform.web.PathParams;
import org.refdesk.platform.web.Responses;

/** The ticket routes: each reads and checks its input, then asks {@link TicketService}. */
final class TicketRoutes {

  private static final Set<String> MESSAGE_KINDS = Set.of("reply", "note");

  private final TicketService service;

  TicketRoutes(TicketService service) {
    this.service = service;
  }

  void mount(Router router, Handler<RoutingContext> gate) {
    router.post("/api/tickets").handler(gate).handler(this::create);
    router.post("/api/chats/:id/ticket").handler(gate).handler(this::fromChat);
    router.get("/api/tickets").handler(gate).handler(this::list);
    router.get("/api/tickets/:id").handler(gate).handler(this::view);
    router.post("/api/tickets/:id/messages").handler(gate).handler(this::addMessage);
    router.post("/api/tickets/:id/assign").handler(gate).handler(this::assign);
    router.post("/api/tickets/:id/status").handler(gate).handler(this::setStatus);
  }

  private void create(RoutingContext ctx) {
    var input = JsonInput.body(ctx);
    var email = input.optionalText("email", ChatLimits.EMAIL_CHARS);
    if (email.isPresent() && !Chat.EMAIL.matcher(email.get()).matches()) {
      throw ApiException.invalid("'email' does not look like an e-mail address.");
    }
    var request =
        new TicketService.Request(
            optionalId(input, "chatId"),
            optionalId(input, "queueId"),
            email,
            input.optionalText("subject", TicketLimits.SUBJECT_CHARS),
            input.optionalText("note", TicketLimits.TEXT_CHARS));
    service
        .create(OperatorGate.caller(ctx), request)
        .onSuccess(made -> answer(ctx, made))
        .onFailure(ctx::fail);
  }

  /**
   * The chat's follow-up ticket: made now (201), or the one the chat has (200), never a second one.
   */
  private void fromChat(RoutingContext ctx) {
    long chatId = PathParams.id(ctx, "id");
    var input = JsonInput.body(ctx);
    var request =
        new TicketService.Request(
            Optional.of(chatId),
            Optional.empty(),
            Optional.empty(),
            input.optionalText("subject", TicketLimits.SUBJECT_CHARS),
            input.optionalText("note", TicketLimits.TEXT_CHARS));
    service
        .create(OperatorGate.caller(ctx), request)
        .onSuccess(made -> answer(ctx, made))
        .onFailure(ctx::fail);
  }

  private static void answer(RoutingContext ctx, TicketService.Made made) {
    if (made.created()) {
      Responses.created(ctx, made.ticket());
    } else {
      Responses.ok(ctx, made.ticket());
    }
  }

  private void list(RoutingContext ctx) {
    var filter = filter(ctx);
    service
        .list(OperatorGate.caller(ctx), filter)
        .onSuccess(
            tickets ->
                Responses.ok(
                    ctx,
                    new JsonObject()
                        .put(
                            "tickets", new JsonArray(tickets.stream().map(Ticket::toJson).toList()))
                        .put("limit", filter.limit())
                        .put("offset", filter.offset())))
        .onFailure(ctx::fail);
  }

  private void view(RoutingContext ctx) {
    long id = PathParams.id(ctx, "id");
    service
        .view(OperatorGate.caller(ctx), id)
        .onSuccess(ticket -> Responses.ok(ctx, ticket))
        .onFailure(ctx::fail);
  }

  private void addMessage(RoutingContext ctx) {
    long id = PathParams.id(ctx, "id");
    var input = JsonInput.body(ctx);
    var kind = input.oneOf("kind", MESSAGE_KINDS);
    var text = input.requiredText("text", TicketLimits.TEXT_CHARS);
    service
        .addMessage(OperatorGate.caller(ctx), id, kind.equals("reply"), text)
        .onSuccess(ticket -> Responses.created(ctx, ticket))
        .onFailure(ctx::fail);
  }

  private void assign(RoutingContext ctx) {
    long id = PathParams.id(ctx, "id");
    var input = JsonInput.body(ctx);
    if (!input.json().containsKey("operatorId")) {
      throw ApiException.invalid(
          "'operatorId' is required: an operator's id, or null to unassign.");
    }
    Long operatorId =
        input.json().getValue("operatorId") == null ? null : input.requiredId("operatorId");
    service
        .assign(OperatorGate.caller(ctx), id, operatorId)
        .onSuccess(ticket -> Responses.ok(ctx, ticket))
        .onFailure(ctx::fail);
  }

  private void setStatus(RoutingContext ctx) {
    long id = PathParams.id(ctx, "id");
    var status = JsonInput.body(ctx).oneOf("status", Ticket.STATUSES);
    service
        .setStatus(OperatorGate.caller(ctx), id, status)
        .onSuccess(ticket -> Responses.ok(ctx, ticket))
        .onFailure(ctx::fail);
  }

  private static Optional<Long> optionalId(JsonInput input, String field) {
    return input.json().getValue(field) == null
        ? Optional.empty()
        : Optional.of(input.requiredId(field));
  }

  private static TicketFilter filter(RoutingContext ctx) {
    var status = ctx.queryParams().get("status");
    if (status != null && !Ticket.STATUSES.contains(status)) {
      throw ApiException.invalid("'status' must be one of closed, new, open, pending.");
    }
    var queue = ctx.queryParams().get("queue");
    var assignee = ctx.queryParams().get("assignee");
    var caller = OperatorGate.caller(ctx);
    String assigneeBy = TicketFilter.ANY;
    Long assigneeId = null;
    if (assignee != null) {
      switch (assignee) {
        case "me" -> {
          assigneeBy = TicketFilter.BY_ID;
          assigneeId = caller.id();
        }
        case "none" -> assigneeBy = TicketFilter.NONE;
        default -> {
          assigneeBy = TicketFilter.BY_ID;
          assigneeId =
              number(assignee, "assignee", "me, none or an operator's id", 1, Long.MAX_VALUE);
        }
      }
    }
    return new TicketFilter(
        status,
        queue == null ? null : number(queue, "queue", "a queue's id", 1, Long.MAX_VALUE),
        assigneeBy,
        assigneeId,
        (int)
            optionalNumber(
                ctx, "limit", TicketLimits.PAGE_ROWS_DEFAULT, 1, TicketLimits.PAGE_ROWS_MAX),
        (int) optionalNumber(ctx, "offset", 0, 0, Integer.MAX_VALUE));
  }

  private static long optionalNumber(
      RoutingContext ctx, String name, long fallback, long min, long max) {
    var raw = ctx.queryParams().get(name);
    return raw == null
        ? fallback
        : number(raw, name, "a whole number from " + min + " to " + max, min, max);
  }

  private static long number(String raw, String name, String rule, long min, long max) {
    try {
      long value = Long.parseLong(raw);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // the same answer as a number out of range
    }
    throw ApiException.invalid("'" + name + "' must be " + rule + ".");
  }
}
