package org.refdesk.stats;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Optional;
import org.refdesk.chat.ChatVisibility;
import org.refdesk.operator.Operator;
import org.refdesk.operator.OperatorAuth;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;
import org.refdesk.platform.web.JsonInput;
import org.refdesk.platform.web.OperatorGate;
import org.refdesk.platform.web.PathParams;
import org.refdesk.platform.web.QueryParams;
import org.refdesk.platform.web.Responses;
import org.refdesk.stats.StatsRepository.ChatFacts;

/**
 * The library's statistics form (admins change it), the entry of each ended chat with the chat's
 * facts taken by the server, entries for questions asked without a chat, and each operator's chats
 * still to record.
 */
final class StatsRoutes {

  /** A desk question may be dated this far ahead of the server's clock (clocks differ a little). */
  private static final Duration CLOCK_SLACK = Duration.ofMinutes(5);

  private final StatsRepository stats;
  private final ChatVisibility visibility;

  StatsRoutes(StatsRepository stats, ChatVisibility visibility) {
    this.stats = stats;
    this.visibility = visibility;
  }

  void mount(Router router, OperatorAuth operatorAuth) {
    var admin = OperatorAuth.requireAdmin();
    router.get("/api/statistics/form").handler(operatorAuth).handler(this::form);
    router.put("/api/statistics/form").handler(operatorAuth).handler(admin).handler(this::saveForm);
    router.get("/api/statistics/to-record").handler(operatorAuth).handler(this::toRecord);
    router.post("/api/statistics/entries").handler(operatorAuth).handler(this::recordDesk);
    router.get("/api/chats/:id/analytics").handler(operatorAuth).handler(this::ofChat);
    router.post("/api/chats/:id/analytics").handler(operatorAuth).handler(this::recordChat);
  }

