package org.refdesk.staffchat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import org.refdesk.chat.ChatLimits;
import org.refdesk.operator.OperatorAddresses;
import org.refdesk.operator.OperatorAuth;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.web.JsonInput;
import org.refdesk.platform.web.PathParams;
import org.refdesk.platform.web.QueryParams;
import org.refdesk.platform.web.Responses;

/**
 * Operators' staff-room calls: their rooms, opening a direct room, resuming a room's messages,
 * marking them read and searching them. A room the caller is not in answers 404, as one that does
 * not exist.
 */
final class StaffChatRoutes {

  /** The longest search an operator may type; told to the app as {@code internalSearchChars}. */
  static final int SEARCH_CHARS = 200;

  /** At most this many messages answer a search: a person reads the newest, then refines. */
  static final int SEARCH_RESULTS = 50;

  private final StaffChatRepository rooms;

  StaffChatRoutes(StaffChatRepository rooms) {
    this.rooms = rooms;
  }

  void mount(Router router, OperatorAuth operatorAuth) {
    router.get("/api/internal/rooms").handler(operatorAuth).handler(this::list);
    router.post("/api/internal/rooms").handler(operatorAuth).handler(this::open);
    router.get("/api/internal/rooms/:id/events").handler(operatorAuth).handler(this::events);
    router.post("/api/internal/rooms/:id/read").handler(operatorAuth).handler(this::read);
    router.get("/api/internal/search").handler(operatorAuth).handler(this::search);
  }

  private void list(RoutingContext ctx) {
    var operator = OperatorAuth.operator(ctx);
    rooms
        .roomsOf(operator.id(), operator.libraryId())
        .onSuccess(
            list -> {
              var array = new JsonArray();
              list.forEach(room -> array.add(room.toJson()));
              Responses.ok(ctx, new JsonObject().put("rooms", array));
            })
        .onFailure(ctx::fail);
  }

  /** Opens, or finds, the direct room with a colleague of the same library. */
  private void open(RoutingContext ctx) {
    var operator = OperatorAuth.operator(ctx);
    long colleagueId = JsonInput.body(ctx).requiredId("operatorId");
    if (colleagueId == operator.id()) {
      throw ApiException.invalid("'operatorId' must be a colleague, not yourself.");
    }
    rooms
        .openDirectRoom(operator.id(), colleagueId, operator.libraryId())
        .compose(
            roomId ->
                roomId.isEmpty()
                    ? Future.failedFuture(ApiException.notFound("There is no such colleague."))
                    : rooms
                        .roomsOf(operator.id(), operator.libraryId())
                        .map(
                            list ->
                                list.stream()
                                    .filter(room -> room.id() == roomId.get())
                                    .findFirst()
                                    .orElseThrow()))
        .onSuccess(
            room -> {
              // The colleague's open app lists the room now, and hears it from its first message.
              ctx.vertx()
                  .eventBus()
                  .publish(
                      OperatorAddresses.operator(colleagueId),
                      new JsonObject()
                          .put("type", "internal-room")
                          .put("roomId", room.id())
                          .put("at", Instant.now().toString()));
              Responses.ok(ctx, room.toJson());
            })
        .onFailure(ctx::fail);
  }

  /** Messages of the caller's rooms holding every word of {@code q}, newest first. */
  private void search(RoutingContext ctx) {
    var raw = ctx.queryParams().get("q");
    var words = raw == null ? "" : raw.strip();
    if (words.isEmpty()) {
      throw ApiException.invalid("'q' must name at least one word to search for.");
    }
    if (words.length() > SEARCH_CHARS) {
      throw ApiException.invalid("'q' may be at most " + SEARCH_CHARS + " characters.");
    }
    var operator = OperatorAuth.operator(ctx);
    rooms
        .search(operator.id(), operator.libraryId(), words, SEARCH_RESULTS)
        .onSuccess(
            found -> {
              var messages = new JsonArray();
              found.forEach(message -> messages.add(message.toJson()));
              Responses.ok(ctx, new JsonObject().put("messages", messages));
            })
        .onFailure(ctx::fail);
  }

  /** The room's messages after {@code after}, as a chat's events are resumed. */
  private void events(RoutingContext ctx) {
    long roomId = PathParams.id(ctx, "id");
    int after = QueryParams.intParam(ctx, "after", 0, 0, Integer.MAX_VALUE);
    int limit =
        QueryParams.intParam(ctx, "limit", ChatLimits.EVENTS_PAGE, 1, ChatLimits.EVENTS_MAX_PAGE);
    requireRoom(ctx, roomId)
        // One more than asked tells whether another page follows.
        .compose(room -> rooms.messagesAfter(roomId, after, limit + 1))
        .onSuccess(
            messages -> {
              boolean more = messages.size() > limit;
              var page = more ? messages.subList(0, limit) : messages;
              var events = new JsonArray();
              page.forEach(message -> events.add(message.toJson()));
              Responses.ok(
                  ctx,
                  new JsonObject()
                      .put("events", events)
                      .put("more", more)
                      .put("lastSeq", page.isEmpty() ? after : page.get(page.size() - 1).seq()));
            })
        .onFailure(ctx::fail);
  }

  /** Read up to {@code seq}; a mark never moves back, and never past the room's last message. */
  private void read(RoutingContext ctx) {
    long roomId = PathParams.id(ctx, "id");
    var seq = JsonInput.body(ctx).json().getValue("seq");
    if (!(seq instanceof Number n)
        || n.doubleValue() != n.longValue()
        || n.longValue() < 0
        || n.longValue() > Integer.MAX_VALUE) {
      throw ApiException.invalid("'seq' must be a whole number, 0 or more.");
    }
    int upTo = n.intValue();
    var operator = OperatorAuth.operator(ctx);
    requireRoom(ctx, roomId)
        .compose(
            room ->
                upTo > room.lastSeq()
                    ? Future.failedFuture(
                        ApiException.invalid(
                            "'seq' is past the room's last message (" + room.lastSeq() + ")."))
                    : rooms.markRead(roomId, operator.id(), upTo))
        .onSuccess(mark -> Responses.ok(ctx, new JsonObject().put("lastReadSeq", mark)))
        .onFailure(ctx::fail);
  }

  private Future<Room> requireRoom(RoutingContext ctx, long roomId) {
    return rooms
        .roomOf(roomId, OperatorAuth.operator(ctx).id())
        .compose(
            room ->
                room.isPresent()
                    ? Future.succeededFuture(room.get())
                    : Future.failedFuture(ApiException.notFound("There is no such room.")));
  }
}
