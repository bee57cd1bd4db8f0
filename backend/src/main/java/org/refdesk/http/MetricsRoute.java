package org.refdesk.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.refdesk.error.ApiException;
import org.refdesk.metrics.RefdeskMetrics;

/**
 * {@code GET /metrics} in Prometheus's text format. Metrics describe the service, not the public: a
 * scrape must come from the same machine or carry {@code REFDESK_METRICS_TOKEN} as a bearer token.
 */
public final class MetricsRoute {

  private final RefdeskMetrics metrics;
  private final Optional<String> token;

  public MetricsRoute(RefdeskMetrics metrics, Optional<String> token) {
    this.metrics = metrics;
    this.token = token;
  }

  public void mount(Router router) {
    router.get("/metrics").handler(this::allowed).handler(PrometheusScrapingHandler.create(metrics.registry()));
  }

  private void allowed(RoutingContext ctx) {
    var peer = ctx.request().remoteAddress();
    boolean local = peer != null && (peer.hostAddress().startsWith("127.") || "0:0:0:0:0:0:0:1".equals(peer.hostAddress()));
    var presented = OperatorAuth.bearer(ctx);
    boolean tokenMatches = token.isPresent() && presented != null && MessageDigest.isEqual(
        token.get().getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    if (tokenMatches || (local && ctx.request().getHeader("X-Forwarded-For") == null)) {
      ctx.next();
    } else {
      ctx.fail(ApiException.forbidden("Metrics are served to this machine or with the metrics token."));
    }
  }
}
