package org.refdesk.platform.web;

import io.vertx.core.http.HttpServerRequest;
import java.util.List;

/**
 * The address a request really came from. X-Forwarded-For is believed only when the direct peer is
 * a configured proxy; otherwise anyone could pick an address and dodge a per-address limit.
 */
public final class ClientAddress {

  private final List<String> trustedProxies;

  public ClientAddress(List<String> trustedProxies) {
    this.trustedProxies = List.copyOf(trustedProxies);
  }

  public String of(HttpServerRequest request) {
    var peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    var forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded == null || !trustedProxies.contains(peer)) {
      return peer;
    }
    // Walk from the nearest hop back: the first address that is not one of our proxies is the
    // client.
    var hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      var hop = hops[i].strip();
      if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
        return hop;
      }
    }
    return peer;
  }
}
