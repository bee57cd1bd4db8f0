package org.refdesk.platform.metrics;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;

/**
 * Vert.x's HTTP server meters, made safe for connections that have no socket meter.
 *
 * <p>Vert.x 5.0 binds a server's port first and creates its meters in the bind's completion, which
 * can run after the acceptor has already taken connections (under load, at start-up). Such a
 * connection gets no socket meter, yet its requests are still reported, and the Micrometer meters
 * read the missing one: a {@code NullPointerException} in {@code requestBegin} that leaves the
 * request unanswered for good. Here a connection without a socket meter, and its requests, are not
 * counted; everything else is passed on as it is.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
final class EarlyConnectionSafeMetrics implements HttpServerMetrics<Object, Object, Object> {

  private final HttpServerMetrics meters;

  EarlyConnectionSafeMetrics(HttpServerMetrics<?, ?, ?> meters) {
    this.meters = meters;
  }

  @Override
  public Object connected(SocketAddress remoteAddress, String remoteName) {
    return meters.connected(remoteAddress, remoteName);
  }

  @Override
  public void disconnected(Object socketMetric, SocketAddress remoteAddress) {
    if (socketMetric != null) {
      meters.disconnected(socketMetric, remoteAddress);
    }
  }

  @Override
  public void bytesRead(Object socketMetric, SocketAddress remoteAddress, long numberOfBytes) {
    if (socketMetric != null) {
      meters.bytesRead(socketMetric, remoteAddress, numberOfBytes);
    }
  }

  @Override
  public void bytesWritten(Object socketMetric, SocketAddress remoteAddress, long numberOfBytes) {
    if (socketMetric != null) {
      meters.bytesWritten(socketMetric, remoteAddress, numberOfBytes);
    }
  }

  @Override
  public void exceptionOccurred(Object socketMetric, SocketAddress remoteAddress, Throwable t) {
    if (socketMetric != null) {
      meters.exceptionOccurred(socketMetric, remoteAddress, t);
    }
  }

  @Override
  public Object requestBegin(Object socketMetric, HttpRequest request) {
    return socketMetric == null ? null : meters.requestBegin(socketMetric, request);
  }

  @Override
  public void requestEnd(Object requestMetric, HttpRequest request, long bytesRead) {
    if (requestMetric != null) {
      meters.requestEnd(requestMetric, request, bytesRead);
    }
  }

  @Override
  public void requestReset(Object requestMetric) {
    if (requestMetric != null) {
      meters.requestReset(requestMetric);
    }
  }

  @Override
  public void responseBegin(Object requestMetric, HttpResponse response) {
    if (requestMetric != null) {
      meters.responseBegin(requestMetric, response);
    }
  }

  @Override
  public Object responsePushed(
      Object socketMetric, HttpMethod method, String uri, HttpResponse response) {
    return socketMetric == null ? null : meters.responsePushed(socketMetric, method, uri, response);
  }

  @Override
  public void responseEnd(Object requestMetric, HttpResponse response, long bytesWritten) {
    if (requestMetric != null) {
      meters.responseEnd(requestMetric, response, bytesWritten);
    }
  }

  @Override
  public Object connected(
      Object socketMetric, Object requestMetric, ServerWebSocket serverWebSocket) {
    return socketMetric == null
        ? null
        : meters.connected(socketMetric, requestMetric, serverWebSocket);
  }

  @Override
  public void disconnected(Object serverWebSocketMetric) {
    if (serverWebSocketMetric != null) {
      meters.disconnected(serverWebSocketMetric);
    }
  }

  @Override
  public void requestRouted(Object requestMetric, String route) {
    if (requestMetric != null) {
      meters.requestRouted(requestMetric, route);
    }
  }

  @Override
  public void close() {
    meters.close();
  }
}
