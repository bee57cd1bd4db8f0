package org.refdesk.widget;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.redis.client.Redis;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.refdesk.auth.Tokens;
import org.refdesk.chat.Chat;
import org.refdesk.chat.ChatEvent.Sender;
import org.refdesk.chat.ChatLifecycle;
import org.refdesk.chat.ChatLimits;
import org.refdesk.chat.ChatRepository;
import org.refdesk.chat.ChatRepository.NewChat;
import org.refdesk.coop.Routing;
import org.refdesk.library.LibrarySettings;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;
import org.refdesk.platform.redis.RedisKeys;
import org.refdesk.platform.redis.WindowLimit;
import org.refdesk.platform.web.Bearer;
import org.refdesk.platform.web.ClientAddress;
import org.refdesk.platform.web.JsonInput;
import org.refdesk.platform.web.OriginCheck;
import org.refdesk.platform.web.PathParams;
import org.refdesk.platform.web.RefusedOrigins;
import org.refdesk.platform.web.Responses;
import org.refdesk.queue.Queue;
import org.refdesk.queue.QueueRepository;
import org.refdesk.queue.QueueSettings;
import org.refdesk.queue.QueueState;
import org.refdesk.rating.RatingLimits;
import org.refdesk.ticket.PatronTickets;

/** What the patron's widget calls: no account, and a token for one chat once it starts. */
final class WidgetRoutes {

  /** The form a queue slug always has (the schema checks the same); anything else is no queue. */
  private static final Pattern QUEUE_SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  private static final int START_WINDOW_SECONDS = 10 * 60;
  static final int MAX_NAME = 80;
  private static final int MAX_NAME_WORDS = 6;

  /** Questions one address may leave for one library while nobody is online, per hour. */
  static final int QUESTIONS_PER_HOUR = 5;

  private static final int QUESTION_WINDOW_SECONDS = 3600;

  /**
   * What the widget's form holds its fields to, as this route does; sent with the queue
   * description.
   */
  private static final JsonObject PATRON_LIMITS =
      new JsonObject()
          .put("messageChars", ChatLimits.MESSAGE_CHARS)
          .put("emailChars", ChatLimits.EMAIL_CHARS)
          .put("nameChars", MAX_NAME)
          .put("nameWords", MAX_NAME_WORDS)
          .put("questionsPerHour", QUESTIONS_PER_HOUR)
          .put("ratingCommentChars", RatingLimits.COMMENT_CHARS);

  private static final Pattern WORDS = Pattern.compile("\\s+");

  private final ChatRepository chats;
  private final ChatLifecycle lifecycle;
  private final QueueRepository queueRepository;
  private final QueueState queues;
  private final Tokens tokens;
  private final ClientAddress clientAddress;
  private final Redis redis;
  private final RedisKeys keys;
  private final int startsPerAddress;
  private final OriginCheck originCheck;
  private final PatronTickets patronTickets;
  private final Routing routing;

  WidgetRoutes(
      ChatRepository chats,
      ChatLifecycle lifecycle,
      QueueRepository queueRepository,
      QueueState queues,
      Tokens tokens,
      ClientAddress clientAddress,
      Redis redis,
      RedisKeys keys,
      int startsPerAddress,
      OriginCheck originCheck,
      PatronTickets patronTickets,
      Routing routing) {
    this.chats = chats;
    this.lifecycle = lifecycle;
    this.queueRepository = queueRepository;
    this.queues = queues;
    this.tokens = tokens;
    this.clientAddress = clientAddress;
    this.redis = redis;
    this.keys = keys;
    this.startsPerAddress = startsPerAddress;
    this.originCheck = originCheck;
    this.patronTickets = patronTickets;
    this.routing = routing;
  }

