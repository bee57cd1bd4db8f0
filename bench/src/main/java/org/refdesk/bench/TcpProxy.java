package org.refdesk.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A loopback TCP proxy the fault run controls: it can cut every connection through it at once. */
final class TcpProxy {

  private final Vertx vertx;
  private final int targetPort;
  private final Set<NetSocket> open = ConcurrentHashMap.newKeySet();
  private NetServer server;
  private NetClient client;

  TcpProxy(Vertx vertx, int targetPort) {
    this.vertx = vertx;
    this.targetPort = targetPort;
  }

  Future<Integer> start() {
    client = vertx.createNetClient();
    server =
        vertx
            .createNetServer()
            .connectHandler(
                inbound -> {
                  inbound.pause();
                  client
                      .connect(targetPort, "127.0.0.1")
                      .onComplete(
                          connected -> {
                            if (connected.failed()) {
                              inbound.close();
                              return;
                            }
                            var outbound = connected.result();
                            open.add(inbound);
                            open.add(outbound);
                            inbound.handler(outbound::write);
                            outbound.handler(inbound::write);
                            inbound.closeHandler(
                                v -> {
                                  open.remove(inbound);
                                  outbound.close();
                                });
                            outbound.closeHandler(
                                v -> {
                                  open.remove(outbound);
                                  inbound.close();
                                });
                            inbound.resume();
                          });
                });
    return server.listen(0, "127.0.0.1").map(NetServer::actualPort);
  }

  /** Drops every client connection through this proxy, as a flaky network would. */
  int dropAll() {
    int count = open.size() / 2;
    open.forEach(NetSocket::close);
    return count;
  }

  Future<Void> stop() {
    dropAll();
    return server.close().compose(v -> client.close());
  }
}
