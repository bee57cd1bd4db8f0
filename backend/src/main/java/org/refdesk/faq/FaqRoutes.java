package org.refdesk.faq;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.redis.client.Redis;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.refdesk.operator.OperatorAuth;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;
import org.refdesk.platform.redis.RedisKeys;
import org.refdesk.platform.redis.WindowLimit;
import org.refdesk.platform.web.ClientAddress;
import org.refdesk.platform.web.JsonInput;
import org.refdesk.platform.web.OperatorGate;
import org.refdesk.platform.web.PathParams;
import org.refdesk.platform.web.Responses;
import org.refdesk.queue.QueueRepository;

/**
 * Admins keep the library's FAQs; operators search them, read one, send one into a chat and make a
 * draft from an ended chat; patrons read the published public ones of the library of a queue.
 */
final class FaqRoutes {

  /** The form a queue slug always has; anything else is no queue, asked of nobody. */
  private static final Pattern QUEUE_SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  /** Suggestions the widget shows under the question at most. */
  private static final int WIDGET_SUGGESTIONS = 3;

  private final FaqRepository faqs;
  private final FaqService service;
  private final QueueRepository queues;
  private final Redis redis;
  private final RedisKeys keys;
  private final ClientAddress clientAddress;

  FaqRoutes(
      FaqRepository faqs,
      FaqService service,
      QueueRepository queues,
      Redis redis,
      RedisKeys keys,
      ClientAddress clientAddress) {
    this.faqs = faqs;
    this.service = service;
    this.queues = queues;
    this.redis = redis;
    this.keys = keys;
    this.clientAddress = clientAddress;
  }

  void mount(Router router, OperatorAuth operatorAuth) {
    var admin = OperatorAuth.requireAdmin();
    router.get("/api/faqs").handler(operatorAuth).handler(this::search);
    router.get("/api/faqs/:id").handler(operatorAuth).handler(this::one);
    router.post("/api/chats/:id/faq-card").handler(operatorAuth).handler(this::sendCard);
    router.post("/api/chats/:id/faq-draft").handler(operatorAuth).handler(this::draft);
    router.get("/api/admin/faqs").handler(operatorAuth).handler(admin).handler(this::all);
    router.post("/api/admin/faqs").handler(operatorAuth).handler(admin).handler(this::create);
    router.put("/api/admin/faqs/:id").handler(operatorAuth).handler(admin).handler(this::edit);
    router.delete("/api/admin/faqs/:id").handler(operatorAuth).handler(admin).handler(this::delete);
    router
        .post("/api/admin/faqs/:id/publish")
        .handler(operatorAuth)
        .handler(admin)
        .handler(this::publish);
    router.get("/api/widget/queues/:slug/faqs").handler(this::publicFaqs);
  }

  /**
   * {@code q}: words to match, the last one perhaps half typed; {@code match=any} for a whole
   * question (suggestions), where any word may match; without {@code q}, every published FAQ.
   */
  private void search(RoutingContext ctx) {
    var operator = OperatorAuth.operator(ctx);
    var q = query(ctx);
    boolean any = "any".equals(ctx.queryParams().get("match"));
    int limit =
        limit(
            ctx,
            FaqLimits.SEARCH_RESULTS,
            q.isEmpty() ? FaqLimits.PAGE_FAQS : FaqLimits.SEARCH_RESULTS);
    service
        .find(operator.libraryId(), q, any, true, limit)
        .onSuccess(found -> Responses.ok(ctx, list(found, Faq::summary)))
        .onFailure(ctx::fail);
  }

  /** One published FAQ with its rendered answer; a draft is for the admins' list. */
  private void one(RoutingContext ctx) {
    var operator = OperatorAuth.operator(ctx);
    faqs.find(operator.libraryId(), PathParams.id(ctx, "id"))
        .compose(
            found ->
                found.isPresent()
                        && (Faq.PUBLISHED.equals(found.get().status()) || operator.isAdmin())
                    ? Future.succeededFuture(found.get())
                    : Future.<Faq>failedFuture(notFound()))
        .onSuccess(faq -> Responses.ok(ctx, faq.toJson()))
        .onFailure(ctx::fail);
  }

  private void sendCard(RoutingContext ctx) {
    var input = JsonInput.body(ctx);
    long faqId = input.requiredId("faqId");
    var clientMsgId =
        input.matching(
            "clientMsgId",
            Pattern.compile("[A-Za-z0-9._:-]{1,64}"),
            "must be 1 to 64 letters, digits or . _ : -");
    service
        .sendCard(
            OperatorAuth.operator(ctx),
            OperatorGate.caller(ctx),
            PathParams.id(ctx, "id"),
            faqId,
            clientMsgId)
        .onSuccess(sent -> Responses.ok(ctx, sent))
        .onFailure(ctx::fail);
  }

  private void draft(RoutingContext ctx) {
    service
        .draftFrom(OperatorAuth.operator(ctx), OperatorGate.caller(ctx), PathParams.id(ctx, "id"))
        .onSuccess(faq -> Responses.created(ctx, faq.toJson()))
        .onFailure(ctx::fail);
  }

