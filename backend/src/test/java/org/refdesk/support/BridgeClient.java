package org.refdesk.support;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A bare event-bus bridge client over a raw WebSocket, speaking the bridge's JSON frames the way a
 * browser's client would. Frames may arrive as text or binary; both are read. Test threads block on
 * it; it never blocks an event loop.
 */
public final class BridgeClient implements AutoCloseable, Probes.Listener {

  private final WebSocket socket;
  private final WebSocketClient client;
  private final FrameInbox inbox = new FrameInbox();
  private final CountDownLatch closedLatch = new CountDownLatch(1);
  private volatile boolean closed;

  private BridgeClient(WebSocketClient client, WebSocket socket) {
    this.client = client;
    this.socket = socket;
    socket.handler(buffer -> inbox.add(buffer.toJsonObject()));
    socket.closeHandler(
        v -> {
          closed = true;
          closedLatch.countDown();
        });
  }

  public static BridgeClient connect(Vertx vertx, int port) {
    return connect(vertx, port, null);
  }

  public static BridgeClient connect(Vertx vertx, int port, String origin) {
    var client = vertx.createWebSocketClient();
    var options =
        new WebSocketConnectOptions()
            .setHost("127.0.0.1")
            .setPort(port)
            .setURI("/eventbus/websocket");
    if (origin != null) {
      options.addHeader("Origin", origin);
    }
    return new BridgeClient(client, TestGateway.await(client.connect(options)));
  }

  public boolean isClosed() {
    return closed;
  }

  /** True when the server closed the socket within the time given. */
  public boolean awaitClosed(long timeoutMs) {
    try {
      return closedLatch.await(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public void raw(String text) {
    TestGateway.await(socket.writeTextMessage(text));
  }

  /** The frame as one WebSocket frame, however large, as a browser sends it. */
  public void singleFrame(JsonObject frame) {
    TestGateway.await(socket.writeFrame(WebSocketFrame.textFrame(frame.encode(), true)));
  }

  public void frame(JsonObject frame) {
    raw(frame.encode());
  }

  public void register(String address, String token) {
    frame(
        new JsonObject()
            .put("type", "register")
            .put("address", address)
            .put("headers", headers(token)));
  }

  public void publish(String address, JsonObject body, String token) {
    frame(
        new JsonObject()
            .put("type", "publish")
            .put("address", address)
            .put("body", body)
            .put("headers", headers(token)));
  }

  /** Sends and waits for the reply frame: {@code rec} with the reply body, or {@code err}. */
  public JsonObject request(String address, JsonObject body, String token) {
    var replyAddress = UUID.randomUUID().toString();
    frame(
        new JsonObject()
            .put("type", "send")
            .put("address", address)
            .put("body", body)
            .put("headers", headers(token))
            .put("replyAddress", replyAddress));
    return inbox.take(f -> replyAddress.equals(f.getString("address")) || isBareError(f), 10_000);
  }

  /**
   * A round trip on this socket, answered whatever the token may do (a heartbeat's reply or the
   * bridge's refusal): proof that the socket is served. Not a marker for events: the bridge may
   * answer a frame before it has let an earlier event through its checks.
   */
  public JsonObject roundTrip(String token) {
    return request("presence.heartbeat", new JsonObject(), token);
  }

  /**
   * Sends without waiting: the future is the reply frame ({@code rec} or {@code err}), for tests
   * that await several at once with a VertxTestContext.
   */
  public Future<JsonObject> send(String address, JsonObject body, String token) {
    var replyAddress = UUID.randomUUID().toString();
    var reply = inbox.next(f -> replyAddress.equals(f.getString("address")));
    var frame =
        new JsonObject()
            .put("type", "send")
            .put("address", address)
            .put("body", body)
            .put("headers", headers(token))
            .put("replyAddress", replyAddress);
    return socket.writeTextMessage(frame.encode()).compose(written -> reply);
  }

  /** The next frame on an address (in arrival order), within the time given. */
  public JsonObject next(String address, long timeoutMs) {
    return inbox.take(
        f -> address.equals(f.getString("address")) && !FrameInbox.isProbe(f), timeoutMs);
  }

  @Override
  public boolean probed(String address, long waitMs) {
    return inbox.probed(address, waitMs);
  }

  /** The next frame of the given address that matches. */
  public JsonObject next(String address, Predicate<JsonObject> body, long timeoutMs) {
    return inbox.take(FrameInbox.on(address, body), timeoutMs);
  }

  /** The next bridge error that answers no request: a refused register, send or publish. */
  public JsonObject nextError(long timeoutMs) {
    return inbox.take(BridgeClient::isBareError, timeoutMs);
  }

  /**
   * A frame on the address whose body matches that has already arrived (null if none), without
   * waiting. Ask it after awaiting a marker published behind the frame in question on the same
   * address: the bridge delivers an address's events in order, so a frame not here by then was
   * never let through.
   */
  public JsonObject arrivedOn(String address, Predicate<JsonObject> body) {
    return inbox.received(FrameInbox.on(address, body));
  }

  /**
   * Nothing on this address for the time given (null), or the frame that came. A bare silence
   * window: only for what no marker can follow, and only after an event that proves the pipeline
   * flows.
   */
  public JsonObject nothingOn(String address, Predicate<JsonObject> body, long waitMs) {
    try {
      return next(address, body, waitMs);
    } catch (AssertionError timeout) {
      return null;
    }
  }

  private static boolean isBareError(JsonObject frame) {
    return "err".equals(frame.getString("type")) && frame.getString("address") == null;
  }

  private static JsonObject headers(String token) {
    return token == null ? new JsonObject() : new JsonObject().put("token", token);
  }

  @Override
  public void close() {
    if (!closed) {
      TestGateway.await(socket.close());
    }
    TestGateway.await(client.close());
  }
}
