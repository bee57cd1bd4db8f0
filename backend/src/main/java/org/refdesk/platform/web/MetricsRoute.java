package org.refdesk.platform.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.refdesk.platform.errors.ApiException;
import org.refdesk.platform.metrics.RefdeskMetrics;

/**
 * {@code GET /metrics} in Prometheus's text format. Metrics describe the service, not the public: a
 * scrape must come from the same machine or carry {@code REFDESK_METRICS_TOKEN} as a bearer token.
 */
public final class MetricsRoute {

  /** Whatever a proxy may add to say whom it forwards for; any of them means "not local". */
  private static final List<String> FORWARDING_HEADERS =
      List.of(
          "Forwarded",
          "X-Forwarded-For",
          "X-Forwarded-Host",
          "X-Forwarded-Proto",
          "X-Real-IP",
          "X-Client-IP",
          "True-Client-IP",
          "CF-Connecting-IP",
          "Via");

  private final RefdeskMetrics metrics;
  private final Optional<String> token;

  public MetricsRoute(RefdeskMetrics metrics, Optional<String> token) {
    this.metrics = metrics;
    this.token = token;
  }

  public void mount(Router router) {
    router
        .get("/metrics")
        .handler(this::allowed)
        .handler(PrometheusScrapingHandler.create(metrics.registry()));
  }

  /**
   * A request that came through a proxy on this machine is from wherever the proxy's client was.
   */
  private static boolean forwarded(RoutingContext ctx) {
    var headers = ctx.request().headers();
    return FORWARDING_HEADERS.stream().anyMatch(headers::contains);
  }

  private void allowed(RoutingContext ctx) {
    var peer = ctx.request().remoteAddress();
    boolean local =
        peer != null
            && (peer.hostAddress().startsWith("127.")
                || "0:0:0:0:0:0:0:1".equals(peer.hostAddress()));
    var presented = Bearer.of(ctx);
    boolean tokenMatches =
        token.isPresent()
            && presented != null
            && MessageDigest.isEqual(
                token.get().getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    if (tokenMatches || (local && !forwarded(ctx))) {
      ctx.next();
    } else {
      ctx.fail(
          ApiException.forbidden("Metrics are served to this machine or with the metrics token."));
    }
  }
}
