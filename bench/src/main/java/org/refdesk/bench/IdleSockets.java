package org.refdesk.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The client side of the idle scenario: sockets to one server, opened in batches from several
 * loopback source addresses, kept open while they sit idle, then closed, all from the bench's JVM.
 */
final class IdleSockets implements AutoCloseable {

  /**
   * Each source address has about 28,000 ephemeral ports; the ports of a run just before may still
   * be in TIME_WAIT. Four addresses taken in turn leave room for both at any size one process can
   * hold.
   */
  private static final List<String> SOURCE_ADDRESSES =
      List.of("127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5");

  /** Enough handshakes in flight to keep the server busy without flooding its accept queue. */
  private static final int BATCH = 500;

  /**
   * The bridge closes a socket that has not pinged for 60 s (Bridge.java), and opening twenty
   * thousand can take longer than that; an open widget pings every 5 s, these just often enough to
   * stay open.
   */
  private static final long PING_EVERY_MS = 20_000;

  private final Vertx vertx;
  private final List<WebSocketClient> clients = new ArrayList<>();

  /** Filled by the bench's thread, pinged from an event loop. */
  private final Queue<BusClient> open = new ConcurrentLinkedQueue<>();

  private final long pinger;

  IdleSockets(Vertx vertx, int count) {
    this.vertx = vertx;
    for (var address : SOURCE_ADDRESSES) {
      clients.add(
          vertx.createWebSocketClient(
              new WebSocketClientOptions().setLocalAddress(address).setMaxConnections(count)));
    }
    pinger = vertx.setPeriodic(PING_EVERY_MS, timer -> open.forEach(BusClient::ping));
  }

  /**
   * Opens {@code count} sockets to the bridge path on {@code port} and hands each to {@code onOpen}
   * (to register it, say); returns how many opened. One that fails or takes over 30 s is not
   * counted.
   */
  int open(int port, int count, Consumer<BusClient> onOpen) {
    for (int from = 0; from < count; from += BATCH) {
      var batch = new ArrayList<Future<BusClient>>();
      for (int i = from; i < Math.min(count, from + BATCH); i++) {
        var client = clients.get(i % clients.size());
        batch.add(
            BusClient.connect(client, "127.0.0.1", port, "/eventbus/websocket")
                .timeout(30, TimeUnit.SECONDS));
      }
      Bench.await(Future.join(batch).otherwiseEmpty());
      batch.stream()
          .filter(Future::succeeded)
          .map(Future::result)
          .forEach(
              socket -> {
                open.add(socket);
                onOpen.accept(socket);
              });
    }
    return open.size();
  }

  /** Sockets opened and not closed since, by either side. */
  int stillOpen() {
    return (int) open.stream().filter(socket -> !socket.closed().isComplete()).count();
  }

  /**
   * Closes every socket and waits until each has closed, so that the next server's sockets find the
   * files free.
   */
  @Override
  public void close() {
    vertx.cancelTimer(pinger);
    Bench.await(Future.join(open.stream().map(BusClient::close).toList()).otherwiseEmpty());
    Bench.await(Future.join(open.stream().map(BusClient::closed).toList()).otherwiseEmpty());
    // A socket whose handshake outlived its 30 s is held by its client only: closing the client
    // ends it.
    Bench.await(
        Future.join(clients.stream().map(WebSocketClient::close).toList()).otherwiseEmpty());
  }
}
