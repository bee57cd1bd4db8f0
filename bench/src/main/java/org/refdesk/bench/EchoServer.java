package org.refdesk.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Baseline A: a bare Vert.x WebSocket server that answers every send frame the way the bridge
 * answers a committed message ({@code rec} to the reply address with {seq, at}), and nothing else.
 * The gap to it is what the real path costs: the guard, the bus, the group commit and the fan-out.
 */
final class EchoServer {

  private EchoServer() {}

  static Future<HttpServer> start(Vertx vertx, int port) {
    var seq = new AtomicLong();
    return vertx
        .createHttpServer()
        .webSocketHandler(
            socket ->
                socket.handler(
                    buffer -> {
                      var frame = buffer.toJsonObject();
                      var replyAddress = frame.getString("replyAddress");
                      if (replyAddress != null) {
                        socket.writeTextMessage(
                            new JsonObject()
                                .put("type", "rec")
                                .put("address", replyAddress)
                                .put(
                                    "body",
                                    new JsonObject()
                                        .put("seq", seq.incrementAndGet())
                                        .put("at", "now"))
                                .encode());
                      }
                    }))
        .listen(port, "127.0.0.1");
  }
}
