package org.refdesk.bridge;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import java.io.IOException;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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

  /**
   * A browser that vanishes (a closed laptop, a lost signal) resets its socket rather than closing it,
   * and Vert.x logs each as an error with a stack trace. For a widget that is ordinary life, and a busy
   * desk's log would drown in them; the socket is still closed and counted. Other errors still show.
   */
  private static final Logger VERTX_BRIDGE_LOG = Logger.getLogger("io.vertx.ext.web.handler.sockjs.impl.EventBusBridgeImpl");

  static {
    VERTX_BRIDGE_LOG.setFilter(record -> !isClientGone(record));
  }

  private Bridge() {
  }

  private static boolean isClientGone(LogRecord record) {
    return "SockJSSocket exception".equals(record.getMessage())
        && (record.getThrown() instanceof IOException || record.getThrown() instanceof HttpClosedException);
  }

  /** Fails a frame the guard refused, with the reason the guard gave, on the sender's reply address. */
  private static void answerRefusal(Message<JsonObject> message) {
    ErrorCode code;
    try {
      code = ErrorCode.valueOf(message.headers().get(BridgeGuard.REFUSAL));
    } catch (RuntimeException unknown) {
      code = ErrorCode.INVALID;
    }
    message.fail(code.failureCode(), code.code());
  }

  public static void mount(Vertx vertx, Router router, BridgeGuard guard, OriginCheck origins) {
    var options = new SockJSBridgeOptions()
        .addInboundPermitted(new PermittedOptions().setAddress(Addresses.CHAT_SEND))
        .addInboundPermitted(new PermittedOptions().setAddress(Addresses.CHAT_TYPING))
        .addInboundPermitted(new PermittedOptions().setAddress(Addresses.PRESENCE_SET))
        .addInboundPermitted(new PermittedOptions().setAddress(Addresses.PRESENCE_HEARTBEAT))
        // Only the guard routes frames here (see BridgeGuard#refuseWithReason); a browser's own frame to it is refused.
        .addInboundPermitted(new PermittedOptions().setAddress(Addresses.BRIDGE_REFUSED))
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
    vertx.eventBus().<JsonObject>localConsumer(Addresses.BRIDGE_REFUSED, Bridge::answerRefusal);
    var sockJs = SockJSHandler.create(vertx, new SockJSHandlerOptions().setRegisterWriteHandler(false));
    router.route("/eventbus/*").subRouter(sockJs.bridge(options, guard));
  }
}
