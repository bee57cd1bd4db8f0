package org.refdesk.search;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.web.OperatorGate;
import org.refdesk.platform.web.QueryParams;
import org.refdesk.platform.web.Responses;

/** The search routes: each reads and checks the query string, then asks {@link SearchService}. */
final class SearchRoutes {

  private static final List<String> TICKET_STATUSES = List.of("new", "open", "pending", "closed");

  private final SearchService service;

  SearchRoutes(SearchService service) {
    this.service = service;
  }

  void mount(Router router, Handler<RoutingContext> gate) {
    router.get("/api/search/chats").handler(gate).handler(this::chats);
    router.get("/api/search/tickets").handler(gate).handler(this::tickets);
    router.get("/api/search/choices").handler(gate).handler(this::choices);
  }

  private void chats(RoutingContext ctx) {
    var words = SearchWords.parse(ctx.queryParams().get("q"));
    var from = day(ctx, "from");
    var to = day(ctx, "to");
    checkOrder(from, to);
    var filters =
        new ChatFilters(
            words,
            from,
            to,
            id(ctx, "queue"),
            id(ctx, "operator"),
            id(ctx, "tag"),
            rating(ctx),
            oneOf(ctx, "state", ChatQuery.STATES),
            page(ctx));
    service
        .chats(OperatorGate.caller(ctx), filters)
        .onSuccess(results -> Responses.ok(ctx, results.toJson()))
        .onFailure(ctx::fail);
  }

  private void tickets(RoutingContext ctx) {
    var words = SearchWords.parse(ctx.queryParams().get("q"));
    var from = day(ctx, "from");
    var to = day(ctx, "to");
    checkOrder(from, to);
    var assignee = ctx.queryParams().get("assignee");
    boolean unassigned = "none".equals(assignee);
    var filters =
        new TicketFilters(
            words,
            from,
            to,
            oneOf(ctx, "status", TICKET_STATUSES),
            id(ctx, "queue"),
            unassigned ? null : id(ctx, "assignee"),
            unassigned,
            page(ctx));
    service
        .tickets(OperatorGate.caller(ctx), filters)
        .onSuccess(results -> Responses.ok(ctx, results.toJson()))
        .onFailure(ctx::fail);
  }

  private void choices(RoutingContext ctx) {
    service
        .choices(OperatorGate.caller(ctx))
        .onSuccess(choices -> Responses.ok(ctx, choices))
        .onFailure(ctx::fail);
  }

  private static int page(RoutingContext ctx) {
    return QueryParams.intParam(ctx, "page", 1, 1, SearchLimits.PAGES);
  }

  private static Integer rating(RoutingContext ctx) {
    var raw = ctx.queryParams().get("rating");
    return raw == null || raw.isEmpty() ? null : QueryParams.intParam(ctx, "rating", 0, 1, 5);
  }

  /** An id, or null when absent or empty. */
  private static Long id(RoutingContext ctx, String name) {
    var raw = ctx.queryParams().get(name);
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    try {
      long id = Long.parseLong(raw);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // the same answer as a number out of range
    }
    throw ApiException.invalid("'" + name + "' must be an id: a whole number above 0.");
  }

  private static String oneOf(RoutingContext ctx, String name, List<String> allowed) {
    var raw = ctx.queryParams().get(name);
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    if (!allowed.contains(raw)) {
      throw ApiException.invalid(
          "'" + name + "' must be one of " + String.join(", ", allowed) + ".");
    }
    return raw;
  }

  /** A day as YYYY-MM-DD, or null when absent or empty. */
  private static LocalDate day(RoutingContext ctx, String name) {
    var raw = ctx.queryParams().get(name);
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    try {
      if (raw.length() == 10) {
        var day = LocalDate.parse(raw);
        if (day.getYear() >= 2000 && day.getYear() <= 2999) {
          return day;
        }
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw ApiException.invalid("'" + name + "' must be a day as YYYY-MM-DD.");
  }

  private static void checkOrder(LocalDate from, LocalDate to) {
    if (from != null && to != null && to.isBefore(from)) {
      throw ApiException.invalid("'to' must not be before 'from'.");
    }
  }

  /** What a transcript search asks for; null is any. */
  record ChatFilters(
      SearchWords words,
      LocalDate from,
      LocalDate to,
      Long queueId,
      Long operatorId,
      Long tagId,
      Integer rating,
      String state,
      int page) {}

  /** What a ticket search asks for; null is any. */
  record TicketFilters(
      SearchWords words,
      LocalDate from,
      LocalDate to,
      String status,
      Long queueId,
      Long assigneeId,
      boolean unassigned,
      int page) {}
}
