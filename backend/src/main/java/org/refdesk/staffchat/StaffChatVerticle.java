package org.refdesk.staffchat;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.logging.Logger;
import org.refdesk.chat.ChatEvent;
import org.refdesk.chat.MessageInput;
import org.refdesk.platform.bus.BusFailures;
import org.refdesk.platform.bus.Identity;
import org.refdesk.platform.config.RefdeskConfig;
import org.refdesk.platform.db.Database;
import org.refdesk.platform.errors.ApiException;

/**
 * Takes {@code internal.send} from the bridge: the sender hears {seq, at} only after the commit,
 * and only then do the room's members hear of the message. Staff rooms are quiet next to patron
 * chats, so each message is its own statement; the room row numbers them and keeps them in order.
 */
public final class StaffChatVerticle extends VerticleBase {

  private static final Logger log = Logger.getLogger(StaffChatVerticle.class.getName());

  private final RefdeskConfig config;
  private StaffChatRepository rooms;

  public StaffChatVerticle(RefdeskConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    rooms = new StaffChatRepository(Database.pool(vertx, config));
    // Local: a browser's command is handled on the node its socket is on.
    return vertx
        .eventBus()
        .<JsonObject>localConsumer(StaffChatAddresses.INTERNAL_SEND, this::send)
        .completion();
  }

  private void send(Message<JsonObject> message) {
    var who = Identity.from(message.headers());
    try {
      if (who == null || who.isPatron()) {
        throw ApiException.forbidden("Only librarians write in staff rooms.");
      }
      var body = MessageInput.body(message);
      long roomId = MessageInput.id(body, "roomId", "a room id");
      var text = MessageInput.text(body);
      var clientMsgId = MessageInput.clientMsgId(body);
      rooms
          .send(roomId, who.id(), clientMsgId, text)
          .onSuccess(
              stored -> {
                if (stored.isEmpty()) {
                  fail(message, ApiException.notFound("There is no such room."));
                  return;
                }
                var written = stored.get();
                message.reply(
                    new JsonObject()
                        .put("seq", written.seq())
                        .put("at", ChatEvent.iso(written.at())));
                if (!written.repeated()) {
                  var event =
                      new StaffMessage(
                          roomId,
                          written.seq(),
                          written.at(),
                          who.id(),
                          written.senderName(),
                          text,
                          clientMsgId);
                  vertx.eventBus().publish(StaffChatAddresses.room(roomId), event.toJson());
                }
              })
          .onFailure(failure -> fail(message, failure));
    } catch (ApiException e) {
      fail(message, e);
    }
  }

  private static void fail(Message<?> message, Throwable failure) {
    BusFailures.fail(message, failure, log);
  }
}
