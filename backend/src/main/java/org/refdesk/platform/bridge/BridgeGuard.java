package org.refdesk.platform.bridge;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.refdesk.platform.bridge.BridgeRule.SocketMemory;
import org.refdesk.platform.bridge.BridgeRule.Verdict;
import org.refdesk.platform.bus.Addresses;
import org.refdesk.platform.bus.Identity;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;
import org.refdesk.platform.metrics.RefdeskMetrics;
import org.refdesk.platform.web.OriginCheck;

/**
 * Decides every frame on the bridge before anything is written: the socket's origin when it opens;
 * the token on every send and register, then the rule of the frame's address (each feature
 * contributes the rules of its addresses); and, on the way out, what the rule lets a receiver see.
 * A socket is one identity for its whole life: the first token that verifies binds it, a frame with
 * another identity is refused, and the socket is closed when that token expires or is revoked, or
 * its operator is disabled. A frame that passes carries the verified identity in its headers and
 * nothing the client wrote there.
 */
public final class BridgeGuard implements Handler<BridgeEvent> {

  private static final Logger log = Logger.getLogger(BridgeGuard.class.getName());

  /** The header that tells the refusal consumer which error to answer with. */
  static final String REFUSAL = "rd-refusal";

  private final Vertx vertx;
  private final SocketIdentities identities;
  private final List<BridgeRule> rules;
  private final OriginCheck origins;
  private final RefdeskMetrics metrics;

  /** Every open socket of this event loop, bound or not yet. */
  private final Map<SockJSSocket, SocketState> sockets = new HashMap<>();

  public BridgeGuard(
      Vertx vertx,
      SocketIdentities identities,
      List<BridgeRule> rules,
      OriginCheck origins,
      RefdeskMetrics metrics) {
    this.vertx = vertx;
    this.identities = identities;
    this.rules = List.copyOf(rules);
    this.origins = origins;
    this.metrics = metrics;
  }

  /** Listens, on the calling verticle's event loop, for the events that end a socket's identity. */
  public Future<Void> listen() {
    return identities.watchEnded(
        new SocketIdentities.Ended() {
          @Override
          public void identities(Predicate<Identity> which, String why) {
            close(why, s -> which.test(s.binding.who()));
          }

          @Override
          public void token(String tokenId) {
            close("a signed-out token", s -> tokenId.equals(s.binding.tokenId()));
          }
        });
  }

