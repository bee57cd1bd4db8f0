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
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.refdesk.auth.Tokens;
import org.refdesk.auth.Tokens.VerifiedToken;
import org.refdesk.bus.Addresses;
import org.refdesk.bus.Identity;
import org.refdesk.chat.ChatRepository;
import org.refdesk.error.ApiException;
import org.refdesk.error.ErrorCode;
import org.refdesk.http.OriginCheck;
import org.refdesk.metrics.RefdeskMetrics;
import org.refdesk.operator.KnownOperators;

/**
 * Decides every frame on the bridge before anything is written: the socket's origin when it opens;
 * the token, the address and the target on every send and register; and, on the way out, what a
 * patron must not see (its own typing, anyone's draft). A socket is one identity for its whole life:
 * the first token that verifies binds it, a frame with another identity is refused, and the socket is
 * closed when that token expires or is revoked, or its operator is disabled. A frame that passes
 * carries the verified identity in its headers and nothing the client wrote there.
 */
public final class BridgeGuard implements Handler<BridgeEvent> {

  private static final Logger log = Logger.getLogger(BridgeGuard.class.getName());
  private static final int CHAT_LIBRARY_CACHE = 10_000;
  private static final long FLOOD_SWEEP_MS = 60_000;
  /** The header that tells the refusal consumer which error to answer with. */
  static final String REFUSAL = "rd-refusal";