  private void form(RoutingContext ctx) {
    long libraryId = OperatorAuth.operator(ctx).libraryId();
    stats
        .form(libraryId)
        .compose(form -> stats.hasOwnForm(libraryId).map(own -> formJson(form, !own)))
        .onSuccess(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void saveForm(RoutingContext ctx) {
    var form = StatsForm.parse(JsonInput.body(ctx).json().getValue("fields"));
    var operator = OperatorAuth.operator(ctx);
    stats
        .saveForm(operator.libraryId(), form, operator.id())
        .onSuccess(v -> Responses.ok(ctx, formJson(form, false)))
        .onFailure(ctx::fail);
  }

  private static JsonObject formJson(StatsForm form, boolean isDefault) {
    return new JsonObject()
        .put("fields", form.toJson())
        .put("default", isDefault)
        .put("limits", new JsonObject(new HashMap<>(StatsLimits.asMap())));
  }

  private void ofChat(RoutingContext ctx) {
    long chatId = PathParams.id(ctx, "id");
    var operator = OperatorAuth.operator(ctx);
    facts(ctx, chatId, operator)
        .compose(
            facts ->
                Future.all(stats.form(facts.libraryId()), stats.entryOfChat(chatId))
                    .map(
                        both -> {
                          StatsForm form = both.resultAt(0);
                          Optional<StatsRepository.Entry> entry = both.resultAt(1);
                          return analytics(facts, form, entry.map(StatsRepository.Entry::toJson));
                        }))
        .onSuccess(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void recordChat(RoutingContext ctx) {
    long chatId = PathParams.id(ctx, "id");
    var given = JsonInput.body(ctx).json().getValue("values");
    var operator = OperatorAuth.operator(ctx);
    facts(ctx, chatId, operator)
        .compose(
            facts -> {
              if (!facts.tookPart()
                  && !(operator.isAdmin() && operator.libraryId() == facts.libraryId())) {
                return Future.failedFuture(
                    new ApiException(
                        ErrorCode.NOT_PARTICIPANT,
                        "Only a librarian who took part in the chat, or an admin, records it."));
              }
              if (!"ended".equals(facts.state())) {
                return Future.failedFuture(notEnded());
              }
              // The entry is the chat's home library's, on its form, whoever records it.
              return stats
                  .form(facts.libraryId())
                  .compose(
                      form -> {
                        var values = form.check(given, true);
                        return stats
                            .recordChat(chatId, operator.id(), values)
                            .compose(
                                saved ->
                                    saved.isPresent()
                                        ? Future.succeededFuture(saved.get())
                                        : Future.failedFuture(notEnded()))
                            .map(
                                saved ->
                                    new Answer(
                                        saved.inserted(),
                                        analytics(
                                            facts, form, Optional.of(saved.entry().toJson()))));
                      });
            })
        .onSuccess(answer -> Responses.json(ctx, answer.inserted() ? 201 : 200, answer.body()))
        .onFailure(ctx::fail);
  }

  private record Answer(boolean inserted, JsonObject body) {}

  private void recordDesk(RoutingContext ctx) {
    var input = JsonInput.body(ctx);
    var occurredAt = occurredAt(input.optionalText("occurredAt", 40).orElse(null));
    var given = input.json().getValue("values");
    var operator = OperatorAuth.operator(ctx);
    stats
        .form(operator.libraryId())
        .compose(
            form ->
                stats.recordDesk(
                    operator.libraryId(), operator.id(), occurredAt, form.check(given, false)))
        .onSuccess(saved -> Responses.created(ctx, saved.entry().toJson()))
        .onFailure(ctx::fail);
  }

  private void toRecord(RoutingContext ctx) {
    int days =
        QueryParams.intParam(
            ctx, "days", StatsLimits.TO_RECORD_DAYS, 1, StatsLimits.TO_RECORD_DAYS);
    var operator = OperatorAuth.operator(ctx);
    stats
        .toRecord(operator.id(), operator.libraryId(), days)
        .onSuccess(
            list ->
                Responses.ok(
                    ctx,
                    new JsonObject()
                        .put("chats", list.chats())
                        .put("count", list.count())
                        .put("days", days)))
        .onFailure(ctx::fail);
  }

  /**
   * The chat's facts, once the caller may see the chat at all (another library's is 404, unless it
   * is a co-op chat of theirs).
   */
  private Future<ChatFacts> facts(RoutingContext ctx, long chatId, Operator operator) {
    return visibility
        .requireVisible(OperatorGate.caller(ctx), chatId)
        .compose(visible -> stats.facts(chatId, operator.id()))
        .compose(
            facts ->
                facts.isPresent()
                    ? Future.succeededFuture(facts.get())
                    : Future.failedFuture(ApiException.notFound("There is no such chat.")));
  }

  private static JsonObject analytics(ChatFacts facts, StatsForm form, Optional<JsonObject> entry) {
    return new JsonObject()
        .put("facts", facts.toJson())
        .put("fields", form.toJson())
        .put("entry", entry.orElse(null));
  }

  private static ApiException notEnded() {
    return new ApiException(
        ErrorCode.CONFLICT, "The chat has not ended yet: it is recorded once it has.");
  }

  private static OffsetDateTime occurredAt(String given) {
    var now = OffsetDateTime.now(ZoneOffset.UTC);
    if (given == null) {
      return now;
    }
    OffsetDateTime at;
    try {
      at = OffsetDateTime.parse(given);
    } catch (DateTimeParseException e) {
      throw invalidDate("'occurredAt' must be a date and time such as 2026-03-01T14:30:00Z.");
    }
    if (at.isAfter(now.plus(CLOCK_SLACK))) {
      throw invalidDate("'occurredAt' must not be in the future.");
    }
    if (at.isBefore(now.minusDays(StatsLimits.BACKDATE_DAYS))) {
      throw invalidDate("'occurredAt' may be at most " + StatsLimits.BACKDATE_DAYS + " days ago.");
    }
    return at;
  }

  private static ApiException invalidDate(String message) {
    return new ApiException(
        ErrorCode.INVALID,
        message,
        new JsonObject().put("fields", new JsonObject().put("occurredAt", message)));
  }
}
