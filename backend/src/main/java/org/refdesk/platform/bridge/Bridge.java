package org.refdesk.platform.bridge;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.Transport;
import java.io.IOException;
import java.util.List;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.refdesk.platform.bus.Addresses;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.errors.ErrorCode;
import org.refdesk.platform.web.OriginCheck;

/**
 * The SockJS event-bus bridge at {@code /eventbus}: deny by default. Browsers may send only to the
 * command addresses and listen only to the event addresses that the features' rules name; the guard
 * decides each frame within that.
 */
public final class Bridge {

  static final int MAX_HANDLERS_PER_SOCKET = 64;
  static final int MAX_FRAME_BYTES = 64 * 1024;

  /**
   * A browser that vanishes (a closed laptop, a lost signal) resets its socket rather than closing
   * it, and Vert.x logs each as an error with a stack trace. For a widget that is ordinary life,
   * and a busy desk's log would drown in them; the socket is still closed and counted. Other errors
   * still show.
   */
  private static final Logger VERTX_BRIDGE_LOG =
      Logger.getLogger("io.vertx.ext.web.handler.sockjs.impl.EventBusBridgeImpl");

  static {
    VERTX_BRIDGE_LOG.setFilter(record -> !isClientGone(record));
  }

  private Bridge() {}

  private static boolean isClientGone(LogRecord record) {
    return "SockJSSocket exception".equals(record.getMessage())
        && (record.getThrown() instanceof IOException
            || record.getThrown() instanceof HttpClosedException);
  }

  /**
   * Fails a frame the guard refused, with the reason the guard gave, on the sender's reply address.
   */
  private static void answerRefusal(Message<JsonObject> message) {
    ErrorCode code;
    try {
      code = ErrorCode.valueOf(message.headers().get(BridgeGuard.REFUSAL));
    } catch (RuntimeException unknown) {
      code = ErrorCode.INVALID;
    }
    message.fail(code.failureCode(), code.code());
  }

  /**
   * @param libraryUrl our own copy of the SockJS client, versioned, for the pages SockJS itself
   *     writes
   */
  public static void mount(
      Vertx vertx,
      Router router,
      BridgeGuard guard,
      List<BridgeRule> rules,
      OriginCheck origins,
      String libraryUrl) {
    var options =
        new SockJSBridgeOptions()
            // Only the guard routes frames here (see BridgeGuard#refuseWithReason); a browser's own
            // frame to it is refused.
            .addInboundPermitted(new PermittedOptions().setAddress(Addresses.BRIDGE_REFUSED));
    // The permit list is the rules' addresses: nothing is let through that no rule would then
    // decide.
    for (var rule : rules) {
      var permit = new PermittedOptions().setAddressRegex(rule.addresses().pattern());
      if (rule.inbound()) {
        options.addInboundPermitted(permit);
      } else {
        options.addOutboundPermitted(permit);
      }
    }
    options
        .setMaxHandlersPerSocket(MAX_HANDLERS_PER_SOCKET)
        .setMaxAddressLength(64)
        .setReplyTimeout(30_000)
        .setPingTimeout(60_000);
    // A page of a site nobody lists cannot even open a socket: refused before the WebSocket
    // upgrade. A site some library lists may open one, which the guard holds to that library.
    router.route("/eventbus/*").handler(origins.beforeSockets());
    // The iframe page runs SockJS inside a page of ours for clients on another origin. Ours are all
    // on this origin (the widget is an iframe of the gateway), so it is not served at all.
    router.getWithRegex("/eventbus/iframe(-[^/]*)?\\.html").handler(Bridge::notServed);
    // The fallback transports post frames as request bodies (xhr_send), which SockJS reads only
    // after
    // a body handler: cap them as the WebSocket frames are, before reading when the length is
    // declared, while reading when it is not (chunked).
    router
        .post("/eventbus/*")
        .handler(BodyHandler.create(false).setBodyLimit(MAX_FRAME_BYTES))
        .failureHandler(Bridge::tooLarge);
    var sockJs =
        SockJSHandler.create(
            vertx,
            new SockJSHandlerOptions()
                .setRegisterWriteHandler(false)
                .setLibraryURL(libraryUrl)
                // JSONP and htmlfile answer with script to run, built around a name from the query
                // string;
                // EventSource would only stand in for xhr-streaming, which every browser we support
                // has.
                .addDisabledTransport(Transport.JSON_P.name())
                .addDisabledTransport(Transport.HTML_FILE.name())
                .addDisabledTransport(Transport.EVENT_SOURCE.name()));
    vertx.eventBus().<JsonObject>localConsumer(Addresses.BRIDGE_REFUSED, Bridge::answerRefusal);
    router.route("/eventbus/*").subRouter(sockJs.bridge(options, guard));
  }

  /** The body handler's own 413 says what the limit is, as the WebSocket's refusal does. */
  private static void tooLarge(RoutingContext ctx) {
    if (ctx.statusCode() == ErrorCode.PAYLOAD_TOO_LARGE.status() && ctx.failure() == null) {
      ctx.fail(frameTooLarge());
    } else {
      ctx.next();
    }
  }

  private static ApiException frameTooLarge() {
    return new ApiException(
        ErrorCode.PAYLOAD_TOO_LARGE, "A frame may be at most " + MAX_FRAME_BYTES + " bytes.");
  }

  private static void notServed(RoutingContext ctx) {
    ctx.response()
        .setStatusCode(404)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
        .end("Not found");
  }
}