  @Override
  public void handle(BridgeEvent event) {
    switch (event.type()) {
      case SOCKET_CREATED -> {
        // The HTTP route refuses foreign origins before the upgrade; this covers every transport
        // again. A site that only a library lists is held to that library once the socket proves
        // who it is.
        var origin = event.socket().headers().get("Origin");
        var host = event.socket().headers().get("Host");
        boolean installation = origins.allows(origin, host);
        boolean allowed = installation || origins.listedByAnyLibrary(origin);
        if (allowed) {
          sockets.put(event.socket(), new SocketState(installation ? null : origin, host));
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
        .compose(who -> fromAllowedSite(socket, who))
        .compose(
            who ->
                check
                    .allows(who, raw, sockets.get(socket))
                    .map(verdict -> new Decision(who, verdict)))
        .onComplete(
            result -> {
              if (result.failed() || result.result().verdict() == Verdict.REFUSED) {
                event.complete(false);
                return;
              }
              var decision = result.result();
              if (decision.verdict() != Verdict.ALLOWED) {
                refuseWithReason(
                    event,
                    raw,
                    decision.verdict() == Verdict.RATE_LIMITED
                        ? ErrorCode.RATE_LIMITED
                        : ErrorCode.INVALID);
                return;
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
    raw.put("address", Addresses.BRIDGE_REFUSED)
        .put("body", new JsonObject())
        .put("headers", new JsonObject().put(REFUSAL, code.name()));
    event.setRawMessage(raw);
    event.complete(true);
  }

  /**
   * The socket's identity for this frame. The token that bound the socket is trusted again without
   * a signature check until it expires; any other token must verify and name the same identity.
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
    return identities
        .prove(token)
        .map(
            proof -> {
              bind(socket, token, proof);
              return proof.who();
            });
  }

  /**
   * A socket opened from a site that only some library lists is for a patron of that library: an
   * operator's app is on the gateway's own origin. Asked again on every frame, from memory, so a
   * site the library removes is cut off within the time its list takes to reach this event loop.
   */
  private Future<Identity> fromAllowedSite(SockJSSocket socket, Identity who) {
    var state = sockets.get(socket);
    if (state != null && !state.mayServe(who)) {
      socket.close();
      return Future.failedFuture(
          ApiException.forbidden("Requests from this site are not allowed."));
    }
    return Future.succeededFuture(who);
  }

  private Future<Identity> stillActive(Identity who) {
    return who.isPatron() ? Future.succeededFuture(who) : identities.stillActive(who);
  }

  /**
   * Binds an unbound socket, or moves a bound one to a newer token of the same identity; a token of
   * anyone else is refused. Decided when the verification completes, so of two first frames racing
   * with different identities only one binds.
   */
  private void bind(SockJSSocket socket, String token, SocketIdentities.Proof proof) {
    var who = proof.who();
    var state = sockets.get(socket);
    if (state == null) {
      throw ApiException.unauthorized();
    }
    var bound = state.binding;
    if (bound != null && !bound.who().equals(who)) {
      log.log(Level.INFO, "Refused a frame naming another identity on a bound socket");
      throw ApiException.forbidden("This connection belongs to someone else.");
    }
    if (bound != null && bound.expiresAtMs() >= proof.expiresAtMs()) {
      return;
    }
    if (bound == null) {
      metrics.socketOpened(who.isPatron());
    } else {
      vertx.cancelTimer(state.expiryTimer);
    }
    state.binding = new Binding(who, token, proof.tokenId(), proof.expiresAtMs());
    long delay = Math.max(1, proof.expiresAtMs() - System.currentTimeMillis());
    state.expiryTimer =
        vertx.setTimer(
            delay,
            id -> {
              if (sockets.get(socket) == state) {
                socket.close();
              }
            });
  }

  private Future<Verdict> maySend(Identity who, JsonObject raw, SocketState state) {
    var address = raw.getString("address", "");
    return ruleFor(address, true)
        .map(rule -> rule.maySend(who, address, raw.getValue("body"), state))
        .orElse(Future.succeededFuture(Verdict.REFUSED));
  }

  private Future<Verdict> mayRegister(Identity who, JsonObject raw, SocketState state) {
    var address = raw.getString("address", "");
    return ruleFor(address, false)
        .map(rule -> rule.mayRegister(who, address))
        .orElse(Future.succeededFuture(false))
        .map(allowed -> allowed ? Verdict.ALLOWED : Verdict.REFUSED);
  }

  /**
   * Nothing reaches a socket that has no identity or whose token has run out; past that, the rule
   * of the address decides. A reply (to an address no rule names) goes to the socket that asked.
   */
  private boolean mayReceive(BridgeEvent event) {
    var state = sockets.get(event.socket());
    if (state == null || state.binding == null) {
      return false;
    }
    if (!state.binding.isCurrent() || !state.mayServe(state.binding.who())) {
      event.socket().close();
      return false;
    }
    var raw = event.getRawMessage();
    var address = raw == null ? "" : raw.getString("address", "");
    return ruleFor(address, false)
        .map(rule -> rule.mayReceive(state.binding.who(), address, raw))
        .orElse(true);
  }

  private Optional<BridgeRule> ruleFor(String address, boolean inbound) {
    return rules.stream()
        .filter(rule -> rule.inbound() == inbound && rule.owns(address))
        .findFirst();
  }

  /** The identities this event loop's bound sockets have proved; read on this event loop only. */
  public Collection<Identity> openSockets() {
    return sockets.values().stream()
        .filter(state -> state.binding != null)
        .map(state -> state.binding.who())
        .toList();
  }

  /** Closes the bound sockets that match; closing raises SOCKET_CLOSED, which forgets each. */
  private void close(String whose, Predicate<SocketState> matches) {
    List<SockJSSocket> theirs =
        sockets.entrySet().stream()
            .filter(entry -> entry.getValue().binding != null && matches.test(entry.getValue()))
            .map(Map.Entry::getKey)
            .toList();
    if (!theirs.isEmpty()) {
      log.log(Level.INFO, "Closing " + theirs.size() + " socket(s) of " + whose);
    }
    theirs.forEach(SockJSSocket::close);
  }

  /** What the guard knows of one open socket; touched only on its event loop. */
  private final class SocketState implements SocketMemory {
    final Map<Class<?>, Object> remembered = new HashMap<>();

    /** The origin of a site some library lists; null for the installation's own. */
    final String siteOrigin;

    final String host;
    Binding binding;
    long expiryTimer = -1;

    SocketState(String siteOrigin, String host) {
      this.siteOrigin = siteOrigin;
      this.host = host;
    }

    boolean mayServe(Identity who) {
      return siteOrigin == null
          || (who.isPatron() && origins.allowsFor(siteOrigin, host, who.libraryId()));
    }

    @Override
    public <T> T remember(Class<T> type, Supplier<T> make) {
      return type.cast(remembered.computeIfAbsent(type, t -> make.get()));
    }
  }

  /**
   * The identity a socket proved, with the token that proved it (kept in memory only, never
   * logged).
   */
  private record Binding(Identity who, String token, String tokenId, long expiresAtMs) {

    boolean isCurrent() {
      return expiresAtMs > System.currentTimeMillis();
    }
  }

  private record Decision(Identity who, Verdict verdict) {}

  @FunctionalInterface
  private interface Check {
    Future<Verdict> allows(Identity who, JsonObject raw, SocketState state);
  }
}
