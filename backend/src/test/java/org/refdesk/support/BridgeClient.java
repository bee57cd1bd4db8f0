package org.refdesk.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A bare event-bus bridge client over a raw WebSocket, speaking the bridge's JSON frames the way a
 * browser's client would. Frames may arrive as text or binary; both are read. Test threads block on
 * it; it never blocks an event loop.
 */
public final class BridgeClient implements AutoCloseable {

  private final WebSocket socket;
  private final WebSocketClient client;
  private final LinkedBlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
  /** Frames already looked at by a wait that wanted something else; later waits see them too. */
  private final List<JsonObject> seen = new ArrayList<>();
  private final java.util.concurrent.CountDownLatch closedLatch = new java.util.concurrent.CountDownLatch(1);
  private volatile boolean closed;

  private BridgeClient(WebSocketClient client, WebSocket socket) {
    this.client = client;
    this.socket = socket;
    socket.handler(buffer -> inbox.add(buffer.toJsonObject()));
    socket.closeHandler(v -> {
      closed = true;
      closedLatch.countDown();
    });
  }

  public static BridgeClient connect(Vertx vertx, int port) {
    return connect(vertx, port, null);
  }

  public static BridgeClient connect(Vertx vertx, int port, String origin) {
    var client = vertx.createWebSocketClient();
    var options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/eventbus/websocket");
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
    frame(new JsonObject().put("type", "register").put("address", address).put("headers", headers(token)));
  }

  public void publish(String address, JsonObject body, String token) {
    frame(new JsonObject().put("type", "publish").put("address", address).put("body", body).put("headers", headers(token)));
  }

  /** Sends and waits for the reply frame: {@code rec} with the reply body, or {@code err}. */
  public JsonObject request(String address, JsonObject body, String token) {
    var replyAddress = UUID.randomUUID().toString();
    frame(new JsonObject().put("type", "send").put("address", address).put("body", body)
        .put("headers", headers(token)).put("replyAddress", replyAddress));
    return await(f -> replyAddress.equals(f.getString("address")) || isBareError(f), 10_000);
  }

  /** The next frame on an address (in arrival order), within the time given. */
  public JsonObject next(String address, long timeoutMs) {
    return await(f -> address.equals(f.getString("address")) && !isProbe(f), timeoutMs);
  }

  /** True when a probe (see TestGateway#awaitRegistered) arrived on the address within the time given. */
  public boolean probed(String address, long waitMs) {
    try {
      await(f -> address.equals(f.getString("address")) && isProbe(f), waitMs);
      return true;
    } catch (AssertionError timeout) {
      return false;
    }
  }

  private static boolean isProbe(JsonObject frame) {
    return frame.getValue("body") instanceof JsonObject body && "probe".equals(body.getString("type"));
  }

  /** The next frame of the given address that matches. */
  public JsonObject next(String address, Predicate<JsonObject> body, long timeoutMs) {
    return await(f -> address.equals(f.getString("address")) && f.getValue("body") instanceof JsonObject b
        && !isProbe(f) && body.test(b), timeoutMs);
  }

  /** The next bridge error that answers no request: a refused register, send or publish. */
  public JsonObject nextError(long timeoutMs) {
    return await(BridgeClient::isBareError, timeoutMs);
  }

  /** Nothing on this address for the time given (null) or the frame that came. */
  public JsonObject nothingOn(String address, long waitMs) {
    try {
      return next(address, waitMs);
    } catch (AssertionError timeout) {
      return null;
    }
  }

  /** Nothing matching on this address for the time given (null), or the frame that came. */
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

  private synchronized JsonObject await(Predicate<JsonObject> wanted, long timeoutMs) {
    for (var it = seen.iterator(); it.hasNext(); ) {
      var frame = it.next();
      if (wanted.test(frame)) {
        it.remove();
        return frame;
      }
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        var frame = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
        if (frame == null) {
          throw new AssertionError("no matching frame within " + timeoutMs + " ms; seen: " + seen);
        }
        if (wanted.test(frame)) {
          return frame;
        }
        if (!isProbe(frame)) {
          seen.add(frame);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted");
    }
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
