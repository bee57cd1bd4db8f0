package org.refdesk.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The bridge's JSON frames over one raw WebSocket, as a browser's client sends them, without
 * blocking: one per simulated patron or operator. Used against the gateway and, unchanged, against
 * the bare echo server, so both are measured through the same client code.
 */
final class BusClient {

  private final WebSocket socket;
  private final Map<String, Promise<JsonObject>> replies = new HashMap<>();
  private final Map<String, Consumer<JsonObject>> handlers = new HashMap<>();

  private final Promise<Void> closed = Promise.promise();

  private BusClient(WebSocket socket) {
    this.socket = socket;
    socket.handler(this::frame);
    socket.closeHandler(
        v -> {
          replies.values().forEach(p -> p.tryFail("closed"));
          closed.tryComplete();
        });
  }

  /** Completes when the socket closes, for whatever reason. */
  Future<Void> closed() {
    return closed.future();
  }

  static Future<BusClient> connect(WebSocketClient client, String host, int port, String path) {
    return client
        .connect(new WebSocketConnectOptions().setHost(host).setPort(port).setURI(path))
        .map(BusClient::new);
  }

  void register(String address, String token, Consumer<JsonObject> handler) {
    handlers.put(address, handler);
    socket.writeTextMessage(
        new JsonObject()
            .put("type", "register")
            .put("address", address)
            .put("headers", new JsonObject().put("token", token))
            .encode());
  }

  /**
   * Sends with a reply address; the future completes with the reply body or fails with the error.
   */
  Future<JsonObject> request(String address, JsonObject body, String token) {
    var replyAddress = UUID.randomUUID().toString();
    var promise = Promise.<JsonObject>promise();
    replies.put(replyAddress, promise);
    socket.writeTextMessage(
        new JsonObject()
            .put("type", "send")
            .put("address", address)
            .put("body", body)
            .put("headers", new JsonObject().put("token", token))
            .put("replyAddress", replyAddress)
            .encode());
    return promise.future();
  }

  /**
   * Keeps the socket open as a browser's client does: the bridge closes one that has not pinged for
   * a while.
   */
  void ping() {
    socket.writeTextMessage(new JsonObject().put("type", "ping").encode());
  }

  Future<Void> close() {
    return socket.close();
  }

  private void frame(Buffer buffer) {
    var frame = buffer.toJsonObject();
    var address = frame.getString("address");
    if (address == null) {
      return;
    }
    var reply = replies.remove(address);
    if (reply != null) {
      if ("err".equals(frame.getString("type"))) {
        reply.fail(frame.getString("message", "error"));
      } else {
        reply.complete(frame.getJsonObject("body"));
      }
      return;
    }
    var handler = handlers.get(address);
    if (handler != null && frame.getValue("body") instanceof JsonObject body) {
      handler.accept(body);
    }
  }
}
