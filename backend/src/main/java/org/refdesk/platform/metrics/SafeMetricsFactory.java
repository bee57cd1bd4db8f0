package org.refdesk.platform.metrics;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.metrics.MetricsOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.core.spi.metrics.ClientMetrics;
import io.vertx.core.spi.metrics.DatagramSocketMetrics;
import io.vertx.core.spi.metrics.EventBusMetrics;
import io.vertx.core.spi.metrics.HttpClientMetrics;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.metrics.PoolMetrics;
import io.vertx.core.spi.metrics.TCPMetrics;
import io.vertx.core.spi.metrics.VertxMetrics;

/**
 * Vert.x's Micrometer meters, with the HTTP server's made safe for early connections (see {@link
 * EarlyConnectionSafeMetrics}).
 */
final class SafeMetricsFactory implements VertxMetricsFactory {

  private final VertxMetricsFactory micrometer;

  SafeMetricsFactory(VertxMetricsFactory micrometer) {
    this.micrometer = micrometer;
  }

  @Override
  public VertxMetrics metrics(VertxOptions options) {
    var meters = micrometer.metrics(options);
    return new VertxMetrics() {
      @Override
      public HttpServerMetrics<?, ?, ?> createHttpServerMetrics(
          HttpServerOptions serverOptions, SocketAddress localAddress) {
        var server = meters.createHttpServerMetrics(serverOptions, localAddress);
        return server == null ? null : new EarlyConnectionSafeMetrics(server);
      }

      @Override
      public EventBusMetrics createEventBusMetrics() {
        return meters.createEventBusMetrics();
      }

      @Override
      public ClientMetrics<?, ?, ?> createClientMetrics(
          SocketAddress remoteAddress, String type, String namespace) {
        return meters.createClientMetrics(remoteAddress, type, namespace);
      }

      @Override
      public HttpClientMetrics<?, ?, ?> createHttpClientMetrics(HttpClientOptions clientOptions) {
        return meters.createHttpClientMetrics(clientOptions);
      }

      @Override
      public TCPMetrics<?> createNetServerMetrics(
          NetServerOptions serverOptions, SocketAddress localAddress) {
        return meters.createNetServerMetrics(serverOptions, localAddress);
      }

      @Override
      public TCPMetrics<?> createNetClientMetrics(NetClientOptions clientOptions) {
        return meters.createNetClientMetrics(clientOptions);
      }

      @Override
      public DatagramSocketMetrics createDatagramSocketMetrics(
          DatagramSocketOptions socketOptions) {
        return meters.createDatagramSocketMetrics(socketOptions);
      }

      @Override
      public PoolMetrics<?, ?> createPoolMetrics(String type, String name, int maxSize) {
        return meters.createPoolMetrics(type, name, maxSize);
      }

      @Override
      public void vertxCreated(Vertx vertx) {
        meters.vertxCreated(vertx);
      }

      @Override
      public boolean isMetricsEnabled() {
        return meters.isMetricsEnabled();
      }

      @Override
      public void close() {
        meters.close();
      }
    };
  }

  @Override
  public MetricsOptions newOptions() {
    return micrometer.newOptions();
  }

  @Override
  public MetricsOptions newOptions(MetricsOptions options) {
    return micrometer.newOptions(options);
  }

  @Override
  public MetricsOptions newOptions(JsonObject json) {
    return micrometer.newOptions(json);
  }
}
