package org.refdesk.metrics;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.platform.metrics.RefdeskMetrics;

@DisplayName("A connection accepted before the server's meters existed is served, just not counted")
class EarlyConnectionMetricsTest {

  private static final SocketAddress PEER = SocketAddress.inetSocketAddress(40000, "127.0.0.1");

  /**
   * Vert.x creates an HTTP server's meters only after the port is bound; a connection the acceptor
   * takes in that moment has no socket meter, and Vert.x still reports its requests against it.
   */
  @Test
  @DisplayName("the HTTP meters take every call for a connection without a socket meter")
  @SuppressWarnings({"unchecked", "rawtypes"})
  void requestOnAnUnmeteredConnection() {
    var metrics = new RefdeskMetrics();
    var vertxMetrics =
        metrics
            .vertxMetricsFactory()
            .metrics(new VertxOptions().setMetricsOptions(RefdeskMetrics.vertxMetricsOptions()));
    HttpServerMetrics server =
        vertxMetrics.createHttpServerMetrics(
            new HttpServerOptions(), SocketAddress.inetSocketAddress(8080, "0.0.0.0"));
    assertDoesNotThrow(
        () -> {
          var request = server.requestBegin(null, request());
          server.requestRouted(request, "/ready");
          server.requestEnd(request, request(), 0);
          server.responseBegin(request, response());
          server.responseEnd(request, response(), 42);
          server.requestReset(request);
          server.bytesRead(null, PEER, 100);
          server.bytesWritten(null, PEER, 100);
          server.exceptionOccurred(null, PEER, new RuntimeException("reset"));
          server.disconnected(server.connected(null, request, null));
          server.disconnected(null, PEER);
        });

    // A connection with its meter is still counted as before.
    var socket = server.connected(PEER, "127.0.0.1");
    var request = server.requestBegin(socket, request());
    server.requestEnd(request, request(), 0);
    server.responseEnd(request, response(), 42);
    var scrape = metrics.registry().scrape();
    assertTrue(scrape.contains("vertx_http_server_requests_total"), scrape);
    vertxMetrics.close();
  }

  private static HttpRequest request() {
    return new HttpRequest() {
      @Override
      public int id() {
        return 1;
      }

      @Override
      public String uri() {
        return "/ready";
      }

      @Override
      public String absoluteURI() {
        return "http://127.0.0.1:8080/ready";
      }

      @Override
      public HttpMethod method() {
        return HttpMethod.GET;
      }

      @Override
      public MultiMap headers() {
        return MultiMap.caseInsensitiveMultiMap();
      }

      @Override
      public SocketAddress remoteAddress() {
        return PEER;
      }
    };
  }

  private static HttpResponse response() {
    return new HttpResponse() {
      @Override
      public int statusCode() {
        return 200;
      }

      @Override
      public MultiMap headers() {
        return MultiMap.caseInsensitiveMultiMap();
      }
    };
  }
}
