package org.refdesk.staffchat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;
import org.refdesk.platform.bridge.BridgeRule;
import org.refdesk.platform.bridge.IdFamilyRule;
import org.refdesk.platform.bus.Identity;

/** Who may write in a staff room and who may hear it, on the bridge: never a patron. */
final class StaffChatBridgeRules {

  private StaffChatBridgeRules() {}

  /**
   * {@code internal.send}: operators, with a room id; the verticle checks in the writing statement
   * that the sender is in the room.
   */
  static final class Commands implements BridgeRule {

    private static final Pattern ADDRESSES =
        Pattern.compile(Pattern.quote(StaffChatAddresses.INTERNAL_SEND));

    @Override
    public Pattern addresses() {
      return ADDRESSES;
    }

    @Override
    public boolean inbound() {
      return true;
    }

    @Override
    public Future<Verdict> maySend(Identity who, String address, Object body, SocketMemory socket) {
      if (who.isPatron()) {
        return Future.succeededFuture(Verdict.REFUSED);
      }
      return Future.succeededFuture(
          body instanceof JsonObject message && message.getValue("roomId") instanceof Number
              ? Verdict.ALLOWED
              : Verdict.INVALID);
    }
  }

  /**
   * {@code internal.<roomId>}: the room's members (for the staff room, every operator of its
   * library). A patron may not listen, and nothing here is ever written to a patron's socket.
   */
  static final class Events extends IdFamilyRule {

    private final StaffChatRepository rooms;

    Events(StaffChatRepository rooms) {
      super(StaffChatAddresses.INTERNAL_PREFIX);
      this.rooms = rooms;
    }

    @Override
    protected Future<Boolean> mayRegister(Identity who, long roomId) {
      if (who.isPatron()) {
        return Future.succeededFuture(false);
      }
      return rooms.roomOf(roomId, who.id()).map(room -> room.isPresent());
    }

    @Override
    public boolean mayReceive(Identity who, String address, JsonObject raw) {
      return !who.isPatron();
    }
  }
}