  private void all(RoutingContext ctx) {
    faqs.all(OperatorAuth.operator(ctx).libraryId())
        .onSuccess(found -> Responses.ok(ctx, list(found, Faq::toJson)))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    var operator = OperatorAuth.operator(ctx);
    var input = JsonInput.body(ctx);
    var fields = FaqInput.fields(input);
    var status = FaqInput.status(input);
    faqs.create(operator.libraryId(), fields, status, null, operator.id())
        .onSuccess(faq -> Responses.created(ctx, faq.toJson()))
        .onFailure(ctx::fail);
  }

  private void edit(RoutingContext ctx) {
    var operator = OperatorAuth.operator(ctx);
    long id = PathParams.id(ctx, "id");
    var fields = FaqInput.fields(JsonInput.body(ctx));
    faqs.update(operator.libraryId(), id, fields, operator.id())
        .onSuccess(found -> respond(ctx, found))
        .onFailure(ctx::fail);
  }

  private void publish(RoutingContext ctx) {
    var operator = OperatorAuth.operator(ctx);
    faqs.publish(operator.libraryId(), PathParams.id(ctx, "id"), operator.id())
        .onSuccess(found -> respond(ctx, found))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    faqs.delete(OperatorAuth.operator(ctx).libraryId(), PathParams.id(ctx, "id"))
        .onSuccess(
            deleted -> {
              if (deleted) {
                Responses.noContent(ctx);
              } else {
                ctx.fail(notFound());
              }
            })
        .onFailure(ctx::fail);
  }

  /**
   * The published public FAQs of the queue's library, for the widget's suggestions ({@code q} and
   * {@code limit=3}: any word of the question, best first) and the library's FAQ page (everything,
   * or what matches {@code q}). No account; counted per address so a script cannot read a library's
   * FAQs at full speed. Each FAQ names its page.
   */
  private void publicFaqs(RoutingContext ctx) {
    var slug = ctx.pathParam("slug");
    var q = query(ctx);
    int limit = limit(ctx, WIDGET_SUGGESTIONS, FaqLimits.PAGE_FAQS);
    boolean suggestions = q.isPresent() && limit <= WIDGET_SUGGESTIONS;
    if (!QUEUE_SLUG.matcher(slug).matches()) {
      ctx.fail(new ApiException(ErrorCode.UNKNOWN_QUEUE, "There is no such queue."));
      return;
    }
    WindowLimit.count(
            redis,
            keys.publicFaqReads(clientAddress.of(ctx.request())),
            FaqLimits.PUBLIC_WINDOW_SECONDS,
            FaqLimits.PUBLIC_READS_PER_MINUTE,
            () ->
                new ApiException(
                    ErrorCode.RATE_LIMITED,
                    "Too many FAQ searches from this address; please wait a minute."))
        .compose(counted -> queues.bySlug(slug))
        .compose(
            queue -> {
              if (queue.isEmpty()) {
                return Future.failedFuture(
                    new ApiException(ErrorCode.UNKNOWN_QUEUE, "There is no such queue."));
              }
              var found = queue.get();
              return service
                  .find(found.libraryId(), q, suggestions, false, limit)
                  .map(
                      list -> {
                        var array = new JsonArray();
                        list.forEach(
                            faq ->
                                array.add(
                                    faq.toPublicJson(!suggestions)
                                        .put("url", service.pageUrl(found.slug(), faq.id()))));
                        return new JsonObject()
                            .put(
                                "library",
                                new JsonObject()
                                    .put("id", found.libraryId())
                                    .put("name", found.libraryName()))
                            .put(
                                "queue",
                                new JsonObject()
                                    .put("slug", found.slug())
                                    .put("name", found.name()))
                            .put("faqs", array);
                      });
            })
        .onSuccess(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private static void respond(RoutingContext ctx, Optional<Faq> found) {
    if (found.isPresent()) {
      Responses.ok(ctx, found.get().toJson());
    } else {
      ctx.fail(notFound());
    }
  }

  /** {@code q} trimmed, at most {@link FaqLimits#QUERY_CHARS}; empty when absent or blank. */
  private static Optional<String> query(RoutingContext ctx) {
    var q = ctx.queryParams().get("q");
    if (q == null || q.isBlank()) {
      return Optional.empty();
    }
    if (q.length() > FaqLimits.QUERY_CHARS) {
      throw ApiException.invalid("'q' must be at most " + FaqLimits.QUERY_CHARS + " characters.");
    }
    return Optional.of(q.stripLeading());
  }

  /** {@code limit} from 1 to {@code max}; {@code fallback} when not given. */
  private static int limit(RoutingContext ctx, int fallback, int max) {
    var raw = ctx.queryParams().get("limit");
    if (raw == null) {
      return Math.min(fallback, max);
    }
    try {
      int limit = Integer.parseInt(raw);
      if (limit >= 1 && limit <= max) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.invalid("'limit' must be a whole number from 1 to " + max + ".");
  }

  private static ApiException notFound() {
    return ApiException.notFound("There is no such FAQ in your library.");
  }

  private static JsonObject list(List<Faq> found, Function<Faq, JsonObject> shape) {
    var array = new JsonArray();
    found.forEach(faq -> array.add(shape.apply(faq)));
    return new JsonObject().put("faqs", array);
  }
}
