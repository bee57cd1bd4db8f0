package org.refdesk.ui;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.refdesk.support.TestGateway;

/**
 * A library's own web page on another origin (another port, and "localhost" rather than the gateway's
 * 127.0.0.1), embedding the widget the way the README tells libraries to.
 */
final class HostPage implements AutoCloseable {

  private final HttpServer server;
  private final int port;

  HostPage(Vertx vertx, int gatewayPort, int port) {
    this.port = port;
    var html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Elsewhere Public Library</title></head>
        <body><main><h1>Elsewhere Public Library</h1><p>Opening hours, events and the catalogue.</p></main>
        <script src="http://127.0.0.1:%d/widget.js" data-queue="ask" async></script></body></html>
        """.formatted(gatewayPort);
    this.server = TestGateway.await(vertx.createHttpServer()
        .requestHandler(request -> request.response().putHeader("Content-Type", "text/html; charset=utf-8").end(html))
        .listen(port, "127.0.0.1"));
  }

  String url() {
    return "http://localhost:" + port + "/";
  }

  String origin() {
    return "http://localhost:" + port;
  }

  int port() {
    return port;
  }

  @Override
  public void close() {
    TestGateway.await(server.close());
  }
}