  /**
   * The queue description is public and read by the loader on library pages of any origin, so it is
   * mounted before the API's origin check and answers CORS for everyone (no credentials, nothing
   * private). It also tells the loader whether its page may frame the widget, so a site that is not
   * allowed gets a plain message instead of the browser's error page in the panel.
   */
  void mountPublic(Router router) {
    router
        .get("/api/widget/queues/:slug")
        .handler(
            ctx -> {
              ctx.response()
                  .headers()
                  .set("Access-Control-Allow-Origin", "*")
                  .set("Cache-Control", "public, max-age=10")
                  .set("Vary", "Origin");
              ctx.next();
            })
        .handler(this::describeQueue);
    // These learn their library from the queue in the body, and check the site once they know it.
    router.post("/api/widget/chats").handler(OriginCheck.leftToRoute());
    router.post("/api/widget/tickets").handler(OriginCheck.leftToRoute());
  }

  void mount(Router router) {
    router.post("/api/widget/chats").handler(this::startChat);
    router.get("/api/widget/chats/:id").handler(this::waitingInfo);
    router.post("/api/widget/chats/:id/end").handler(this::endChat);
    router.post("/api/widget/tickets").handler(this::leaveQuestion);
  }

  private void describeQueue(RoutingContext ctx) {
    findQueue(ctx.pathParam("slug"))
        .compose(queue -> routing.destination(queue).map(answeredIn -> List.of(queue, answeredIn)))
        .compose(
            both -> {
              // The patron is offered chat if anyone can answer where the queue's cascade sends a
              // chat now (at night, perhaps a co-op's librarians); the queue stays the one asked.
              var queue = both.get(0);
              var answeredIn = both.get(1);
              // The widget's frame may be embedded where the API may be called from for this
              // library (SecurityHeaders frames it alike): the installation's list or the
              // library's.
              boolean embeddable = originCheck.allowsFor(ctx.request(), queue.libraryId());
              if (!embeddable) {
                RefusedOrigins.note(ctx.request().getHeader("Origin"));
              }
              var online = routing.online(answeredIn);
              var waiting = queues.waitingCount(answeredIn.id()).otherwise(0);
              var wait = queueRepository.medianWaitSeconds(answeredIn.id());
              return Future.all(online, waiting, wait)
                  .map(
                      done ->
                          new JsonObject()
                              .put("id", queue.id())
                              .put("slug", queue.slug())
                              .put("name", queue.name())
                              .put(
                                  "library",
                                  new JsonObject()
                                      .put("id", queue.libraryId())
                                      .put("name", queue.libraryName()))
                              .put("online", online.result())
                              .put("waiting", waiting.result())
                              .put("expectedWaitSeconds", wait.result().orElse(null))
                              .put("settings", queue.settings())
                              .put("limits", PATRON_LIMITS)
                              .put(
                                  "offline",
                                  offlineForm(LibrarySettings.effective(queue.librarySettings())))
                              .put("embeddable", embeddable));
            })
        .onSuccess(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  /**
   * What the offline question form shows: the library's answer time (null: the widget's own) and
   * fields.
   */
  private static JsonObject offlineForm(JsonObject settings) {
    return new JsonObject()
        .put("answerTime", settings.getString(LibrarySettings.OFFLINE_ANSWER_TIME))
        .put("fields", OfflineQuestionInput.formFields(settings));
  }

  /**
   * A question left while nobody is online: checked against the library's own fields (every field
   * that is wrong is named), counted per address and library, then a ticket in that queue with a
   * receipt by e-mail. Nothing is stored when any of that refuses.
   */
  private void leaveQuestion(RoutingContext ctx) {
    var body = JsonInput.body(ctx).json();
    var slug = body.getValue("queue") instanceof String s ? s : null;
    var ip = clientAddress.of(ctx.request());
    findQueue(slug)
        .compose(queue -> originCheck.requireFor(ctx, queue.libraryId()).map(queue))
        .compose(
            queue -> {
              var settings = LibrarySettings.effective(queue.librarySettings());
              var question =
                  OfflineQuestionInput.read(body, OfflineQuestionInput.formFields(settings));
              return countQuestion(queue.libraryId(), ip)
                  .compose(
                      v ->
                          patronTickets.ask(
                              queue,
                              question,
                              settings.getString(LibrarySettings.OFFLINE_ANSWER_TIME)));
            })
        .onSuccess(answer -> Responses.created(ctx, answer))
        .onFailure(ctx::fail);
  }

  private Future<Void> countQuestion(long libraryId, String ip) {
    return WindowLimit.count(
        redis,
        keys.offlineQuestions(libraryId, ip),
        QUESTION_WINDOW_SECONDS,
        QUESTIONS_PER_HOUR,
        () ->
            new ApiException(
                ErrorCode.RATE_LIMITED,
                "You have left "
                    + QUESTIONS_PER_HOUR
                    + " questions in the last hour, the most we take from one place; please try again later.",
                new JsonObject().put("limit", QUESTIONS_PER_HOUR)));
  }

  private void startChat(RoutingContext ctx) {
    var input = JsonInput.body(ctx);
    var slug = input.requiredText("queue", 63);
    // Read whole first: a question typed into the name box (patrons often do) is longer than a
    // name.
    var typedName = input.optionalText("name", ChatLimits.MESSAGE_CHARS);
    var typedQuestion = input.optionalText("question", ChatLimits.MESSAGE_CHARS);
    var nameIsTheQuestion =
        typedQuestion.isEmpty() && typedName.filter(WidgetRoutes::looksLikeQuestion).isPresent();
    var question =
        (nameIsTheQuestion ? typedName : typedQuestion)
            .orElseThrow(() -> ApiException.invalid("'question' is required."));
    var name = (nameIsTheQuestion ? Optional.<String>empty() : typedName).orElse("Guest");
    if (name.length() > MAX_NAME) {
      throw ApiException.invalid("'name' must be at most " + MAX_NAME + " characters.");
    }
    var email =
        input
            .optionalText("email", ChatLimits.EMAIL_CHARS)
            .map(
                e -> {
                  if (!Chat.EMAIL.matcher(e).matches()) {
                    throw ApiException.invalid("'email' does not look like an e-mail address.");
                  }
                  return e;
                })
            .orElse(null);
    var page = input.optionalText("page", 2000).filter(WidgetRoutes::isWebAddress).orElse(null);
    var userAgent = ctx.request().getHeader("User-Agent");
    var ip = clientAddress.of(ctx.request());
    var body = input.json();
    findQueue(slug)
        .compose(queue -> originCheck.requireFor(ctx, queue.libraryId()).map(queue))
        .map(
            queue ->
                new Asked(
                    queue,
                    OfflineQuestionInput.prechatAnswers(
                        body, QueueSettings.prechatFields(queue.settings()))))
        .compose(asked -> countStart(ip).map(asked))
        .compose(
            asked ->
                routing
                    .destination(asked.queue())
                    .compose(
                        startIn ->
                            lifecycle
                                .start(
                                    startIn,
                                    new NewChat(
                                            asked.queue().libraryId(),
                                            asked.queue().id(),
                                            name,
                                            email,
                                            ip,
                                            printable(userAgent, 500),
                                            page,
                                            question,
                                            asked.prechat())
                                        .startingIn(startIn.id()),
                                    asked.queue().libraryName())
                                .compose(
                                    answer ->
                                        routing
                                            .startedElsewhere(
                                                answer.getLong("chatId"), asked.queue(), startIn)
                                            .map(answer)))
                    .map(
                        answer ->
                            answer.put(
                                "token",
                                tokens.issuePatron(
                                    answer.getLong("chatId"), asked.queue().libraryId()))))
        .onSuccess(answer -> Responses.created(ctx, answer))
        .onFailure(ctx::fail);
  }

  /** A queue and the patron's checked answers to its pre-chat fields. */
  private record Asked(Queue queue, JsonArray prechat) {}

  private Future<Void> countStart(String ip) {
    return WindowLimit.count(
        redis,
        keys.chatStarts(ip),
        START_WINDOW_SECONDS,
        startsPerAddress,
        () ->
            new ApiException(
                ErrorCode.RATE_LIMITED,
                "Too many chats from this address; please try again in a few minutes."));
  }

  /**
   * Where the patron stands: polled by the widget while the chat waits. A patron asking about a
   * missed chat is back, so it waits again before the answer is given.
   */
  private void waitingInfo(RoutingContext ctx) {
    long chatId = PathParams.id(ctx, "id");
    patronsChat(ctx, chatId)
        .compose(
            chat ->
                chat.isMissed()
                    ? lifecycle.patronsSeen(List.of(chatId)).map(v -> chat.inState(Chat.WAITING))
                    : Future.succeededFuture(chat))
        .compose(
            chat -> {
              var position =
                  Chat.WAITING.equals(chat.state())
                      ? queues.position(chat.queueId(), chatId).otherwise(Optional.empty())
                      : Future.succeededFuture(Optional.<Integer>empty());
              var wait = queueRepository.medianWaitSeconds(chat.queueId());
              return Future.all(position, wait)
                  .map(
                      done ->
                          new JsonObject()
                              .put("chatId", chatId)
                              .put("state", chat.state())
                              .put("queueId", chat.queueId())
                              .put("position", position.result().orElse(null))
                              .put("expectedWaitSeconds", wait.result().orElse(null))
                              .put(
                                  "operator",
                                  chat.ownerId() == null
                                      ? null
                                      : new JsonObject()
                                          .put("id", chat.ownerId())
                                          .put("name", chat.ownerName())));
            })
        .onSuccess(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void endChat(RoutingContext ctx) {
    long chatId = PathParams.id(ctx, "id");
    patronsChat(ctx, chatId)
        .compose(chat -> lifecycle.end(chatId, new Sender(Sender.PATRON, null, chat.patronName())))
        .onSuccess(answer -> Responses.ok(ctx, answer))
        .onFailure(ctx::fail);
  }

  /** The chat the request's patron token is for; any other chat is refused. */
  private Future<Chat> patronsChat(RoutingContext ctx, long chatId) {
    return tokens
        .verifyPatron(Bearer.of(ctx))
        .compose(
            patron ->
                patron.chatId() == chatId
                    ? chats.find(chatId)
                    : Future.failedFuture(
                        ApiException.forbidden("This token is for another chat.")))
        .compose(
            found ->
                found.isPresent()
                    ? Future.succeededFuture(found.get())
                    : Future.failedFuture(ApiException.notFound("There is no such chat.")));
  }

  private Future<Queue> findQueue(String slug) {
    if (slug == null || !QUEUE_SLUG.matcher(slug).matches()) {
      return Future.failedFuture(
          new ApiException(ErrorCode.UNKNOWN_QUEUE, "There is no such queue."));
    }
    return queueRepository
        .bySlug(slug)
        .compose(
            queue ->
                queue.isPresent()
                    ? Future.succeededFuture(queue.get())
                    : Future.failedFuture(
                        new ApiException(
                            ErrorCode.UNKNOWN_QUEUE, "There is no queue called '" + slug + "'.")));
  }

  /** A header kept for the librarian, without control characters and cut to a length. */
  private static String printable(String header, int maxLength) {
    if (header == null) {
      return null;
    }
    var kept =
        header
            .chars()
            .filter(c -> c >= 0x20 && c != 0x7f)
            .limit(maxLength)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    return kept.isBlank() ? null : kept;
  }

  /**
   * The widget's rule too (widget/name-check.js): ends with "?", longer than a name, or more words
   * than names have.
   */
  static boolean looksLikeQuestion(String name) {
    return name.endsWith("?")
        || name.length() > MAX_NAME
        || WORDS.split(name).length > MAX_NAME_WORDS;
  }

  private static boolean isWebAddress(String value) {
    try {
      var scheme = URI.create(value).getScheme();
      return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
