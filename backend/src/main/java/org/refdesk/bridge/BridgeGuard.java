package org.refdesk.bridge;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.refdesk.auth.Tokens;
import org.refdesk.bus.Addresses;
import org.refdesk.bus.Identity;
import org.refdesk.chat.ChatRepository;
import org.refdesk.http.OriginCheck;
import org.refdesk.metrics.RefdeskMetrics;
import org.refdesk.operator.KnownOperators;

/**
 * Decides every frame on the bridge before anything is written: the socket's origin when it opens;
 * the token, the address and the target on every send and register; and, on the way out, what a
 * patron must not see (its own typing, anyone's draft). A frame that passes carries the verified
 * identity in its headers and nothing the client wrote there.
 */
public final class BridgeGuard implements Handler<BridgeEvent> {

  private static final Logger log = Logger.getLogger(BridgeGuard.class.getName());
  private static final int CHAT_LIBRARY_CACHE = 10_000;

  private final Vertx vertx;
  private final Tokens tokens;
  private final KnownOperators operators;
  private final ChatRepository chats;
  private final OriginCheck origins;
  private final RefdeskMetrics metrics;
  /** The identity each socket last proved; used to close sockets and to filter what they receive. */
  private final Map<SockJSSocket, Identity> sockets = new HashMap<>();
  /** A chat never changes library, so its library is cached for register checks. */
  private final Map<Long, Long> chatLibraries = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
      return size() > CHAT_LIBRARY_CACHE;
    }
  };

  public BridgeGuard(Vertx vertx, Tokens tokens, KnownOperators operators, ChatRepository chats, OriginCheck origins,
                     RefdeskMetrics metrics) {
    this.metrics = metrics;
    this.vertx = vertx;
    this.tokens = tokens;
    this.operators = operators;
    this.chats = chats;
    this.origins = origins;
    vertx.eventBus().<JsonObject>consumer(Addresses.OPERATOR_DISABLED, message -> closeSocketsOf(message.body().getLong("operatorId")));
  }

  @Override
  public void handle(BridgeEvent event) {
    switch (event.type()) {
      case SOCKET_CREATED -> {
        // The HTTP route refuses foreign origins before the upgrade; this covers every transport again.
        boolean allowed = origins.allows(event.socket().headers().get("Origin"), event.socket().headers().get("Host"));
        event.complete(allowed);
        if (!allowed) {
          event.socket().close();
        }
      }
      case SOCKET_CLOSED -> {
        var who = sockets.remove(event.socket());
        if (who != null) {
          metrics.socketClosed(who.isPatron());
        }
        event.complete(true);
      }
      case SEND -> authorize(event, this::maySend);
      case REGISTER -> authorize(event, this::mayRegister);
      case RECEIVE -> {
        boolean deliver = mayReceive(event);
        if (deliver) {
          metrics.messageOut();
        }
        event.complete(deliver);
      }
      case UNREGISTER, SOCKET_IDLE, SOCKET_PING -> event.complete(true);
      // Browsers never publish: anything they could publish, others would believe.
      default -> event.complete(false);
    }
  }

  private void authorize(BridgeEvent event, Check check) {
    var raw = event.getRawMessage();
    var headers = raw == null ? null : raw.getJsonObject("headers");
    var token = headers == null ? null : headers.getValue("token");
    identify(token instanceof String t ? t : null)
        .compose(who -> check.allows(who, raw).map(allowed -> allowed ? who : null))
        .onComplete(result -> {
          if (result.failed() || result.result() == null) {
            event.complete(false);
            return;
          }
          var who = result.result();
          if (sockets.put(event.socket(), who) == null) {
            metrics.socketOpened(who.isPatron());
          }
          if (Addresses.CHAT_SEND.equals(raw.getString("address"))) {
            metrics.messageIn();
          }
          // The token stays out of the bus; the identity the guard verified takes its place.
          raw.put("headers", who.toHeaders());
          event.setRawMessage(raw);
          event.complete(true);
        });
  }

  /** Operator tokens first (the common case), then patron tokens. */
  private Future<Identity> identify(String token) {
    return tokens.verifyOperator(token)
        .compose(this::activeOperator)
        .recover(notOperator -> tokens.verifyPatron(token).map(p -> Identity.patron(p.chatId(), p.libraryId())));
  }

  /** A disabled operator's still-valid token is refused at once: every node forgets them on the disable event. */
  private Future<Identity> activeOperator(long operatorId) {
    return operators.active(operatorId).compose(found -> found.isPresent()
        ? Future.succeededFuture(Identity.operator(operatorId, found.get().libraryId()))
        : Future.failedFuture("disabled"));
  }

  private Future<Boolean> maySend(Identity who, JsonObject raw) {
    var address = raw.getString("address", "");
    return switch (address) {
      case Addresses.CHAT_SEND, Addresses.CHAT_TYPING -> Future.succeededFuture(
          !who.isPatron() || chatIdIn(raw) == who.chatId());
      case Addresses.PRESENCE_SET, Addresses.PRESENCE_HEARTBEAT -> Future.succeededFuture(!who.isPatron());
      default -> Future.succeededFuture(false);
    };
  }

  private Future<Boolean> mayRegister(Identity who, JsonObject raw) {
    var address = raw.getString("address", "");
    long chatId = Addresses.idOf(address, Addresses.CHAT_PREFIX);
    if (chatId > 0) {
      return who.isPatron() ? Future.succeededFuture(chatId == who.chatId())
          : libraryOf(chatId).map(library -> library == who.libraryId());
    }
    if (who.isPatron()) {
      return Future.succeededFuture(false);
    }
    long queueId = Addresses.idOf(address, Addresses.QUEUE_PREFIX);
    if (queueId > 0) {
      return chats.monitors(who.id(), queueId);
    }
    long operatorId = Addresses.idOf(address, Addresses.OPERATOR_PREFIX);
    if (operatorId > 0) {
      return Future.succeededFuture(operatorId == who.id());
    }
    long libraryId = Addresses.idOf(address, Addresses.PRESENCE_PREFIX);
    return Future.succeededFuture(libraryId > 0 && libraryId == who.libraryId());
  }

  /** A patron never sees its own typing echoed, nor any draft text. */
  private boolean mayReceive(BridgeEvent event) {
    var who = sockets.get(event.socket());
    if (who == null || !who.isPatron()) {
      return true;
    }
    var body = event.getRawMessage() == null ? null : event.getRawMessage().getValue("body");
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
      long library = chat.map(c -> c.libraryId()).orElse(-1L);
      if (library > 0) {
        chatLibraries.put(chatId, library);
      }
      return library;
    });
  }

  private void closeSocketsOf(Long operatorId) {
    if (operatorId == null) {
      return;
    }
    // Closing raises SOCKET_CLOSED, which forgets the socket; collect first, the map changes meanwhile.
    var theirs = sockets.entrySet().stream()
        .filter(entry -> !entry.getValue().isPatron() && entry.getValue().id() == operatorId)
        .map(Map.Entry::getKey)
        .toList();
    if (!theirs.isEmpty()) {
      log.log(Level.INFO, "Closing " + theirs.size() + " socket(s) of disabled operator " + operatorId);
    }
    theirs.forEach(SockJSSocket::close);
  }

  /** The identities this event loop's open sockets have proved; read on this event loop only. */
  public Collection<Identity> openSockets() {
    return sockets.values();
  }

  private static long chatIdIn(JsonObject raw) {
    return raw.getValue("body") instanceof JsonObject body && body.getValue("chatId") instanceof Number n ? n.longValue() : -1;
  }

  @FunctionalInterface
  private interface Check {
    Future<Boolean> allows(Identity who, JsonObject raw);
  }
}
