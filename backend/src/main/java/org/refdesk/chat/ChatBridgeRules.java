package org.refdesk.chat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.refdesk.platform.bridge.BridgeRule;
import org.refdesk.platform.bus.Addresses;
import org.refdesk.platform.bus.Identity;

/** Who may write in a chat and who may hear it, on the bridge. */
final class ChatBridgeRules {

  private ChatBridgeRules() {
  }

  /**
   * {@code chat.send} and {@code chat.typing}: a patron writes in its own chat only, within its
   * allowance; an operator may send here, and the chat verticle checks they take part.
   */
  static final class Commands implements BridgeRule {

    private static final Pattern ADDRESSES = Pattern.compile(
        Pattern.quote(Addresses.CHAT_SEND) + "|" + Pattern.quote(Addresses.CHAT_TYPING));

    private final FloodControl flood;

    Commands(FloodControl flood) {
      this.flood = flood;
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
      if (!(body instanceof JsonObject message) || !(message.getValue("chatId") instanceof Number chatId)) {
        return Future.succeededFuture(Verdict.INVALID);
      }
      if (who.isPatron() && chatId.longValue() != who.chatId()) {
        return Future.succeededFuture(Verdict.REFUSED);
      }
      boolean flooding = who.isPatron() && !flood.take(socket.remember(FloodControl.SocketAllowance.class, flood::forSocket),
          who.chatId(), Addresses.CHAT_TYPING.equals(address));
      return Future.succeededFuture(flooding ? Verdict.RATE_LIMITED : Verdict.ALLOWED);
    }
  }

  /**
   * {@code chat.<id>}: the chat's patron, and the operators of its library. A patron never hears its
   * own typing echoed, nor anyone's draft text.
   */
  static final class Events implements BridgeRule {

    private static final Pattern ADDRESSES = Pattern.compile(Pattern.quote(Addresses.CHAT_PREFIX) + "[0-9]+");
    private static final int CHAT_LIBRARY_CACHE = 10_000;

    private final ChatRepository chats;
    /** A chat never changes library, so its library is cached for register checks. */
    private final Map<Long, Long> chatLibraries = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
        return size() > CHAT_LIBRARY_CACHE;
      }
    };

    Events(ChatRepository chats) {
      this.chats = chats;
    }

    @Override
    public Pattern addresses() {
      return ADDRESSES;
    }

    @Override
    public boolean inbound() {
      return false;
    }

    @Override
    public Future<Boolean> mayRegister(Identity who, String address) {
      long chatId = Addresses.idOf(address, Addresses.CHAT_PREFIX);
      if (chatId <= 0) {
        return Future.succeededFuture(false);
      }
      return who.isPatron() ? Future.succeededFuture(chatId == who.chatId())
          : libraryOf(chatId).map(library -> library == who.libraryId());
    }

    @Override
    public boolean mayReceive(Identity who, String address, JsonObject raw) {
      if (!who.isPatron()) {
        return true;
      }
      var body = raw == null ? null : raw.getValue("body");
      if (body instanceof JsonObject message && "typing".equals(message.getString("type"))) {
        var from = message.getJsonObject("from");
        return from != null && !"patron".equals(from.getString("kind")) && !message.containsKey("preview");
      }
      return true;
    }

    private Future<Long> libraryOf(long chatId) {
      var cached = chatLibraries.get(chatId);
      if (cached != null) {
        return Future.succeededFuture(cached);
      }
      return chats.find(chatId).map(chat -> {
        long library = chat.map(Chat::libraryId).orElse(-1L);
        if (library > 0) {
          chatLibraries.put(chatId, library);
        }
        return library;
      });
    }
  }
}
