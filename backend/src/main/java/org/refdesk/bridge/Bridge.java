package org.refdesk.bridge;

import io.vertx.core.Vertx;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import org.refdesk.bus.Addresses;
import org.refdesk.error.ApiException;
import org.refdesk.error.ErrorCode;
import org.refdesk.http.OriginCheck;

/**
 * The SockJS event-bus bridge at {@code /eventbus}: deny by default. Browsers may send only to the
 * command addresses and listen only to the event addresses; the guard decides each frame within that.
 */
public final class Bridge {

  static final int MAX_HANDLERS_PER_SOCKET = 64;
  static final int MAX_FRAME_BYTES = 64 * 1024;

  private Bridge() {
  }

  public static void mount(Vertx vertx, Router router, BridgeGuard guard, OriginCheck origins) {
    var options = new SockJSBridgeOptions()
        .addInboundPermitted(new PermittedOptions().setAddress(Addresses.CHAT_SEND))
        .addInboundPermitted(new PermittedOptions().setAddress(Addresses.CHAT_TYPING))
        .addInboundPermitted(new PermittedOptions().setAddress(Addresses.PRESENCE_SET))
        .addInboundPermitted(new PermittedOptions().setAddress(Addresses.PRESENCE_HEARTBEAT))
        .addOutboundPermitted(new PermittedOptions().setAddressRegex("chat\\.[0-9]+"))
        .addOutboundPermitted(new PermittedOptions().setAddressRegex("queue\\.[0-9]+"))
        .addOutboundPermitted(new PermittedOptions().setAddressRegex("operator\\.[0-9]+"))
        .addOutboundPermitted(new PermittedOptions().setAddressRegex("presence\\.[0-9]+"))
        .setMaxHandlersPerSocket(MAX_HANDLERS_PER_SOCKET)
        .setMaxAddressLength(64)
        .setReplyTimeout(30_000)
        .setPingTimeout(60_000);
    // A page of another site cannot even open a socket: refused before the WebSocket upgrade.
    router.route("/eventbus/*").handler(origins);
    // The fallback transports post frames as request bodies: cap them as the WebSocket frames are.
    router.post("/eventbus/*").handler(ctx -> {
      var length = ctx.request().getHeader("Content-Length");
      if (length == null || length.length() > 9 || Long.parseLong(length) > MAX_FRAME_BYTES) {
        ctx.fail(new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "A frame may be at most " + MAX_FRAME_BYTES + " bytes."));
      } else {
        ctx.next();
      }
    });
    var sockJs = SockJSHandler.create(vertx, new SockJSHandlerOptions().setRegisterWriteHandler(false));
    router.route("/eventbus/*").subRouter(sockJs.bridge(options, guard));
  }
}