  private final Vertx vertx;
  private final Tokens tokens;
  private final KnownOperators operators;
  private final ChatRepository chats;
  private final OriginCheck origins;
  private final RefdeskMetrics metrics;
  private final FloodControl flood;
  /** Every open socket of this event loop, bound or not yet. */
  private final Map<SockJSSocket, SocketState> sockets = new HashMap<>();
  /** A chat never changes library, so its library is cached for register checks. */
  private final Map<Long, Long> chatLibraries = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
      return size() > CHAT_LIBRARY_CACHE;
    }
  };

  public BridgeGuard(Vertx vertx, Tokens tokens, KnownOperators operators, ChatRepository chats, OriginCheck origins,
                     RefdeskMetrics metrics, FloodControl flood) {
    this.metrics = metrics;
    this.vertx = vertx;
    this.tokens = tokens;
    this.operators = operators;
    this.chats = chats;
    this.origins = origins;
    this.flood = flood;
  }

  /** Listens, on the calling verticle's event loop, for the events that end a socket's identity. */
  public Future<Void> listen() {
    var bus = vertx.eventBus();
    vertx.setPeriodic(FLOOD_SWEEP_MS, id -> flood.forgetIdle());
    return Future.all(
        bus.<JsonObject>consumer(Addresses.OPERATOR_DISABLED, message -> {
          var operatorId = message.body().getLong("operatorId");
          if (operatorId != null) {
            close("disabled operator " + operatorId, s -> !s.binding.who().isPatron() && s.binding.who().id() == operatorId);
          }
        }).completion(),
        bus.<JsonObject>consumer(Addresses.TOKEN_REVOKED, message -> {
          var tokenId = message.body().getString("tokenId");
          if (tokenId != null) {
            close("a signed-out token", s -> tokenId.equals(s.binding.tokenId()));
          }
        }).completion()).mapEmpty();
  }

  @Override
  public void handle(BridgeEvent event) {
    switch (event.type()) {
      case SOCKET_CREATED -> {
        // The HTTP route refuses foreign origins before the upgrade; this covers every transport again.
        boolean allowed = origins.allows(event.socket().headers().get("Origin"), event.socket().headers().get("Host"));
        if (allowed) {
          sockets.put(event.socket(), new SocketState(flood.forSocket()));
        }
        event.complete(allowed);
        if (!allowed) {
          event.socket().close();
        }
      }
      case SOCKET_CLOSED -> {
        var state = sockets.remove(event.socket());
        if (state != null && state.binding != null) {
          vertx.cancelTimer(state.expiryTimer);
          metrics.socketClosed(state.binding.who().isPatron());
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
    var socket = event.socket();
    var raw = event.getRawMessage();
    var headers = raw == null ? null : raw.getJsonObject("headers");
    var token = headers == null ? null : headers.getValue("token");
    prove(socket, token instanceof String t ? t : null)
        .compose(who -> check.allows(who, raw, sockets.get(socket)).map(verdict -> new Decision(who, verdict)))
        .onComplete(result -> {
          if (result.failed() || result.result().verdict() == Verdict.REFUSED) {
            event.complete(false);
            return;
          }
          var decision = result.result();
          if (decision.verdict() != Verdict.ALLOWED) {
            refuseWithReason(event, raw, decision.verdict().code);
            return;
          }
          if (Addresses.CHAT_SEND.equals(raw.getString("address"))) {
            metrics.messageIn();
          }
          // The token stays out of the bus; the identity the guard verified takes its place.
          raw.put("headers", decision.who().toHeaders());
          event.setRawMessage(raw);
          event.complete(true);
        });
  }

  /**
   * A frame refused for its shape or its rate is still answered on its own reply address, so the
   * sender hears why at once; it goes to a consumer that only fails it, never to the feature.
   * Without a reply address there is nobody to tell, and the bridge's plain refusal does.
   */
  private void refuseWithReason(BridgeEvent event, JsonObject raw, ErrorCode code) {
    if (raw.getString("replyAddress") == null) {
      event.complete(false);
      return;
    }
    raw.put("address", Addresses.BRIDGE_REFUSED).put("body", new JsonObject())
        .put("headers", new JsonObject().put(REFUSAL, code.name()));
    event.setRawMessage(raw);
    event.complete(true);
  }

  /**
   * The socket's identity for this frame. The token that bound the socket is trusted again without a
   * signature check until it expires; any other token must verify and name the same identity.
   */
  private Future<Identity> prove(SockJSSocket socket, String token) {
    var state = sockets.get(socket);
    if (state == null || token == null) {
      return Future.failedFuture(ApiException.unauthorized());
    }
    var bound = state.binding;
    if (bound != null && token.equals(bound.token())) {
      if (!bound.isCurrent()) {
        socket.close();
        return Future.failedFuture(ApiException.unauthorized());
      }
      return stillActive(bound.who());
    }
    return tokens.verify(token)
        .compose(verified -> identityOf(verified).map(who -> {
          bind(socket, token, verified, who);
          return who;
        }));
  }

  private Future<Identity> identityOf(VerifiedToken verified) {
    if (verified.kind() == Identity.Kind.PATRON) {
      return Future.succeededFuture(verified.identity(0));
    }
    // A disabled operator's still-valid token is refused at once: every node forgets them on the disable event.
    return operators.active(verified.subjectId()).compose(found -> found.isPresent()
        ? Future.succeededFuture(verified.identity(found.get().libraryId()))
        : Future.failedFuture(ApiException.unauthorized()));
  }

  private Future<Identity> stillActive(Identity who) {
    return who.isPatron() ? Future.succeededFuture(who)
        : operators.active(who.id()).compose(found -> found.isPresent() ? Future.succeededFuture(who)
            : Future.failedFuture(ApiException.unauthorized()));
  }

  /**
   * Binds an unbound socket, or moves a bound one to a newer token of the same identity; a token of
   * anyone else is refused. Decided when the verification completes, so of two first frames racing
   * with different identities only one binds.
   */
  private void bind(SockJSSocket socket, String token, VerifiedToken verified, Identity who) {
    var state = sockets.get(socket);
    if (state == null) {
      throw ApiException.unauthorized();
    }
    var bound = state.binding;
    if (bound != null && !bound.who().equals(who)) {
      log.log(Level.INFO, "Refused a frame naming another identity on a bound socket");
      throw ApiException.forbidden("This connection belongs to someone else.");
    }
    if (bound != null && bound.expiresAtMs() >= verified.expiresAtMs()) {
      return;
    }
    if (bound == null) {
      metrics.socketOpened(who.isPatron());
    } else {
      vertx.cancelTimer(state.expiryTimer);
    }
    state.binding = new Binding(who, token, verified.tokenId(), verified.expiresAtMs());
    long delay = Math.max(1, verified.expiresAtMs() - System.currentTimeMillis());
    state.expiryTimer = vertx.setTimer(delay, id -> {
      if (sockets.get(socket) == state) {
        socket.close();
      }
    });
  }

  private Future<Verdict> maySend(Identity who, JsonObject raw, SocketState state) {
    var address = raw.getString("address", "");
    var body = raw.getValue("body");
    return Future.succeededFuture(switch (address) {
      case Addresses.CHAT_SEND, Addresses.CHAT_TYPING -> {
        if (!(body instanceof JsonObject message) || !(message.getValue("chatId") instanceof Number chatId)) {
          yield Verdict.INVALID;
        }
        if (who.isPatron() && chatId.longValue() != who.chatId()) {
          yield Verdict.REFUSED;
        }
        yield who.isPatron() && !flood.take(state.allowance, who.chatId(), Addresses.CHAT_TYPING.equals(address))
            ? Verdict.RATE_LIMITED : Verdict.ALLOWED;
      }
      case Addresses.PRESENCE_SET, Addresses.PRESENCE_HEARTBEAT -> who.isPatron() ? Verdict.REFUSED
          : body == null || body instanceof JsonObject ? Verdict.ALLOWED : Verdict.INVALID;
      default -> Verdict.REFUSED;
    });
  }

  private Future<Verdict> mayRegister(Identity who, JsonObject raw, SocketState state) {
    return mayListen(who, raw.getString("address", "")).map(allowed -> allowed ? Verdict.ALLOWED : Verdict.REFUSED);
  }

  private Future<Boolean> mayListen(Identity who, String address) {
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

  /**
   * Nothing reaches a socket that has no identity or whose token has run out; a patron never sees
   * its own typing echoed, nor any draft text.
   */
  private boolean mayReceive(BridgeEvent event) {
    var state = sockets.get(event.socket());
    if (state == null || state.binding == null) {
      return false;
    }
    if (!state.binding.isCurrent()) {
      event.socket().close();
      return false;
    }
    if (!state.binding.who().isPatron()) {
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

  /** The identities this event loop's bound sockets have proved; read on this event loop only. */
  public Collection<Identity> openSockets() {
    return sockets.values().stream().filter(state -> state.binding != null).map(state -> state.binding.who()).toList();
  }

  /** Closes the bound sockets that match; closing raises SOCKET_CLOSED, which forgets each. */
  private void close(String whose, Predicate<SocketState> matches) {
    List<SockJSSocket> theirs = sockets.entrySet().stream()
        .filter(entry -> entry.getValue().binding != null && matches.test(entry.getValue()))
        .map(Map.Entry::getKey)
        .toList();
    if (!theirs.isEmpty()) {
      log.log(Level.INFO, "Closing " + theirs.size() + " socket(s) of " + whose);
    }
    theirs.forEach(SockJSSocket::close);
  }

  /** What the guard knows of one open socket; touched only on its event loop. */
  private static final class SocketState {
    final FloodControl.SocketAllowance allowance;
    Binding binding;
    long expiryTimer = -1;

    SocketState(FloodControl.SocketAllowance allowance) {
      this.allowance = allowance;
    }
  }

  /** The identity a socket proved, with the token that proved it (kept in memory only, never logged). */
  private record Binding(Identity who, String token, String tokenId, long expiresAtMs) {

    boolean isCurrent() {
      return expiresAtMs > System.currentTimeMillis();
    }
  }

  private enum Verdict {
    ALLOWED(null), REFUSED(null), INVALID(ErrorCode.INVALID), RATE_LIMITED(ErrorCode.RATE_LIMITED);

    final ErrorCode code;

    Verdict(ErrorCode code) {
      this.code = code;
    }
  }

  private record Decision(Identity who, Verdict verdict) {
  }

  @FunctionalInterface
  private interface Check {
    Future<Verdict> allows(Identity who, JsonObject raw, SocketState state);
  }
}
