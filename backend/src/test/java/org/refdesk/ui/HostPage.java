package org.refdesk.ui;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.refdesk.support.TestGateway;

/**
 * A library's own web site on another site than the gateway (another port, and "localhost" or a
 * name under it rather than the gateway's 127.0.0.1), embedding the widget the way the README tells
 * libraries to. Every path answers with the same page.
 */
final class HostPage implements AutoCloseable {

  private final HttpServer server;
  private final int port;
  private final String hostName;

  /** One page, with nothing before the launcher in the tab order. */
  HostPage(Vertx vertx, int gatewayPort, int port) {
    this(vertx, gatewayPort, port, "localhost", "");
  }

  /** Pages of a site under that name, each with a link to another. */
  HostPage(Vertx vertx, int gatewayPort, int port, String hostName) {
    this(
        vertx,
        gatewayPort,
        port,
        hostName,
        "<p><a id=\"other-page\" href=\"/hours\">Opening hours</a></p>");
  }

  private HostPage(Vertx vertx, int gatewayPort, int port, String hostName, String link) {
    this.port = port;
    this.hostName = hostName;
    var html =
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Elsewhere Public Library</title></head>
        <body><main><h1>Elsewhere Public Library</h1><p>Opening hours, events and the catalogue.</p>
        %s</main>
        <script src="http://127.0.0.1:%d/widget.js" data-queue="ask" async></script></body></html>
        """
            .formatted(link, gatewayPort);
    this.server =
        TestGateway.await(
            vertx
                .createHttpServer()
                .requestHandler(
                    request ->
                        request
                            .response()
                            .putHeader("Content-Type", "text/html; charset=utf-8")
                            .end(html))
                .listen(port, "127.0.0.1"));
  }

  String url() {
    return origin() + "/";
  }

  String origin() {
    return "http://" + hostName + ":" + port;
  }

  int port() {
    return port;
  }

  @Override
  public void close() {
    TestGateway.await(server.close());
  }
}
