package org.refdesk.chat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;
import org.refdesk.platform.bridge.BridgeRule;
import org.refdesk.platform.bridge.IdFamilyRule;
import org.refdesk.platform.bus.Addresses;
import org.refdesk.platform.bus.Identity;
import org.refdesk.platform.metrics.RefdeskMetrics;

/** Who may write in a chat and who may hear it, on the bridge. */
final class ChatBridgeRules {

  private ChatBridgeRules() {}

  /**
   * {@code chat.send} and {@code chat.typing}: a patron writes in its own chat only, within its
   * allowance; an operator may send here, and the chat verticle checks they take part.
   */
  static final class Commands implements BridgeRule {

    private static final Pattern ADDRESSES =
        Pattern.compile(
            Pattern.quote(ChatAddresses.CHAT_SEND)
                + "|"
                + Pattern.quote(ChatAddresses.CHAT_TYPING));

    private final FloodControl flood;
    private final ChatVisibility visibility;
    private final RefdeskMetrics metrics;

    Commands(FloodControl flood, ChatVisibility visibility, RefdeskMetrics metrics) {
      this.flood = flood;
      this.visibility = visibility;
      this.metrics = metrics;
    }

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
      if (!(body instanceof JsonObject message)
          || !(message.getValue("chatId") instanceof Number chatId)) {
        return Future.succeededFuture(Verdict.INVALID);
      }
      if (!visibility.patronMayWrite(who, chatId.longValue())) {
        return Future.succeededFuture(Verdict.REFUSED);
      }
      boolean flooding =
          who.isPatron()
              && !flood.take(
                  socket.remember(FloodControl.SocketAllowance.class, flood::forSocket),
                  who.chatId(),
                  ChatAddresses.CHAT_TYPING.equals(address));
      if (flooding) {
        return Future.succeededFuture(Verdict.RATE_LIMITED);
      }
      if (ChatAddresses.CHAT_SEND.equals(address)) {
        metrics.messageIn();
      }
      return Future.succeededFuture(Verdict.ALLOWED);
    }
  }

  /**
   * {@code chat.<id>}: whoever {@link ChatVisibility} lets see the chat may listen; an operator
   * hears its conversation only while {@link ChatVisibility#operatorMayHear} says so. A patron
   * never hears its own typing echoed, nor anyone's draft text.
   */
  static final class Events extends IdFamilyRule {

    private final ChatVisibility visibility;

    Events(ChatVisibility visibility) {
      super(ChatAddresses.CHAT_PREFIX);
      this.visibility = visibility;
    }

    @Override
    protected Future<Boolean> mayRegister(Identity who, long chatId) {
      return visibility.maySee(who, chatId);
    }

    @Override
    public boolean mayReceive(Identity who, String address, JsonObject raw) {
      var body = raw == null ? null : raw.getValue("body");
      if (!who.isPatron()) {
        long chatId = Addresses.idOf(address, ChatAddresses.CHAT_PREFIX);
        var type = body instanceof JsonObject event ? event.getString("type") : null;
        return chatId > 0 && visibility.operatorMayHear(who.id(), who.libraryId(), chatId, type);
      }
      if (body instanceof JsonObject message && "typing".equals(message.getString("type"))) {
        var from = message.getJsonObject("from");
        return from != null
            && !"patron".equals(from.getString("kind"))
            && !message.containsKey("preview");
      }
      return true;
    }
  }
}
