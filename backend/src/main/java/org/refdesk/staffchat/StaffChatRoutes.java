package org.refdesk.staffchat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.refdesk.chat.ChatLimits;
import org.refdesk.operator.OperatorAuth;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.web.JsonInput;
import org.refdesk.platform.web.PathParams;
import org.refdesk.platform.web.QueryParams;
import org.refdesk.platform.web.Responses;

/**
 * Operators' staff-room calls: their rooms, opening a direct room, resuming a room's messages and
 * marking them read. A room the caller is not in answers 404, as one that does not exist.
 */
final class StaffChatRoutes {

  private final StaffChatRepository rooms;

  StaffChatRoutes(StaffChatRepository rooms) {
    this.rooms = rooms;
  }

  void mount(Router router, OperatorAuth operatorAuth) {
    router.get("/api/internal/rooms").handler(operatorAuth).handler(this::list);
    router.post("/api/internal/rooms").handler(operatorAuth).handler(this::open);
    router.get("/api/internal/rooms/:id/events").handler(operatorAuth).handler(this::events);
    router.post("/api/internal/rooms/:id/read").handler(operatorAuth).handler(this::read);
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
        .onSuccess(room -> Responses.ok(ctx, room.toJson()))
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
